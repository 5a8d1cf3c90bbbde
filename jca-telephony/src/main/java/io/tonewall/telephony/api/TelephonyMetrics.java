package io.tonewall.telephony.api;

import java.io.Serializable;

/**
 * Counters of what the adapter holds right now, for metrics and leak checks: after every call has
 * ended, calls, dialogs, relayed transactions, media sessions and RTP ports are all back to zero.
 *
 * @param calls live calls in the call registry
 * @param dialogs SIP dialogs Tonewall created that have not terminated (two per answered call)
 * @param pendingTransactions requests Tonewall relayed whose final response is still awaited
 * @param stackTransactions client and server transactions still in the SIP stack's tables (they
 *     linger up to 32 s after completion over UDP, as RFC 3261 timers require)
 * @param mediaSessions open media sessions on the relay
 * @param rtpPortsInUse RTP and RTCP ports bound, four per media session
 * @param pairingCodes pairing codes allocated and not yet dialled
 * @param malformedRtpPackets datagrams dropped by the relay since start because they were not RTP
 * @param sipRequests SIP requests parsed by the stack and handled by the B2BUA since start
 * @param sipRequestsRefused requests the B2BUA answered itself with 4xx, 5xx or 6xx since start
 * @param leakSuspectedFrames frames sent to agents during secure windows that the leak sentinel
 *     found suspicious, since start (one {@code LEAK_SUSPECTED} event each)
 * @param secureWindowsClosed secure windows closed with a sentinel verdict since start
 */
public record TelephonyMetrics(
    int calls,
    int dialogs,
    int pendingTransactions,
    int stackTransactions,
    int mediaSessions,
    int rtpPortsInUse,
    int pairingCodes,
    long malformedRtpPackets,
    long sipRequests,
    long sipRequestsRefused,
    long leakSuspectedFrames,
    long secureWindowsClosed)
    implements Serializable {}
