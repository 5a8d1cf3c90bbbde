/**
 * The agent console's pages (Jakarta Faces with PrimeFaces): sign-in, the agent's one-page payment
 * flow, the supervisor's live list and the administrator's pages. Request-scoped views that only
 * translate between pages and the application layer of ejb-session; they hold no card data, only
 * digit counts, masked values, brands and last fours.
 */
package io.tonewall.web.console;
