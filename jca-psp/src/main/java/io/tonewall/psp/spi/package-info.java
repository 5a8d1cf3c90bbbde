/**
 * The JCA side of the adapter: the resource adapter and its configuration properties, the managed
 * connection factory, managed connections with package-private connection handles, the {@code
 * XAResource} that voids on rollback, captures and refunds after commit and recovers in-doubt work
 * from a small durable log, and the payment gateway that validates requests against what was
 * authorised before any provider is called. Also holds the narrow {@link
 * io.tonewall.psp.spi.CardAccess} door through which provider serialisers read card digits.
 */
package io.tonewall.psp.spi;
