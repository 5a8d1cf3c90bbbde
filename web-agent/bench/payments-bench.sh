#!/usr/bin/env bash
# Payments per second on PostgreSQL with the sandbox PSP: starts Tonewall (bin/tonewall run) on a
# fresh PostgreSQL database, drives it with PaymentLoad.java (closed loop, one token payment per
# request), checks that the database holds exactly the payments that were answered, then stops
# Tonewall and drops the database.
#
#   web-agent/bench/payments-bench.sh                  # concurrency 8,16,32,64; 30 s each after 10 s warm-up
#   LEVELS=16,32 SECONDS=20 web-agent/bench/payments-bench.sh
#
# Settings: LEVELS, SECONDS, WARMUP, HTTP_PORT (18080), PGHOST (127.0.0.1), PGPORT (5432),
# PGUSER (postgres), TONEWALL_HEAP (512m, as bin/tonewall run).
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LEVELS=${LEVELS:-8,16,32,64}
SECONDS_PER_LEVEL=${SECONDS:-30}
WARMUP=${WARMUP:-10}
HTTP_PORT=${HTTP_PORT:-18080}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DATABASE="tonewall_bench_$(date +%s)"
WORK="$ROOT/web-agent/target/payments-bench"
CLIENT_ID=bench
CLIENT_SECRET="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

die() { echo "payments-bench: $*" >&2; exit 1; }
psql_admin() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_bench() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DATABASE" -v ON_ERROR_STOP=1 -qAt "$@"; }

command -v psql >/dev/null || die "psql is needed (Debian: apt-get install postgresql-client)"
rm -rf "$WORK" && mkdir -p "$WORK"
psql_admin -c "CREATE DATABASE $DATABASE" || die "cannot create database $DATABASE on $PGHOST:$PGPORT"

SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  psql_admin -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "payments-bench: starting Tonewall on PostgreSQL $PGHOST:$PGPORT/$DATABASE (HTTP $HTTP_PORT) ..."
TONEWALL_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" TONEWALL_DB_USER="$PGUSER" \
  TONEWALL_HTTP_PORT="$HTTP_PORT" TONEWALL_SIP_PORT=15080 TONEWALL_RTP_PORTS=44000-44099 \
  TONEWALL_PSP_RECOVERY_DIR="$WORK/psp-recovery" TONEWALL_KEYS_DIR="$WORK/keys" \
  TONEWALL_BOOTSTRAP_CLIENTS="$CLIENT_ID:$CLIENT_SECRET:sessions:write+sessions:read" \
  "$ROOT/bin/tonewall" run >"$WORK/run.out" 2>&1 &
SERVER_PID=$!
until grep -q "is ready after" "$WORK/run.out"; do
  kill -0 "$SERVER_PID" 2>/dev/null || die "Tonewall did not start: $(tail -n 3 "$WORK/run.out")"
  sleep 1
done
head -n 1 "$WORK/run.out"
JAVA_PID=$(sed -n 's/.*(pid \([0-9]*\),.*/\1/p' "$WORK/run.out" | head -n 1)

echo "payments-bench: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "payments-bench: levels $LEVELS, $SECONDS_PER_LEVEL s each after $WARMUP s warm-up; $(date -u '+%Y-%m-%d %H:%M UTC')"
status=0
java "$ROOT/web-agent/bench/PaymentLoad.java" "http://127.0.0.1:$HTTP_PORT/" "$CLIENT_ID" \
  "$CLIENT_SECRET" "$LEVELS" "$SECONDS_PER_LEVEL" "$WARMUP" $JAVA_PID | tee "$WORK/result.txt" || status=$?

answered=$(sed -n 's/^approved payments in total: //p' "$WORK/result.txt")
stored=$(psql_bench -c "SELECT count(*) FROM payment_transaction WHERE outcome = 'APPROVED'")
sessions=$(psql_bench -c "SELECT count(*) FROM payment_session")
echo "payments-bench: database holds $stored approved transactions in $sessions sessions; the load generator counted $answered approved answers (warm-up included)"
if [[ -n "$answered" && "$stored" -lt "$answered" ]]; then
  echo "payments-bench: the database holds fewer approved payments than were answered" >&2
  status=1
fi
exit "$status"
