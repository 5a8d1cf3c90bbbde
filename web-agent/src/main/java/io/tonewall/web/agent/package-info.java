/**
 * The agent console (Jakarta Faces): views backed by request-scoped beans that only translate
 * between pages and the payment domain. Pages show masked forms and digit counts, never digits.
 */
package io.tonewall.web.agent;
