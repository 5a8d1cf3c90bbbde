/**
 * The media relay's per-direction streams. {@link io.tonewall.telephony.relay.AgentLegStream} turns
 * the caller's RTP into what the agent may receive: unchanged in normal mode; in secure mode audio
 * masked with look-ahead, telephone-events consumed into key presses and replaced by masking audio,
 * with sequence numbers kept continuous. Builds on the {@code rtp} and {@code dtmf} packages;
 * nothing here imports {@code jakarta.*}.
 */
package io.tonewall.telephony.relay;
