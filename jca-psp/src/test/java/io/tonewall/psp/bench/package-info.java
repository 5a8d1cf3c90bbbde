/**
 * The adapter's benchmark, run by {@code jca-psp/bench/psp-bench.sh} and not by the test suite:
 * sandbox authorisations per second through a managed connection and its XAResource, each inside
 * its own transaction branch (start, authorise, end, prepare, commit).
 */
package io.tonewall.psp.bench;
