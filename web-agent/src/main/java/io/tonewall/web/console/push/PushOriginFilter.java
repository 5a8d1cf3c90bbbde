package io.tonewall.web.console.push;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Refuses (403) a push-channel handshake whose {@code Origin} is not the console's own origin (the
 * scheme, host and port the request was sent to), so that no other site's page can open a channel
 * with a signed-in agent's cookie.
 */
@WebFilter(urlPatterns = "/console/push")
public class PushOriginFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!sameOrigin(request.getHeader("Origin"), request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "foreign origin");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean sameOrigin(String origin, HttpServletRequest request) {
    if (origin == null || origin.isBlank()) {
      return false;
    }
    String host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      URI given = new URI(origin.strip());
      String expectedScheme = request.isSecure() ? "https" : "http";
      String givenAuthority = given.getRawAuthority();
      return expectedScheme.equalsIgnoreCase(given.getScheme())
          && givenAuthority != null
          && authority(givenAuthority, expectedScheme).equals(authority(host, expectedScheme));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String authority(String hostAndPort, String scheme) {
    String lower = hostAndPort.strip().toLowerCase(Locale.ROOT);
    String defaultPort = "https".equals(scheme) ? ":443" : ":80";
    return lower.endsWith(defaultPort)
        ? lower.substring(0, lower.length() - defaultPort.length())
        : lower;
  }
}
