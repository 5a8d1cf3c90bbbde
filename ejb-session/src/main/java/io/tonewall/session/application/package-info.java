/**
 * Use cases of the payment domain as enterprise beans: one stateful bean per payment session, and
 * stateless services that open, find and report on sessions and on the adapters' readiness.
 */
package io.tonewall.session.application;
