#!/usr/bin/env python3
"""Table of run_load.py results: summarize.py RESULTS_DIR (holding <relay>_run<k>/row_*.json).

Columns: relay CPU % (of one core, the whole relay process: every thread, GC and JIT for Java),
calls per core (N / CPU share) where no packet was lost, loss, added latency p50/p99 per direction
(c>a caller to agent, a>c agent to caller; generator send to receive, 10 us bins, minus nothing).
For a relay that holds audio back in secure mode (Tonewall's 40 ms look-ahead, rtpengine's 100 ms
delay buffer) the last hold-back of every caller stream is never sent once the generator stops, and
the generator counts packets by the payload it put in, so 'tail' gives the loss net of those
hold-back packets: N * hold-back / 20 ms, caller to agent only.
"""
import glob, json, os, re, sys

HOLD_MS = {"tonewall-secure": 40, "rtpengine-secure": 100}


def rows(results):
    out = []
    for d in sorted(glob.glob(os.path.join(results, "*_run*"))):
        m = re.match(r"(.+)_run(\d+)$", os.path.basename(d))
        if not m:
            continue
        for f in glob.glob(os.path.join(d, "row_*.json")):
            r = json.load(open(f))
            r["run"] = int(m.group(2)); r["relay"] = m.group(1)
            out.append(r)
    return sorted(out, key=lambda r: (r["relay"], r["calls"], r["run"]))


def fmt(x, pattern="%.2f"):
    return "-" if x is None else pattern % x


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else "results"
    print("| relay | N | run | relay CPU % | calls per core (zero loss) | loss % | loss % net of hold-back tail"
          " | c>a p50 / p99 ms | a>c p50 / p99 ms | generator CPU % | machine busy % |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows(results):
        sent = sum(r["sent_meas"]); lost = sent - sum(r["recv_meas"])
        tail = r["calls"] * HOLD_MS.get(r["relay"], 0) // 20
        net = None if r["relay"] not in HOLD_MS else 100.0 * max(0, lost - tail) / sent
        zero = (lost if net is None else max(0, lost - tail)) == 0
        cpu = r["relay_cpu_pct"]
        per_core = r["calls"] * 100.0 / cpu if zero and cpu else None
        l0, l1 = r["lat_ms"]
        print("| %s | %d | %d | %s | %s | %s | %s | %s / %s | %s / %s | %s | %s |" % (
            r["relay"], r["calls"], r["run"], fmt(cpu, "%.1f"), fmt(per_core, "%.0f"),
            fmt(r["loss_pct"], "%.3f"), fmt(net, "%.3f"), fmt(l0["p50"]), fmt(l0["p99"]),
            fmt(l1["p50"]), fmt(l1["p99"]), fmt(r["gen_cpu_pct"], "%.1f"),
            fmt(r["system_cpu_busy_pct"].get("cpu"), "%.1f")))


if __name__ == "__main__":
    main()
