#!/usr/bin/env bash
# Starts a packaged gateway, waits for its port, serves one invocation from the embedded upstream and prints
# "<ms from launch to the answer> <VmRSS kB after it>", then stops it. Not run by CI: it backs the start-up table
# in README.md. Usage: first-invocation.sh APP_DIR JAVA [JVM option ...]
#   e.g. /usr/bin/time -v .ci/first-invocation.sh target/quarkus-app java
set -euo pipefail
app_dir=$1 java=$2
shift 2
port=18080
body='{"app":"fal-ai/flux-lora-realtime","inputs":[{"prompt":"a lighthouse at dawn","seed":7,"num_inference_steps":1,"image_size":{"width":64,"height":64}}]}'

started=$(date +%s%N)
cd "$app_dir"
"$java" "$@" -Dquarkus.http.port=$port -Dgateway.simulator.port=18090 -Dgateway.simulator.latency.base=0ms \
    -Dgateway.simulator.latency.per-step=0ms -Dgateway.simulator.latency.per-megapixel=0ms \
    -Dquarkus.log.level=WARN -jar quarkus-run.jar >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "the gateway exited before listening" >&2; exit 1; }
    sleep 0.005
done
curl -sf -X POST -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:$port/realtime | grep -q '"status":"ok"'
answered=$(date +%s%N)
echo "$(( (answered - started) / 1000000 )) $(awk '/^VmRSS/ {print $2}' /proc/$pid/status)"
