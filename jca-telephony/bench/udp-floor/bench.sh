#!/bin/bash
# usage: ./bench.sh <outdir-tag> <relayspec> <pid> N...   (relay already running)
# per N: one locked run_load run, perf stat (software counters) on the relay pid during it, utime/stime split.
D=$(cd "$(dirname "$0")" && pwd); cd "$D"
TAG=$1; SPEC=$2; PID=$3; shift 3
mkdir -p results/$TAG
TCK=$(getconf CLK_TCK)
for N in "$@"; do
  flock /tmp/tonewall-heavy.lock bash -c "
    read -r u0 s0 < <(awk '{print \$14, \$15}' /proc/$PID/stat)
    perf stat -e task-clock,context-switches,cpu-migrations -p $PID -o results/$TAG/perfstat_$N.txt &
    PP=\$!
    ./run_load.py --relay $SPEC --calls $N --duration 20 --warmup 3 --bidir --out results/$TAG
    kill -INT \$PP; wait \$PP
    read -r u1 s1 < <(awk '{print \$14, \$15}' /proc/$PID/stat)
    echo \"N=$N utime_ticks=\$((u1-u0)) stime_ticks=\$((s1-s0)) user_share=\$(( 100*(u1-u0)/((u1-u0)+(s1-s0)) ))%\" | tee results/$TAG/split_$N.txt
  "
  sleep 2
done
