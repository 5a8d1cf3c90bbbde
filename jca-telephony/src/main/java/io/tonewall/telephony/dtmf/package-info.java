/**
 * DTMF on the media path: the sixteen keypad keys ({@link io.tonewall.telephony.dtmf.DtmfKey}), RFC
 * 4733 telephone-events (value type, payload codec, and a receiver that turns lost, repeated,
 * reordered and segmented event packets into exactly one key press each), in-band tone detection
 * and masking, and the collector that gathers one card field from key presses against an injected
 * clock. Key values are card data: types here print them masked, and nothing here imports {@code
 * jakarta.*}.
 */
package io.tonewall.telephony.dtmf;
