#!/usr/bin/env bash
# RTP relay load benchmark, Tonewall vs rtpengine, on loopback (bin/tonewall bench-rtp runs this).
# Copies ../shared/tools/rtp-load (and ../shared/tools/dtmf-check) into jca-telephony/target/rtp-load,
# builds the generator and dtmfcheck, starts user-space rtpengine and a Tonewall telephony node
# (io.tonewall.telephony.tool.RelayBenchNode), runs the load for each relay and N, optionally the
# DTMF matrix, prints the table (summarize.py) and stops everything it started.
#
# Environment (defaults in brackets):
#   CALLS [100,250,500,1000,2000]   DURATION [15] s per N (<= 120)   WARMUP [3] s
#   RELAYS ["rtpengine rtpengine-secure tonewall tonewall-secure tonewall-pairing"] (tonewall-pairing
#     leaves a pairing code outstanding for 15 min, so every later Tonewall run listens too: keep it last)   REPEAT [1] runs of each relay
#   DTMF [1]: also run the DTMF matrix (Tonewall secure vs rtpengine with and without delay buffer)
#   LOAD [1]: run the load part         SHARED [../shared beside the project]
#   RELAY_THREADS [the node's default: processors, at most 4]: Tonewall's relay threads
#   NODE_JAVA_OPTS [none]: extra options for the Tonewall node's JVM (flags, -D properties)
#   TONEWALL_RTP_FAST_PATH [auto]: the node's rtpFastPath (auto, native, off)
# Measurements on a shared machine: wrap in `flock /tmp/tonewall-heavy.lock`.
set -Eeuo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODULE=$(cd "$BENCH/../.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)
SHARED=${SHARED:-$(cd "$ROOT/../shared" 2>/dev/null && pwd || true)}
WORK="$MODULE/target/rtp-load"
CALLS=${CALLS:-100,250,500,1000,2000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-3}
RELAYS=${RELAYS:-"rtpengine rtpengine-secure tonewall tonewall-secure tonewall-pairing"}
REPEAT=${REPEAT:-1}
SIP_PORT=15060 CONTROL_PORT=15061 UAS_PORT=15062 RTP_PORTS=44000-53999
PACKAGES=(rtpengine-daemon sox tshark libspandsp-dev)

die() { echo "bench-rtp: $*" >&2; exit 1; }
[[ -d "$SHARED/tools/rtp-load" ]] || die "no $SHARED/tools/rtp-load (set SHARED to the folder holding tools/)"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  (( EUID == 0 )) || die "needs Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  echo "bench-rtp: installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi

echo "bench-rtp: preparing $WORK ..."
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r "$SHARED/tools/rtp-load/." "$WORK/"
chmod -R u+w "$WORK"
cp "$BENCH/tonewall_relay.py" "$BENCH/summarize.py" "$WORK/"
gcc -O2 -Wall -o "$WORK/rtpload" "$WORK/rtpload.c"
if [[ "${DTMF:-1}" == 1 ]]; then
  "$SHARED/tools/dtmf-check/build.sh" "$WORK/dc" >/dev/null
  "$SHARED/tools/dtmf-check/make_samples.sh" "$WORK/dc/samples" >/dev/null 2>&1
  for f in pan_40on_40off seq16_snr15dB; do sox "$WORK/dc/samples/$f.wav" -t al "$WORK/dc/samples/$f.al"; done
fi
(cd "$ROOT" && mvn -q -B -pl jca-telephony compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime) || die "building jca-telephony failed"
CLASSPATH_RELAY="$MODULE/target/classes:$(cat "$MODULE/target/bench-classpath.txt")"

started=()
stop_all() {
  [[ -f "$WORK/run/tonewall.pid" ]] && { kill "$(cat "$WORK/run/tonewall.pid")" 2>/dev/null || true; rm -f "$WORK/run/tonewall.pid"; }
  [[ -f "$WORK/run/rtpengine.bgpid" ]] && "$WORK/stop_rtpengine.sh" >/dev/null || true
}
trap stop_all EXIT
trap 'exit 143' INT TERM

mkdir -p "$WORK/run" "$WORK/results"
"$WORK/start_rtpengine.sh"
python3 "$WORK/ngclient.py" ping >/dev/null 2>&1 || die "rtpengine did not start (log: $WORK/run/rtpengine.log)"
java -Xms256m -Xmx512m ${NODE_JAVA_OPTS:-} -cp "$CLASSPATH_RELAY" io.tonewall.telephony.tool.RelayBenchNode \
  "$SIP_PORT" "$RTP_PORTS" "$CONTROL_PORT" 40 ${RELAY_THREADS:+"$RELAY_THREADS"} >"$WORK/run/tonewall.log" 2>&1 &
echo $! >"$WORK/run/tonewall.pid"
for _ in $(seq 1 100); do grep -q '^ready' "$WORK/run/tonewall.log" && break; sleep 0.2; done
grep -q '^ready' "$WORK/run/tonewall.log" || die "the Tonewall node did not start: $(tail -n 3 "$WORK/run/tonewall.log")"
echo "Tonewall node pid $(cat "$WORK/run/tonewall.pid") (SIP 127.0.0.1:$SIP_PORT, RTP $RTP_PORTS)"

TW="sip=$SIP_PORT,control=$CONTROL_PORT,uas=$UAS_PORT"
spec() {
  case $1 in
    rtpengine) echo rtpengine ;;
    rtpengine-secure) echo tonewall_relay:RtpengineSecureRelay ;;
    tonewall) echo "tonewall_relay:TonewallRelay:$TW,secure=0" ;;
    tonewall-secure) echo "tonewall_relay:TonewallRelay:$TW,secure=1" ;;
    tonewall-pairing) echo "tonewall_relay:TonewallRelay:$TW,pairing=1" ;;
    *) die "unknown relay '$1' (rtpengine, rtpengine-secure, tonewall, tonewall-secure, tonewall-pairing)" ;;
  esac
}

{
  echo "date: $(date -u)"
  echo "machine: $(hostname), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "java: $(java -version 2>&1 | head -1); rtpengine: $(rtpengine --version 2>&1 | head -1)"
  echo "calls: $CALLS, duration $DURATION s, warm-up $WARMUP s, repeat $REPEAT"
  echo "tonewall: $(grep -m1 '^relay threads' "$WORK/run/tonewall.log"), $(grep -m1 '^rtp fast path' "$WORK/run/tonewall.log"), commit $(git -C "$ROOT" log -1 --format='%h %s' 2>/dev/null)"
} | tee "$WORK/results/about.txt"

cd "$WORK"
if [[ "${LOAD:-1}" == 1 ]]; then
  # The JVM compiles the relay's hot paths during its first seconds under load (C2 threads count
  # as relay CPU): warm it up once, unmeasured, as a relay that has been running for a while is.
  if [[ " $RELAYS " == *" tonewall"* ]]; then
    echo "--- JVM warm-up of the Tonewall node (not measured)"
    for relay in tonewall-secure tonewall; do
      python3 run_load.py --relay "$(spec "$relay")" --calls 250 --duration 10 --warmup 2 --bidir \
        --no-stop --out "results/jvm-warm-up-$relay" >/dev/null
    done
  fi
  for run in $(seq 1 "$REPEAT"); do
    for relay in $RELAYS; do
      echo "--- $relay, run $run; $(uptime)" | tee -a "$WORK/results/uptime.txt"
      python3 run_load.py --relay "$(spec "$relay")" --calls "$CALLS" --duration "$DURATION" \
        --warmup "$WARMUP" --bidir --no-stop --out "results/${relay}_run$run"
      echo "    after: $(uptime)" | tee -a "$WORK/results/uptime.txt"
    done
  done
  python3 summarize.py results | tee results/table.md
fi

if [[ "${DTMF:-1}" == 1 ]]; then
  echo "--- DTMF matrix; $(uptime)"
  RELAY="tonewall_relay:TonewallRelay:$TW" MODES="none secure" CONFIGS=P0 OUT=results/dtmf_tonewall ./run_dtmf_matrix.sh
  RELAY=rtpengine MODES="silence" CONFIGS="I0 I100" OUT=results/dtmf_rtpengine ./run_dtmf_matrix.sh
fi
echo "bench-rtp: results in $WORK/results"
