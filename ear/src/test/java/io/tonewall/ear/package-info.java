/** Proves that tonewall.ear deploys and becomes ready on a full Payara Server. */
package io.tonewall.ear;
