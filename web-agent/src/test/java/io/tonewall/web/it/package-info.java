/**
 * Integration tests on Payara Micro: the real WAR and RARs, deployed as {@code bin/tonewall run}
 * deploys them, against H2 and against a fresh PostgreSQL database.
 */
package io.tonewall.web.it;
