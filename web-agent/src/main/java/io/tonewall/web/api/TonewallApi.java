package io.tonewall.web.api;

import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The integrator API's root: every resource lives under {@code /api}. Access tokens are RS256 JWTs
 * issued by {@code POST /api/v1/oauth/token} and verified by {@code BearerTokenFilter}; their
 * scopes are the roles that {@code @RolesAllowed} checks ({@code RolesAllowedFeature}). The WAR's
 * one Jakarta Security mechanism is the console's sign-in form, which leaves {@code /api} alone.
 */
@ApplicationPath("/api")
@ApplicationScoped
@DeclareRoles({
  Scopes.SESSIONS_READ,
  Scopes.SESSIONS_WRITE,
  Scopes.PAYMENTS_REFUND,
  Scopes.WEBHOOKS_MANAGE
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tonewall integrator API",
            version = "v1",
            description =
                "Card payments over the phone without card data reaching the contact center."
                    + " Errors are application/problem+json (RFC 9457); every POST honours"
                    + " Idempotency-Key."))
@SecurityScheme(
    securitySchemeName = Scopes.SCHEME,
    type = SecuritySchemeType.OAUTH2,
    description = "OAuth2 client credentials; send the access token as a Bearer token.",
    flows =
        @OAuthFlows(
            clientCredentials =
                @OAuthFlow(
                    tokenUrl = "/api/v1/oauth/token",
                    scopes = {
                      @OAuthScope(name = Scopes.SESSIONS_READ, description = "read sessions"),
                      @OAuthScope(
                          name = Scopes.SESSIONS_WRITE,
                          description = "open, drive and cancel sessions"),
                      @OAuthScope(name = Scopes.PAYMENTS_REFUND, description = "refund payments"),
                      @OAuthScope(
                          name = Scopes.WEBHOOKS_MANAGE,
                          description = "manage webhook subscriptions and deliveries")
                    })))
public class TonewallApi extends Application {}
