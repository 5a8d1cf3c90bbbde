/**
 * The integrator API under {@code /api/v1}: thin JAX-RS resources that translate HTTP to the
 * payment domain's use cases and report errors as RFC 9457 problem details.
 */
package io.tonewall.web.api;
