#!/usr/bin/env bash
# Sandbox authorisations per second through the PSP adapter's managed connection and XAResource
# (start / authorise / end / prepare / commit per authorisation), 1 and 2 threads.
# Usage: jca-psp/bench/psp-bench.sh [authorisationsPerThread] [recoveryLogDirectory]
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$module/.." && pwd)"
cd "$root"
mvn -q -B -pl jca-psp -am test-compile -Dspotless.check.skip=true
mvn -q -B -pl jca-psp dependency:build-classpath -Dmdep.outputFile="$module/target/bench.classpath" \
  -Dmdep.includeScope=test >/dev/null
classpath="$module/target/classes:$module/target/test-classes:$(cat "$module/target/bench.classpath")"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  nproc: $(nproc)  cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
exec java -Xmx256m -cp "$classpath" io.tonewall.psp.bench.PspBenchmark "$@"
