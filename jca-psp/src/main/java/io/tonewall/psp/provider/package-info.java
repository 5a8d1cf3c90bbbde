/**
 * The contract every payment service provider implements ({@link
 * io.tonewall.psp.provider.PspProvider}) and the validated PSP configuration that selects one, with
 * its base URL and credentials; one sub-package per provider turns the contract into that
 * provider's API calls.
 */
package io.tonewall.psp.provider;
