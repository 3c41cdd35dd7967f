// fal's official client configured as a web app would configure it, proxyUrl and all, run from Node against the
// gateway's /api/fal/proxy. Prints one JSON line: what arrived and every HTTP call the client made.
// Env: PROXY_URL, UPSTREAM_WS (ws://host:port of the embedded upstream), SCENARIO (realtime | refused-app | run), APP, INPUTS.
import { createFalClient } from "@fal-ai/client";
import WebSocket from "ws";

const { PROXY_URL, UPSTREAM_WS, SCENARIO, APP } = process.env;
const inputs = Number(process.env.INPUTS ?? "1");

// Node 20 has no WebSocket global; fal's client dials wss://fal.run, which here is the embedded upstream.
globalThis.WebSocket = class extends WebSocket {
  constructor(url, protocols) {
    super(url.replace("wss://fal.run", UPSTREAM_WS), protocols);
  }
};

// Every HTTP call the client makes, as the proxy answered it.
const calls = [];
let callRecorded = () => {};
const recordingFetch = async (url, init) => {
  const response = await fetch(url, init);
  const call = { url: String(url), method: init.method, target: init.headers["x-fal-target-url"], status: response.status };
  if (!response.ok) {
    call.body = await response.clone().json().catch(() => null);
  }
  calls.push(call);
  callRecorded(call);
  return response;
};

const fal = createFalClient({ proxyUrl: { url: PROXY_URL, when: "always" }, fetch: recordingFetch, retry: { maxRetries: 0 } });

/** Resolves true when `arm(resolve)` resolves it, false after 30 s. */
const within30s = (arm) => new Promise((resolve) => {
  const timer = setTimeout(() => resolve(false), 30_000);
  arm(() => {
    clearTimeout(timer);
    resolve(true);
  });
});

const input = (i) => ({ prompt: `a lighthouse in a storm, take ${i}`, image_size: { width: 64 + i * 8, height: 64 }, num_inference_steps: 2, seed: 100 + i });

const report = { scenario: SCENARIO, results: [], errors: [] };
if (SCENARIO === "run") {
  try {
    const result = await fal.run(APP, { input: { prompt: "through the proxy" } });
    report.results.push({ data: result.data, requestId: result.requestId });
  } catch (error) {
    report.errors.push({ message: error.message, status: error.status, body: error.body });
  }
} else {
  let settled = () => {};
  const connection = fal.realtime.connect(APP, {
    // The client's own throttle (128 ms by default) can drop a send whose timer fires a millisecond early; each input
    // here is sent after the previous result anyway.
    throttleInterval: 0,
    onResult: (result) => {
      const image = result.images?.[0] ?? {};
      report.results.push({ seed: result.seed, width: image.width, height: image.height, url: image.url?.slice(0, 22) });
      if (report.results.length < inputs) {
        connection.send(input(report.results.length));
      } else {
        settled();
      }
    },
    onError: (error) => {
      report.errors.push({ message: error.message, status: error.status });
      settled();
    },
  });
  if (SCENARIO === "refused-app") {
    // fal's client swallows a failed token call (no onError, no socket): the refusal shows only as the proxy's answer.
    callRecorded = (call) => call.target?.includes("/tokens") && settled();
  }
  report.complete = await within30s((resolve) => {
    settled = resolve;
    connection.send(input(0));
  });
  connection.close();
}
report.calls = calls;
process.stdout.write(JSON.stringify(report) + "\n", () => process.exit(0));
