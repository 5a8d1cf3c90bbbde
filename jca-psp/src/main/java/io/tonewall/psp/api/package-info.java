/**
 * What applications see of the PSP adapter: the connection factory and connection through which
 * payment sessions authorise, capture, void, refund and tokenise with a payment service provider,
 * whatever the provider.
 */
package io.tonewall.psp.api;
