/**
 * {@code Idempotency-Key} on every POST under {@code /api/v1} (except the token endpoint): a
 * request filter that claims the key or answers a repeat (replay, 422 for a different request, 409
 * while the first is still being answered), and a response filter that stores the answer for 24
 * hours. Stored bodies are API responses, which never carry card data; a response that carries a
 * secret shown once is stored without it.
 */
package io.tonewall.web.api.idempotency;
