#!/bin/bash
D=$(cd "$(dirname "$0")" && pwd)
P=$(cat "$D/run/minirelay.bgpid" 2>/dev/null) && python3 "$D/minirelay_adapter.py" && kill "$P" && { for i in $(seq 1 30); do kill -0 "$P" 2>/dev/null || break; sleep 0.1; done; tail -1 "$D/run/minirelay.log"; }
rm -f "$D/run/minirelay.bgpid"
