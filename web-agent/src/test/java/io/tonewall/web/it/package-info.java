/**
 * Integration tests on Payara Micro: the real WAR and RARs, deployed as {@code bin/tonewall run}
 * deploys them, one server per failsafe execution ({@link io.tonewall.web.it.TonewallServer}),
 * against H2 and against a fresh PostgreSQL database; the classes tagged {@code
 * database-incidental} run on PostgreSQL only.
 */
package io.tonewall.web.it;
