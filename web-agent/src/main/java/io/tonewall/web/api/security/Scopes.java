package io.tonewall.web.api.security;

/**
 * The scopes of the API, as {@code @RolesAllowed} constants; the same set as {@code
 * ApiClient.ALL_SCOPES}.
 */
public final class Scopes {

  public static final String SESSIONS_READ = "sessions:read";
  public static final String SESSIONS_WRITE = "sessions:write";
  public static final String PAYMENTS_REFUND = "payments:refund";
  public static final String WEBHOOKS_MANAGE = "webhooks:manage";

  /** The OpenAPI security scheme's name. */
  public static final String SCHEME = "oauth2";

  private Scopes() {}
}
