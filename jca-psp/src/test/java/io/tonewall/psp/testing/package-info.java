/**
 * Test fixtures shared by the adapter's tests: test cards with a distinctive security code, a
 * silent in-process WireMock (its console output would echo request bodies) and transaction branch
 * ids as a transaction manager would make them.
 */
package io.tonewall.psp.testing;
