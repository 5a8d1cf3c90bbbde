package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** HTTP calls to the deployed API from the test JVM, with or without an access token. */
final class ApiHttp {

  static final String CLIENT = "it-client";
  static final String SECRET = "it-secret-0123456789abcdef";
  static final String OTHER_CLIENT = "it-other";
  static final String OTHER_SECRET = "it-other-secret-0123456789";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI root;

  ApiHttp(URL base) {
    String text = base.toString().endsWith("/") ? base.toString() : base + "/";
    this.root = URI.create(text);
  }

  URI app(String path) {
    return root.resolve(path);
  }

  /** The token response for {@code clientId} via HTTP Basic, with an optional scope. */
  HttpResponse<String> requestToken(String clientId, String secret, String scope) throws Exception {
    String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + enc(scope));
    return send(
        HttpRequest.newBuilder(app("api/v1/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", basic(clientId, secret))
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** An access token for {@code clientId}, with every scope of the client. */
  String token(String clientId, String secret) throws Exception {
    return token(clientId, secret, null);
  }

  String token(String clientId, String secret, String scope) throws Exception {
    HttpResponse<String> response = requestToken(clientId, secret, scope);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "token request failed: " + response.statusCode() + " " + response.body());
    }
    return json(response.body()).getString("access_token");
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send(authorised(HttpRequest.newBuilder(app(path)), token).GET());
  }

  HttpResponse<String> post(String path, String body, String token) throws Exception {
    return post(path, body, token, null);
  }

  HttpResponse<String> post(String path, String body, String token, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        authorised(HttpRequest.newBuilder(app(path)), token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  HttpResponse<String> delete(String path, String token) throws Exception {
    return send(authorised(HttpRequest.newBuilder(app(path)), token).DELETE());
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  static JsonArray jsonArray(String body) {
    return Json.createReader(new StringReader(body)).readArray();
  }

  static String basic(String clientId, String secret) {
    return "Basic "
        + Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(UTF_8));
  }

  private static HttpRequest.Builder authorised(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, UTF_8);
  }
}
