#!/bin/sh
# DTMF detection and masking cost per 20 ms frame, Tonewall vs spandsp's dtmf_rx, same audio.
# Builds dtmfcheck/bench_dtmf_rx and the corpus into jca-telephony/target/dtmf-check, compiles
# the module, runs io.tonewall.telephony.tool.DtmfBenchmark on one core's worth of work.
# usage: jca-telephony/bench/dtmf-bench.sh [SECONDS_OF_AUDIO]   (default 1080, as bench_dtmf_rx 300)
# Needs: libspandsp-dev, sox, gcc, pkg-config, JDK 17, Maven.  DTMF_CHECK_DIR overrides the tools.
set -e
module=$(cd "$(dirname "$0")/.." && pwd)
tools=${DTMF_CHECK_DIR:-/work/shared/tools/dtmf-check}
out="$module/target/dtmf-check"
"$tools/build.sh" "$out" >/dev/null
[ -f "$out/samples/seq16_snr15dB.wav" ] || "$tools/make_samples.sh" "$out/samples" >/dev/null 2>&1
(cd "$module/.." && mvn -q -B -pl jca-telephony compile -Dspotless.check.skip=true)
echo "date: $(date)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "java: $(java -version 2>&1 | head -1)"
exec java -cp "$module/target/classes" io.tonewall.telephony.tool.DtmfBenchmark \
  "$out/samples/seq16_snr15dB.wav" "$out/bench_dtmf_rx" "${1:-1080}"
