package io.tonewall.web.console.push;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
 * with a signed-in agent's cookie. Declared in web.xml, so that it runs before the WebSocket
 * upgrade.
 */
public class PushOriginFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!sameOrigin(request.getHeader("Origin"), request.getHeader("Host"), request.isSecure())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "foreign origin");
      return;
    }
    chain.doFilter(request, response);
  }

  /** True when {@code origin} is the scheme, host and port of a request to {@code host}. */
  static boolean sameOrigin(String origin, String host, boolean secure) {
    if (origin == null || origin.isBlank() || host == null || host.isBlank()) {
      return false;
    }
    try {
      URI given = new URI(origin.strip());
      String expectedScheme = secure ? "https" : "http";
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
