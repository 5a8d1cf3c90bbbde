/**
 * In-band DTMF on 8 kHz linear audio: a streaming Goertzel detector held to ITU-T Q.24 limits that
 * reports each key once with its start and end sample, an early over-sensitive onset indicator, and
 * the secure-mode masker that holds the caller's audio back by a short look-ahead and replaces
 * every key tone (and every RFC 4733 key press it is told about) by one identical masking signal
 * before the agent can hear it. Time is always a sample index of the stream, never the wall clock.
 * Nothing here imports {@code jakarta.*}; detected keys are card data, so their {@code toString()}
 * never shows the key.
 */
package io.tonewall.telephony.dtmf;
