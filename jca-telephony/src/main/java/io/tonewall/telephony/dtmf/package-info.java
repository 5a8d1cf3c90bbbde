/**
 * DTMF on the media path. In-band: a streaming Goertzel detector held to ITU-T Q.24 limits that
 * reports each key once with its start and end sample, an early over-sensitive onset indicator, and
 * the secure-mode masker that holds the caller's audio back by a short look-ahead and replaces
 * every key tone (and every RFC 4733 key press it is told about) by one identical masking signal
 * before the agent can hear it; and the leak sentinel, a deliberately over-sensitive check that the
 * masked audio holds no dual tone at all (whether, never which key). Over RTP: the sixteen keys
 * ({@link io.tonewall.telephony.dtmf.DtmfKey}), RFC 4733 telephone-events (value type, payload
 * codec, and a receiver that turns lost, repeated, reordered and segmented event packets into
 * exactly one key press each). And the collector that gathers one card field from key presses
 * against an injected clock. Time is a sample index or an RTP timestamp, never the wall clock. Keys
 * are card data: types here never print them, and nothing here imports {@code jakarta.*}.
 */
package io.tonewall.telephony.dtmf;
