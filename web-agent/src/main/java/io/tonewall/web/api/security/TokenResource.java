package io.tonewall.web.api.security;

import io.tonewall.session.domain.ApiClient;
import io.tonewall.session.domain.SecretHash;
import io.tonewall.session.infrastructure.jpa.JpaApiClientRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OAuth2 client-credentials token endpoint (RFC 6749 §4.4): {@code POST /api/v1/oauth/token} with
 * {@code grant_type=client_credentials}, client authentication by HTTP Basic or form parameters, an
 * optional {@code scope} (a subset of the client's scopes; all of them when absent). Errors per
 * §5.2. Responses are never cached, and never stored for idempotent replay.
 */
@Path("v1/oauth/token")
@RequestScoped
@PermitAll
@Tag(name = "oauth", description = "Access tokens")
public class TokenResource {

  /** Compared against when the client id is unknown, so that timing does not reveal ids. */
  private static final SecretHash UNKNOWN_CLIENT = unknownClientHash();

  @EJB private JpaApiClientRepository clients;

  @Inject private AccessTokens tokens;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Issue an access token (client credentials)")
  @APIResponse(responseCode = "200", description = "the access token")
  @APIResponse(responseCode = "400", description = "invalid_request, invalid_scope, ...")
  @APIResponse(responseCode = "401", description = "invalid_client")
  public Response issue(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      MultivaluedMap<String, String> form) {
    try {
      return grant(Optional.ofNullable(authorization), form);
    } catch (TokenRequestException e) {
      return error(e);
    }
  }

  private Response grant(Optional<String> authorization, MultivaluedMap<String, String> form) {
    String grantType =
        ClientCredentials.single(form, "grant_type")
            .orElseThrow(() -> TokenRequestException.invalidRequest("grant_type is required"));
    try (ClientCredentials credentials =
        ClientCredentials.of(authorization, form)
            .orElseThrow(
                () ->
                    TokenRequestException.invalidClient(
                        "client authentication is required (HTTP Basic or client_id and"
                            + " client_secret)"))) {
      ApiClient client = authenticate(credentials);
      if (!"client_credentials".equals(grantType)) {
        throw TokenRequestException.unsupportedGrantType(
            "only grant_type=client_credentials is supported");
      }
      Set<String> granted = scopes(ClientCredentials.single(form, "scope"), client);
      AccessTokens.IssuedToken token = tokens.issue(client.clientId(), granted);
      JsonObject body =
          Json.createObjectBuilder()
              .add("access_token", token.value())
              .add("token_type", "Bearer")
              .add("expires_in", token.expiresInSeconds())
              .add("scope", token.scope())
              .build();
      return noStore(Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE)).build();
    }
  }

  private ApiClient authenticate(ClientCredentials credentials) {
    Optional<ApiClient> client = clients.find(credentials.clientId());
    if (client.isEmpty()) {
      // The same work as for a known client, so that response times do not reveal client ids.
      UNKNOWN_CLIENT.matches(credentials.secret());
      throw TokenRequestException.invalidClient("unknown client or wrong secret");
    }
    if (!client.get().authenticates(credentials.secret())) {
      throw TokenRequestException.invalidClient("unknown client or wrong secret");
    }
    return client.get();
  }

  private static Set<String> scopes(Optional<String> requested, ApiClient client) {
    if (requested.isEmpty() || requested.get().isBlank()) {
      return client.scopes();
    }
    Set<String> asked = new TreeSet<>(Arrays.asList(requested.get().strip().split(" +")));
    if (!client.scopes().containsAll(asked)) {
      throw TokenRequestException.invalidScope(
          "requested scope exceeds the client's scopes " + new TreeSet<>(client.scopes()));
    }
    return asked;
  }

  private static Response error(TokenRequestException e) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("error", e.error())
            .add("error_description", e.getMessage())
            .build();
    Response.ResponseBuilder response =
        noStore(Response.status(e.status()).entity(body.toString()))
            .type(MediaType.APPLICATION_JSON_TYPE);
    if (e.status() == Response.Status.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tonewall\"");
    }
    return response.build();
  }

  private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
    return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
  }

  private static SecretHash unknownClientHash() {
    char[] random = new char[32];
    SecureRandom generator = new SecureRandom();
    for (int i = 0; i < random.length; i++) {
      random[i] = (char) ('a' + generator.nextInt(26));
    }
    return SecretHash.of(random);
  }
}
