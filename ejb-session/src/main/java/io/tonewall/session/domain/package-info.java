/**
 * The payment domain: payment sessions with their state machine, amounts and the public status
 * integrators see. Entities here carry behaviour and never hold card data: at most brand, first
 * six, last four, PSP token and reference.
 */
package io.tonewall.session.domain;
