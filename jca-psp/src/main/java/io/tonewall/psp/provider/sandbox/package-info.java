/**
 * The built-in sandbox acquirer, the default provider: deterministic, in memory per adapter
 * instance, with documented test card numbers for every outcome (approval, each decline reason,
 * failure, and unknown outcomes through cards whose answer times out), so that sessions, status
 * queries, voids, refunds and reconciliation can be exercised without any real provider.
 */
package io.tonewall.psp.provider.sandbox;
