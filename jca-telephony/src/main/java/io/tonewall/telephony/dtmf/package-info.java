/**
 * DTMF on the media path: the sixteen keypad keys ({@link io.tonewall.telephony.dtmf.DtmfKey}), RFC
 * 4733 telephone-events (value type, payload codec, and a receiver that turns lost, repeated,
 * reordered and segmented event packets into exactly one key press each), a streaming Goertzel
 * detector held to ITU-T Q.24 limits, the secure-mode masker that holds the caller's audio back by
 * a short look-ahead and replaces every key tone by one identical masking signal, and the collector
 * that gathers one card field from key presses against an injected clock. Time is a sample index or
 * an RTP timestamp, never the wall clock. Key values are card data: types here print them masked,
 * and nothing here imports {@code jakarta.*}.
 */
package io.tonewall.telephony.dtmf;
