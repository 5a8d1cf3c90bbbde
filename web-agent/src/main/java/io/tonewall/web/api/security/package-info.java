/**
 * Access to the integrator API: the OAuth2 client-credentials token endpoint, RS256 access tokens
 * whose scopes are the roles {@code @RolesAllowed} checks, the calling client of a request, and RFC
 * 6750 / RFC 9457 answers to missing, bad or insufficient tokens.
 */
package io.tonewall.web.api.security;
