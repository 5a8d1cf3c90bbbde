#!/bin/sh
# DTMF detection, masking and leak-sentinel cost per 20 ms frame, Tonewall vs spandsp's dtmf_rx.
# Builds dtmfcheck/bench_dtmf_rx and the corpus into jca-telephony/target/dtmf-check, compiles
# the module, runs io.tonewall.telephony.tool.DtmfBenchmark on one core's worth of work.
# usage: jca-telephony/bench/dtmf-bench.sh [SECONDS_OF_AUDIO]   (default 1080, as bench_dtmf_rx 300)
#   RUNS=N (default 1): N runs, each in a fresh JVM, then the min and median of each figure
#   (one run measures about 50 ms per figure, so on a shared machine take several).
# Needs: libspandsp-dev, sox, gcc, pkg-config, JDK 17, Maven.  DTMF_CHECK_DIR overrides the tools.
set -e
module=$(cd "$(dirname "$0")/.." && pwd)
tools=${DTMF_CHECK_DIR:-$module/../../shared/tools/dtmf-check}
out="$module/target/dtmf-check"
runs=${RUNS:-1}
"$tools/build.sh" "$out" >/dev/null
[ -f "$out/samples/seq16_snr15dB.wav" ] || "$tools/make_samples.sh" "$out/samples" >/dev/null 2>&1
(cd "$module/.." && mvn -q -B -pl jca-telephony compile -Dspotless.check.skip=true)
echo "date: $(date)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "java: $(java -version 2>&1 | head -1)"
bench() {
  java -cp "$module/target/classes" io.tonewall.telephony.tool.DtmfBenchmark \
    "$out/samples/seq16_snr15dB.wav" "$out/bench_dtmf_rx" "${1:-1080}"
}
if [ "$runs" -le 1 ]; then
  bench "$@"
  exit
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
i=0
while [ "$i" -lt "$runs" ]; do
  bench "$@" | tee -a "$log"
  i=$((i + 1))
done
# min and median over the runs, in ns per 20 ms frame
summary() {
  sort -n | awk -v what="$1" '{ v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%-24s min %5.0f  median %5.0f ns per 20 ms frame (%d runs)\n", what, v[1], m, NR }'
}
echo "--- summary"
sed -n 's/^tonewall detect  *\([0-9]*\) ns.*/\1/p' "$log" | summary "tonewall detect"
sed -n 's/^tonewall detect+mask  *\([0-9]*\) ns.*/\1/p' "$log" | summary "tonewall detect+mask"
sed -n 's/^tonewall leak sentinel  *\([0-9]*\) ns.*/\1/p' "$log" | summary "tonewall leak sentinel"
sed -n 's/^tonewall sentinel+alaw  *\([0-9]*\) ns.*/\1/p' "$log" | summary "tonewall sentinel+alaw"
sed -n 's/.* \([0-9.]*\) us per 20 ms frame.*/\1/p' "$log" | awk '{ print $1 * 1000 }' \
  | summary "spandsp dtmf_rx"
# ratios taken within each run (the same moment on the machine), min and median
ratio() {
  sed -n "s/^ratio tonewall\/spandsp: detect \([0-9.]*\), detect+mask \([0-9.]*\).*/\\$1/p" "$log" \
    | sort -n | awk -v what="$2" '{ v[NR] = $1 }
      END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%-24s min %5.2f  median %5.2f (per run)\n", what, v[1], m }'
}
ratio 1 "ratio detect / spandsp"
ratio 2 "ratio detect+mask / sp."
