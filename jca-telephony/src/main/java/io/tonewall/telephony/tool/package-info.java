/**
 * Command-line tools around the media code, run with {@code java -cp}: {@code MaskCommand}, the
 * offline masking check behind {@code bin/tonewall mask} (an assessor masks any recording and
 * checks the result with an independent detector), and {@code DtmfBenchmark}, the cost per frame of
 * detection and masking compared with spandsp, and {@code RelayBenchNode} (with {@code
 * RelayBenchControl}), a standalone telephony node with a loopback control socket for the RTP load
 * benchmark behind {@code bin/tonewall bench-rtp}. Not used inside the resource adapter.
 */
package io.tonewall.telephony.tool;
