/**
 * The console's push channel: a WebSocket per signed-in page over which session changes and card
 * field progress arrive as they happen (no polling). Frames carry ids, statuses and digit counts,
 * never a digit. Handshakes from another origin or without a signed-in user are refused.
 */
package io.tonewall.web.console.push;
