#!/bin/bash
# usage: ./start_minirelay.sh epoll|uring [extra minirelay args, e.g. -F]
D=$(cd "$(dirname "$0")" && pwd); mkdir -p "$D/run"
M=$1; shift
"$D/minirelay" -m "$M" "$@" >"$D/run/minirelay.log" 2>&1 &
echo $! > "$D/run/minirelay.bgpid"; echo "$M$*" | tr -d ' ' > "$D/run/minirelay.mode"
sleep 0.3; echo "minirelay pid $(cat "$D/run/minirelay.bgpid"): $(python3 "$D/minirelay_adapter.py")"
