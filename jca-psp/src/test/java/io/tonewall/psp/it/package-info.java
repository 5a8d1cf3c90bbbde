/**
 * Integration tests of the PSP adapter inside Payara Micro: the RAR deployed with an XA connection
 * pool, a servlet that authorises inside a container-managed JTA transaction, and a WireMock in the
 * test JVM answering as Stripe to see what reaches the provider after commit or rollback.
 */
package io.tonewall.psp.it;
