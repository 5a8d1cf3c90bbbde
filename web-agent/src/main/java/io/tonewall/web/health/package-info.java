/**
 * MicroProfile Health checks: Tonewall is ready only when its database answers, the telephony
 * adapter listens on its SIP port and the PSP adapter has a configuration.
 */
package io.tonewall.web.health;
