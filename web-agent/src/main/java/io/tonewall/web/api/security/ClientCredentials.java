package io.tonewall.web.api.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client id and secret of a token request (RFC 6749 §2.3.1): from HTTP Basic (each part
 * form-url-encoded) or from the {@code client_id}/{@code client_secret} form parameters, never
 * both. The caller wipes the secret with {@link #close()}.
 */
final class ClientCredentials implements AutoCloseable {

  private final String clientId;
  private final char[] secret;

  private ClientCredentials(String clientId, char[] secret) {
    this.clientId = clientId;
    this.secret = secret;
  }

  /**
   * Reads the credentials of a token request.
   *
   * @return empty when the request carries none
   * @throws TokenRequestException {@code invalid_request} when it carries both kinds, or a
   *     malformed Basic header
   */
  static Optional<ClientCredentials> of(
      Optional<String> authorization, Map<String, List<String>> form) {
    Optional<String> formId = single(form, "client_id");
    Optional<String> formSecret = single(form, "client_secret");
    if (authorization.isPresent()) {
      if (formId.isPresent() || formSecret.isPresent()) {
        throw TokenRequestException.invalidRequest(
            "send client credentials either with HTTP Basic or in the form, not both");
      }
      return Optional.of(basic(authorization.get()));
    }
    if (formId.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClientCredentials(formId.get(), formSecret.orElse("").toCharArray()));
  }

  private static ClientCredentials basic(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw TokenRequestException.invalidClient(
          "only HTTP Basic client authentication is accepted");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw TokenRequestException.invalidClient("the Basic credentials are not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw TokenRequestException.invalidClient("the Basic credentials are not id:secret");
    }
    return new ClientCredentials(
        formDecoded(decoded.substring(0, colon)),
        formDecoded(decoded.substring(colon + 1)).toCharArray());
  }

  private static String formDecoded(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw TokenRequestException.invalidClient("the Basic credentials are not form-encoded");
    }
  }

  static Optional<String> single(Map<String, List<String>> form, String name) {
    List<String> values = form.getOrDefault(name, List.of());
    if (values.size() > 1) {
      throw TokenRequestException.invalidRequest(
          name.toLowerCase(Locale.ROOT) + " must not be repeated");
    }
    return values.stream().findFirst();
  }

  String clientId() {
    return clientId;
  }

  char[] secret() {
    return secret;
  }

  @Override
  public void close() {
    Arrays.fill(secret, '\0');
  }

  @Override
  public String toString() {
    return "ClientCredentials[" + clientId + ", secret=…]";
  }
}
