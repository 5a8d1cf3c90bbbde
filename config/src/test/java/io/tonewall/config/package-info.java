/** Checks that the resource definitions for Payara Micro and for the EAR name the same things. */
package io.tonewall.config;
