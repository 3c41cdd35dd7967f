#!/usr/bin/env bash
# Starts a packaged gateway, waits for its port, has it serve one invocation from the embedded upstream, prints
# "<ms from launch to the answer> <VmRSS kB after it>" and stops it. Dockerfile.jvm-aot runs it to train the AOT
# cache on a real invocation; README.md's start-up table comes from it (src/bench/startup/compare.py runs it for each
# build in turn). Needs only bash (no curl in JRE images). The gateway's settings are passed as environment variables,
# which the jar and the native executable read alike; FIRST_INVOCATION_PORT and FIRST_INVOCATION_UPSTREAM_PORT move its
# two ports (18080, 18090).
# Usage: first-invocation.sh APP_DIR COMMAND [ARG ...]   (COMMAND runs in APP_DIR)
#   e.g. first-invocation.sh target/quarkus-app java -jar quarkus-run.jar
#        first-invocation.sh target ./realtime-gateway-1.0.0-SNAPSHOT-runner
set -euo pipefail
app_dir=$1
shift
port=${FIRST_INVOCATION_PORT:-18080} upstream_port=${FIRST_INVOCATION_UPSTREAM_PORT:-18090}
if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "port $port is taken: set FIRST_INVOCATION_PORT" >&2
    exit 1
fi
body='{"app":"fal-ai/flux-lora-realtime","inputs":[{"prompt":"a lighthouse at dawn","seed":7,"num_inference_steps":1,"image_size":{"width":64,"height":64}}]}'

started=$(date +%s%N)
cd "$app_dir"
QUARKUS_HTTP_PORT=$port GATEWAY_UPSTREAM_TARGET=embedded GATEWAY_SIMULATOR_PORT=$upstream_port \
    GATEWAY_SIMULATOR_LATENCY_BASE=0ms GATEWAY_SIMULATOR_LATENCY_PER_STEP=0ms GATEWAY_SIMULATOR_LATENCY_PER_MEGAPIXEL=0ms \
    QUARKUS_LOG_LEVEL=WARN "$@" >/dev/null 2>&1 &
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
