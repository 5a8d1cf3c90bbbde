package io.tonewall.telephony.relay;

/**
 * A snapshot of the relay's counters.
 *
 * @param sessions media sessions open
 * @param portsInUse RTP and RTCP ports bound (four per session)
 * @param malformedPackets datagrams dropped since start because they were not RTP or RTCP
 * @param failedPackets packets whose handling failed (I/O error on send or a bug), dropped, and
 *     requests to the relay threads that failed (a bug; the relay goes on)
 */
public record RelayMetrics(
    int sessions, int portsInUse, long malformedPackets, long failedPackets) {}
