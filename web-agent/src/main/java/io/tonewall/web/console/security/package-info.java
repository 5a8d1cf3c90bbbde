/**
 * Sign-in to the agent console: a form-based Jakarta Security mechanism limited to {@code
 * /console/*}, an identity store over the console's users, and a delay that grows with repeated
 * failures for the same user name.
 */
package io.tonewall.web.console.security;
