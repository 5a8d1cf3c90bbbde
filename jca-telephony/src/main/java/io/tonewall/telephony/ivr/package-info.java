/**
 * The IVR: calls Tonewall answers itself (no agent leg). {@link io.tonewall.telephony.ivr.IvrRoute}
 * tells an IVR INVITE from a relayed one; {@link io.tonewall.telephony.ivr.PromptLibrary} holds the
 * G.711-ready prompts per language; {@link io.tonewall.telephony.ivr.PromptPlayer} paces them as 20
 * ms RTP frames (time injected); {@link io.tonewall.telephony.ivr.IvrKeypad} hears the caller's
 * keys (in-band and RFC 4733); {@link io.tonewall.telephony.ivr.IvrMediaSession} and {@link
 * io.tonewall.telephony.ivr.IvrMediaLoop} carry the media on a thread of their own; {@link
 * io.tonewall.telephony.ivr.IvrCall} is the dialogue (link id, field prompts, announcements,
 * endings); {@link io.tonewall.telephony.ivr.LinkIds} maps link ids to payment sessions. No {@code
 * jakarta.*}; keys are card data and are never logged.
 */
package io.tonewall.telephony.ivr;
