#!/usr/bin/env bash
# Starts a packaged gateway, waits for its port, has it serve one invocation from the embedded upstream, prints
# "<ms from launch to the answer> <VmRSS kB after it>" and stops it. Dockerfile.jvm-aot runs it to train the AOT
# cache on a real invocation; README.md's start-up table comes from it. Needs only bash (no curl in JRE images).
# Usage: first-invocation.sh APP_DIR JAVA [JVM option ...]   e.g. first-invocation.sh target/quarkus-app java
set -euo pipefail
app_dir=$1 java=$2
shift 2
port=18080
body='{"app":"fal-ai/flux-lora-realtime","inputs":[{"prompt":"a lighthouse at dawn","seed":7,"num_inference_steps":1,"image_size":{"width":64,"height":64}}]}'

started=$(date +%s%N)
cd "$app_dir"
"$java" "$@" -Dquarkus.http.port=$port -Dgateway.upstream.target=embedded -Dgateway.simulator.port=18090 \
    -Dgateway.simulator.latency.base=0ms -Dgateway.simulator.latency.per-step=0ms -Dgateway.simulator.latency.per-megapixel=0ms \
    -Dquarkus.log.level=WARN -jar quarkus-run.jar >/dev/null 2>&1 &
pid=$!
# On exit the JVM stops cleanly, which is when -XX:AOTCacheOutput writes its cache.
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until exec 3<>/dev/tcp/127.0.0.1/$port; do
    kill -0 $pid 2>/dev/null || { echo "the gateway exited before listening" >&2; exit 1; }
    sleep 0.005
done 2>/dev/null
printf 'POST /realtime HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    ${#body} "$body" >&3
response=$(cat <&3)
answered=$(date +%s%N)
[[ $response == "HTTP/1.1 200 "* && $response == *'"status":"ok"'* ]] || { echo "no result: ${response:0:200}" >&2; exit 1; }
echo "$(( (answered - started) / 1000000 )) $(awk '/^VmRSS/ {print $2}' /proc/$pid/status)"
