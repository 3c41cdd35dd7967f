// Sends one input with fal's official client, waits for its result, repeats; prints the round trips as JSON.
// Env: UPSTREAM (http://host:port of the embedded upstream), UPSTREAM_KEY, APP, WARMUP, ITERATIONS.
import { createFalClient } from "@fal-ai/client";

const upstream = process.env.UPSTREAM;
const key = process.env.UPSTREAM_KEY;
const app = process.env.APP;
const warmup = Number(process.env.WARMUP);
const iterations = Number(process.env.ITERATIONS);

// fal's client always dials wss://fal.run: send it to the embedded upstream instead, unchanged otherwise.
const NativeWebSocket = globalThis.WebSocket;
globalThis.WebSocket = class extends NativeWebSocket {
  constructor(url, protocols) {
    super(url.replace("wss://fal.run", upstream.replace(/^http/, "ws")), protocols);
  }
};

const tokenProvider = async (endpoint) => {
  const response = await fetch(`${upstream}/tokens/`, {
    method: "POST",
    headers: { Authorization: `Key ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ allowed_apps: [endpoint.split("/")[1]], token_expiration: 120 }),
  });
  return await response.json();
};

let answer = () => {};
let errors = 0;
const connection = createFalClient({ suppressLocalCredentialsWarning: true }).realtime.connect(app, {
  tokenProvider,
  tokenExpirationSeconds: 120,
  throttleInterval: 0,
  maxBuffering: 2,
  onResult: (result) => answer(result),
  onError: () => {
    errors++;
    answer(null);
  },
});

const input = (i) => ({ prompt: "a lighthouse in a storm", image_size: { width: 64, height: 64 }, num_inference_steps: 1, seed: i % 200 });
const roundTrip = (i) => new Promise((resolve) => {
  answer = resolve;
  connection.send(input(i));
});

for (let i = 0; i < warmup; i++) {
  await roundTrip(i);
}
const durations = [];
const start = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) {
  const t0 = process.hrtime.bigint();
  await roundTrip(i);
  durations.push(Number(process.hrtime.bigint() - t0));
}
const wallNanos = Number(process.hrtime.bigint() - start);
connection.close();
// Exit only once the output is flushed: stdout to a pipe is written asynchronously.
process.stdout.write(JSON.stringify({ wallNanos, durations, errors }) + "\n", () => process.exit(0));
