// fal's official client connecting with a token the upstream refuses: prints what the client's handlers heard.
// Env: UPSTREAM (http://host:port of the embedded upstream), APP, TOKEN (a token for another app).
// Prints {"closeCode":n,"errors":[{"message":..,"status":..}],"results":n} once the socket has closed.
import { createFalClient } from "@fal-ai/client";
import WebSocket from "ws";

const upstream = process.env.UPSTREAM;
const errors = [];
let results = 0;
let closeCode;
const report = () => process.stdout.write(JSON.stringify({ closeCode, errors, results }) + "\n", () => process.exit(0));

// Node 20 has no WebSocket global; fal's client always dials wss://fal.run: send it to the embedded upstream instead,
// and hear the close as well.
globalThis.WebSocket = class extends WebSocket {
  constructor(url, protocols) {
    super(url.replace("wss://fal.run", upstream.replace(/^http/, "ws")), protocols);
    // Added before fal's client sets onclose: the report is made after its handler has run, in a later task.
    this.addEventListener("close", (event) => {
      closeCode = event.code;
      setTimeout(report, 0);
    });
  }
};

const connection = createFalClient({ suppressLocalCredentialsWarning: true }).realtime.connect(process.env.APP, {
  tokenProvider: async () => process.env.TOKEN,
  tokenExpirationSeconds: 120,
  throttleInterval: 0,
  onResult: () => results++,
  onError: (error) => errors.push({ message: error.message, status: error.status }),
});
connection.send({ prompt: "a lighthouse in a storm", image_size: { width: 64, height: 64 }, num_inference_steps: 1, seed: 1 });
