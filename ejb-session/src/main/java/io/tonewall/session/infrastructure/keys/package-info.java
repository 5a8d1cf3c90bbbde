/**
 * The RSA key pair that signs the API's access tokens: generated on first start, kept durable as a
 * PKCS#8 file under {@code TONEWALL_KEYS_DIR} (default {@code var/keys}), and offered to
 * MicroProfile JWT through a config source so that verification works in both packagings without
 * knowing the HTTP port.
 */
package io.tonewall.session.infrastructure.keys;
