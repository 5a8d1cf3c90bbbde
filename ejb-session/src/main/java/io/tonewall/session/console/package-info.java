/**
 * Users of the agent console: agents, supervisors and administrators, with salted PBKDF2 password
 * hashes, the payment session an agent is working on, and the administrator created at start-up
 * from {@code TONEWALL_BOOTSTRAP_ADMIN}.
 */
package io.tonewall.session.console;
