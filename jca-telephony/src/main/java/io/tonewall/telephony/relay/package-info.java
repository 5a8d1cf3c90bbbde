/**
 * The RTP relay that anchors each call's media: {@link io.tonewall.telephony.relay.RtpRelay} (calls
 * placed on {@link io.tonewall.telephony.relay.RelayLoop}s by {@link
 * io.tonewall.telephony.relay.LoopPlacement}, each loop a thread with its own {@link
 * io.tonewall.telephony.relay.LoopReadiness}: the native fast path's epoll set, which also forwards
 * normal-mode RTP without Java ({@link io.tonewall.telephony.relay.NativeReadiness} over the JNI
 * binding {@link io.tonewall.telephony.relay.NativeFastPath}), or a NIO selector; RTP/RTCP port
 * pairs from a {@link io.tonewall.telephony.relay.PortRange}), per call a {@link
 * io.tonewall.telephony.relay.MediaSession} with two legs (symmetric RTP — a socket is connected to
 * its party once latched —, RTCP passed through, malformed packets counted and dropped, media
 * timeout), and the per-direction streams: {@link io.tonewall.telephony.relay.AgentLegStream} turns
 * the caller's RTP into what the agent may receive (unchanged in normal mode; in secure mode audio
 * masked with look-ahead, telephone-events consumed into key presses and replaced by masking audio,
 * sequence numbers kept continuous), while the agent's RTP is listened to for the pairing code;
 * while a call is secure, {@link io.tonewall.telephony.relay.SecureWindowSentinel} checks what is
 * really sent to the agent with the over-sensitive leak sentinel and reports a verdict per secure
 * window. Secure media is never on the fast path. Builds on the {@code rtp} and {@code dtmf}
 * packages; nothing here imports {@code jakarta.*}.
 */
package io.tonewall.telephony.relay;
