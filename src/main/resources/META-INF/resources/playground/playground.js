// realtime-gateway playground: a form per app built from GET /v1/apps, batch runs streamed from
// POST /v1/realtime/{app}/stream (Server-Sent Events read from the fetch body, since it is a POST), and a live mode
// that sends each change over one connectionKey, the latest image replacing the last. No build step, no dependencies.
"use strict";

const $ = (id) => document.getElementById(id);

/** Fields shown up front; the rest go under "More options". Bytes are for Java callers, request ids for matching. */
const PRIMARY = ["prompt", "image_url", "strength", "image_size", "num_inference_steps", "num_frames", "seed"];
/** image_url is up front only where the app needs a source image. */
const PRIMARY_WHEN_REQUIRED = new Set(["image_url"]);
const HIDDEN = new Set(["image_bytes", "request_id"]);
const DEFAULTS = { num_inference_steps: 4, guidance_scale: 3.5, strength: 0.65, num_images: 1, num_frames: 8, image_size: "square" };
const PROMPTS = {
  text_to_image: "a lighthouse on a basalt cliff at golden hour, volumetric light, 35mm",
  image_to_image: "the same scene as an autumn watercolour, warm light",
  video: "waves rolling onto a black sand beach at dusk, slow pan",
};
const ICONS = { text_to_image: "✦", image_to_image: "⇄", video: "▶" };
const PRESET_LABEL = { square_hd: "1:1 HD", square: "1:1", portrait_4_3: "3:4", portrait_16_9: "9:16", landscape_4_3: "4:3", landscape_16_9: "16:9" };
const PRESET_RATIO = { square_hd: [1, 1], square: [1, 1], portrait_4_3: [3, 4], portrait_16_9: [9, 16], landscape_4_3: [4, 3], landscape_16_9: [16, 9] };
const LIVE_DEBOUNCE_MS = 180;
const DICE = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><rect x="3.5" y="3.5" width="17" height="17" rx="4" fill="none" stroke="currentColor" stroke-width="1.8"/>'
  + '<circle cx="8.5" cy="8.5" r="1.5" fill="currentColor"/><circle cx="15.5" cy="15.5" r="1.5" fill="currentColor"/><circle cx="12" cy="12" r="1.5" fill="currentColor"/>'
  + '<circle cx="15.5" cy="8.5" r="1.5" fill="currentColor"/><circle cx="8.5" cy="15.5" r="1.5" fill="currentColor"/></svg>';
const MAX_SOURCE_SIDE = 768;

const state = {
  apps: [],
  app: null,
  /** name -> () => value (undefined: leave the field out); rebuilt with the form. */
  readers: new Map(),
  /** Values the person changed, kept across app switches for fields of the same name. */
  kept: {},
  /** Names of the fields the person changed in the current form. */
  edited: new Set(),
  batch: null,
  live: { key: "playground-" + Math.random().toString(36).slice(2, 10), inFlight: false, pending: null, sent: 0, shown: 0, timer: 0 },
};

// ---------------------------------------------------------------------------------------------------------------- boot

async function boot() {
  fetch("/playground/settings.json").then((r) => r.json()).then(showUpstream).catch(() => showUpstream({ upstream: "unknown" }));
  try {
    const response = await fetch("/v1/apps");
    const apps = await response.json();
    if (!response.ok) {
      throw apps.error ?? { code: "HTTP_" + response.status, message: "GET /v1/apps failed" };
    }
    state.apps = apps;
  } catch (error) {
    showBanner(error.code ? error : { code: "NETWORK", message: String(error.message ?? error) });
    return;
  }
  renderApps();
  select(state.apps.find((app) => app.id === "fal-ai/flux-lora-realtime") ?? state.apps[0]);
  $("run").addEventListener("click", runBatch);
  $("live").addEventListener("change", toggleLive);
  $("form").addEventListener("input", changed);
  $("form").addEventListener("change", changed);
  $("form").addEventListener("submit", (event) => event.preventDefault());
  document.documentElement.dataset.ready = "true";
  window.playgroundReadyAt = performance.now();
}

function showUpstream(settings) {
  const badge = $("upstream");
  badge.classList.add(settings.upstream);
  badge.textContent = settings.upstream === "embedded" ? "embedded upstream · no fal account" : settings.upstream === "fal" ? "fal · runs spend the key" : "upstream unknown";
}

// ------------------------------------------------------------------------------------------------------------ app list

function renderApps() {
  const list = $("apps");
  list.replaceChildren(...state.apps.map((app) => {
    const button = el("button", { type: "button", className: "app", role: "radio", "aria-checked": "false", "data-app": app.id });
    button.append(
      el("span", { className: "app-icon", "aria-hidden": "true" }, ICONS[app.kind] ?? "✦"),
      el("span", {}, el("div", { className: "app-name" }, app.id.split("/").slice(1).join("/")), el("div", { className: "app-summary", title: app.summary }, app.summary)));
    button.addEventListener("click", () => select(app));
    return button;
  }));
}

function select(app) {
  keepValues();
  state.app = app;
  for (const button of $("apps").children) {
    button.setAttribute("aria-checked", String(button.dataset.app === app.id));
  }
  renderForm(app);
  if ($("live").checked) {
    $("live-image").removeAttribute("src");
    $("live-meta").replaceChildren();
    scheduleLive(0);
  }
}

// ---------------------------------------------------------------------------------------------------------------- form

function renderForm(app) {
  state.readers = new Map();
  const primary = [];
  const more = [];
  const fields = app.fields.filter((field) => !HIDDEN.has(field.name));
  for (const field of fields) {
    const required = field.required || (app.requiresOneOf ?? []).includes(field.name);
    const upFront = required || (PRIMARY.includes(field.name) && !PRIMARY_WHEN_REQUIRED.has(field.name));
    (upFront ? primary : more).push(renderField(app, field, required));
  }
  primary.sort((a, b) => PRIMARY.indexOf(a.dataset.field) - PRIMARY.indexOf(b.dataset.field));
  $("fields").replaceChildren(...primary);
  $("more-fields").replaceChildren(...more);
  $("more").hidden = more.length === 0;
}

function renderField(app, field, required) {
  const wrapper = el("div", { className: "field", "data-field": field.name });
  const head = el("div", { className: "field-head" }, el("label", { className: "field-label", htmlFor: "f-" + field.name }, label(field.name), required ? el("span", { className: "req" }, "*") : ""));
  wrapper.append(head);
  const kept = state.kept[field.name];
  let reader;
  if (field.name === "prompt" || (field.type === "string" && field.name.includes("prompt"))) {
    const primary = field.name === "prompt";
    const input = primary ? el("textarea", { id: "f-" + field.name, name: field.name, rows: 3 })
      : el("input", { id: "f-" + field.name, name: field.name, type: "text", placeholder: field.description });
    input.value = kept ?? (primary ? PROMPTS[app.kind] ?? PROMPTS.text_to_image : "");
    wrapper.append(input);
    reader = () => (primary || input.value !== "" ? input.value : undefined);
  } else if (field.type === "image_size") {
    reader = sizePicker(wrapper, field, kept, app.kind === "image_to_image");
  } else if ((field.type === "integer" || field.type === "number") && field.minimum !== undefined) {
    reader = slider(wrapper, head, field, kept);
  } else if (field.type === "integer") {
    reader = seedInput(wrapper, field, kept);
  } else if (field.type === "boolean") {
    reader = toggle(wrapper, head, field, kept);
  } else if (field.type === "url") {
    reader = imageDrop(wrapper, field, kept, required);
  } else {
    const input = el("input", { id: "f-" + field.name, name: field.name, type: "text", placeholder: field.accepts });
    input.value = kept ?? "";
    wrapper.append(input);
    reader = () => (input.value === "" ? undefined : input.value);
  }
  if (field.description && field.type !== "url") {
    wrapper.append(el("div", { className: "field-help" }, field.description));
  }
  state.readers.set(field.name, reader);
  return wrapper;
}

function slider(wrapper, head, field, kept) {
  const integer = field.type === "integer";
  const span = field.maximum - field.minimum;
  const step = integer ? 1 : span <= 1 ? 0.01 : 0.1;
  const start = kept ?? DEFAULTS[field.name] ?? field.minimum;
  const range = el("input", { type: "range", id: "f-" + field.name, name: field.name, min: field.minimum, max: field.maximum, step });
  range.value = Math.min(field.maximum, Math.max(field.minimum, start));
  const shown = el("input", { type: "number", className: "field-value-input", min: field.minimum, max: field.maximum, step, "aria-label": label(field.name) });
  shown.value = range.value;
  shown.style.width = "74px";
  const value = el("span", { className: "field-value" });
  head.append(value);
  const sync = (from, to) => { to.value = from.value; };
  range.addEventListener("input", () => sync(range, shown));
  shown.addEventListener("input", () => sync(shown, range));
  wrapper.append(el("div", { className: "row" }, range, shown));
  value.textContent = field.minimum + "–" + field.maximum;
  const sendsByDefault = PRIMARY.includes(field.name) || kept !== undefined;
  let touched = sendsByDefault;
  range.addEventListener("input", () => { touched = true; });
  shown.addEventListener("input", () => { touched = true; });
  // The typed number is sent as typed (out of range included): the gateway's validation says what is wrong.
  return () => (touched ? Number(shown.value === "" ? range.value : shown.value) : undefined);
}

function seedInput(wrapper, field, kept) {
  const input = el("input", { type: "number", id: "f-" + field.name, name: field.name, step: 1 });
  input.value = kept ?? 42;
  const dice = el("button", { type: "button", className: "icon-button", title: "Random seed", "aria-label": "Random seed" });
  dice.innerHTML = DICE;
  dice.addEventListener("click", () => {
    input.value = Math.floor(Math.random() * 1_000_000);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  wrapper.append(el("div", { className: "row" }, input, dice));
  return () => (input.value === "" ? undefined : Number(input.value));
}

function toggle(wrapper, head, field, kept) {
  const input = el("input", { type: "checkbox", id: "f-" + field.name, name: field.name });
  input.checked = kept ?? false;
  let touched = kept !== undefined;
  input.addEventListener("change", () => { touched = true; });
  const control = el("label", { className: "switch" }, input, el("span", { className: "switch-track" }, el("span", { className: "switch-thumb" })));
  head.append(control);
  return () => (touched ? input.checked : undefined);
}

/** Size chips; image-to-image apps also offer (and start on) "source": no image_size sent, the answer keeps the source's size. */
function sizePicker(wrapper, field, kept, fromSource) {
  let current = kept ?? (fromSource ? "source" : DEFAULTS.image_size);
  const chips = el("div", { className: "chips", role: "group", "aria-label": "Image size" });
  const custom = el("div", { className: "custom-size" });
  const width = el("input", { type: "number", name: "width", min: 64, max: 2048, step: 8, "aria-label": "Width" });
  const height = el("input", { type: "number", name: "height", min: 64, max: 2048, step: 8, "aria-label": "Height" });
  width.value = typeof current === "object" ? current.width : 768;
  height.value = typeof current === "object" ? current.height : 512;
  custom.append(width, el("span", {}, "×"), height);
  const options = [...(fromSource ? ["source"] : []), ...(field.options ?? []), "custom"];
  const press = (name) => {
    for (const chip of chips.children) {
      chip.setAttribute("aria-pressed", String(chip.dataset.size === name));
    }
    custom.hidden = name !== "custom";
  };
  for (const name of options) {
    const [w, h] = PRESET_RATIO[name] ?? [1, 1];
    const scale = 12 / Math.max(w, h);
    const chip = el("button", { type: "button", className: "chip", "data-size": name, "aria-pressed": "false", title: name },
      name === "custom" || name === "source" ? "" : el("span", { className: "shape", style: `width:${Math.round(w * scale)}px;height:${Math.round(h * scale)}px` }), PRESET_LABEL[name] ?? name);
    chip.addEventListener("click", () => {
      press(name);
      chips.dispatchEvent(new Event("change", { bubbles: true }));
    });
    chips.append(chip);
  }
  press(typeof current === "object" ? "custom" : current);
  wrapper.append(chips, custom);
  return () => {
    const pressed = [...chips.children].find((chip) => chip.getAttribute("aria-pressed") === "true")?.dataset.size ?? "square";
    if (pressed === "source") {
      return undefined;
    }
    return pressed === "custom" ? { width: Number(width.value), height: Number(height.value) } : pressed;
  };
}

/** An image field: a file read in the page, downscaled, and sent as a data: URI; a generated sample until one is chosen. */
function imageDrop(wrapper, field, kept, required) {
  const preview = el("img", { alt: "Source image" });
  const text = el("div", { className: "drop-text" });
  const file = el("input", { type: "file", accept: "image/*", name: field.name, "aria-label": label(field.name) });
  const zone = el("label", { className: "drop" }, preview, text, file);
  let value = kept ?? (required ? sampleImage() : undefined);
  const show = (uri, what) => {
    if (uri) {
      preview.src = uri;
    } else {
      preview.removeAttribute("src");
    }
    text.replaceChildren(el("b", {}, what), uri ? `${Math.round(uri.length / 102.4) / 10} KB data: URI · drop or click to replace` : "drop an image or click to choose");
  };
  show(value, value ? (kept ? "your image" : "generated sample") : "no image");
  const take = async (chosen) => {
    if (!chosen) {
      return;
    }
    const { uri, width, height } = await asDataUri(chosen);
    value = uri;
    show(uri, `${chosen.name} · ${width}×${height}`);
    wrapper.dispatchEvent(new Event("change", { bubbles: true }));
  };
  file.addEventListener("change", () => take(file.files[0]));
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    take(event.dataTransfer.files[0]);
  });
  wrapper.append(zone);
  return () => value;
}

/** Reads an image file as a data: URI, re-encoded as JPEG when it is larger than MAX_SOURCE_SIDE. */
async function asDataUri(file) {
  const original = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  const image = new Image();
  image.src = original;
  await image.decode();
  const scale = Math.min(1, MAX_SOURCE_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  if (scale === 1) {
    return { uri: original, width: image.naturalWidth, height: image.naturalHeight };
  }
  const canvas = el("canvas", { width: Math.round(image.naturalWidth * scale), height: Math.round(image.naturalHeight * scale) });
  canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
  return { uri: canvas.toDataURL("image/jpeg", 0.88), width: canvas.width, height: canvas.height };
}

/** A small painted source image, so image-to-image works before anything is uploaded. */
function sampleImage() {
  const canvas = el("canvas", { width: 160, height: 120 });
  const g = canvas.getContext("2d");
  const sky = g.createLinearGradient(0, 0, 0, 120);
  sky.addColorStop(0, "#3b2a73");
  sky.addColorStop(0.6, "#e07a5f");
  sky.addColorStop(1, "#f2cc8f");
  g.fillStyle = sky;
  g.fillRect(0, 0, 160, 120);
  g.fillStyle = "#fde68a";
  g.beginPath();
  g.arc(112, 70, 16, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = "#1f2937";
  g.beginPath();
  g.moveTo(0, 120);
  g.lineTo(0, 84);
  g.lineTo(46, 62);
  g.lineTo(84, 90);
  g.lineTo(126, 74);
  g.lineTo(160, 92);
  g.lineTo(160, 120);
  g.fill();
  return canvas.toDataURL("image/jpeg", 0.7);
}

function keepValues() {
  for (const [name, read] of state.readers) {
    const value = read();
    if (value !== undefined && state.edited.has(name)) {
      state.kept[name] = value;
    }
  }
  state.edited = new Set();
}

/** The input the form describes; variation i takes seed + i. */
function collect(variation) {
  const input = {};
  for (const [name, read] of state.readers) {
    const value = read();
    if (value !== undefined) {
      input[name] = value;
    }
  }
  if (variation > 0 && typeof input.seed === "number") {
    input.seed += variation;
  }
  return input;
}

function settings() {
  const number = (id) => Number($(id).value);
  return { throttleIntervalMs: number("throttle"), maxBuffering: number("maxBuffering"), parallelism: number("parallelism") };
}

// ----------------------------------------------------------------------------------------------------------- batch run

async function runBatch() {
  if ($("live").checked) {
    $("live").checked = false;
    toggleLive();
  }
  state.batch?.abort();
  const batch = new AbortController();
  state.batch = batch;
  const app = state.app;
  const count = Math.max(1, Math.min(64, Number($("variations").value) || 1));
  const inputs = Array.from({ length: count }, (_, i) => collect(i));
  const ratio = aspect(inputs[0].image_size);
  hideBanner();
  $("empty").hidden = true;
  heading(app, inputs[0].prompt);
  const cards = inputs.map((input, index) => pendingCard(index, input, ratio));
  $("gallery").replaceChildren(...cards);
  const started = performance.now();
  let firstAt = 0;
  summary([["running", "…"], ["inputs", count]], false);
  $("run").disabled = true;
  try {
    const response = await fetch(`/v1/realtime/${app.id}/stream`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ inputs, ...settings() }),
      signal: batch.signal,
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw body.error ?? { code: "HTTP_" + response.status, message: response.statusText };
    }
    for await (const event of serverSentEvents(response.body)) {
      if (event.name === "result") {
        const item = JSON.parse(event.data);
        firstAt ||= performance.now() - started;
        fill(cards[item.index], item, app);
      } else if (event.name === "summary") {
        const s = JSON.parse(event.data);
        summary([["ok", s.ok, s.ok ? "ok" : ""], ["failed", s.failed, s.failed ? "bad" : ""], ["reconnects", s.reconnects], ["throttle", s.effectiveThrottleMs + " ms"],
          ["to the first image", Math.round(firstAt) + " ms"], ["in the gateway", s.durationMs + " ms"]], true);
      }
    }
  } catch (error) {
    if (error.name === "AbortError") {
      return;
    }
    showBanner(error.code ? error : { code: "NETWORK", message: String(error.message ?? error) });
    for (const card of cards) {
      if (card.dataset.status === "pending") {
        card.remove();
      }
    }
    $("summary").hidden = true;
  } finally {
    if (state.batch === batch) {
      $("run").disabled = false;
    }
  }
}

/** Server-Sent Events from a fetch body: blocks separated by a blank line, `event:` names them, `data:` lines carry them. */
async function* serverSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
      const event = { name: "message", data: "" };
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) {
          event.name = line.slice(6).trim();
        } else if (line.startsWith("data:")) {
          event.data += (event.data ? "\n" : "") + line.slice(5).replace(/^ /, "");
        }
      }
      yield event;
    }
  }
}

function pendingCard(index, input, ratio) {
  const card = el("article", { className: "card pending", "data-index": index, "data-status": "pending" });
  card.style.setProperty("--ratio", ratio);
  card.append(el("div", { className: "frame" }), el("div", { className: "meta" }, el("span", { className: "index" }, `#${index}` + (input.seed !== undefined ? ` · seed ${input.seed}` : "")), el("span", {}, "waiting…")));
  return card;
}

function fill(card, item, app) {
  if (!card) {
    return;
  }
  card.classList.remove("pending");
  card.dataset.status = item.status;
  const frame = card.querySelector(".frame");
  const meta = card.querySelector(".meta");
  const attempts = `${item.attempts} attempt${item.attempts === 1 ? "" : "s"}`;
  if (item.status === "ok") {
    const images = item.output.images ?? [];
    const first = images[0];
    if (first) {
      card.style.setProperty("--ratio", `${first.width} / ${first.height}`);
      const img = el("img", { alt: item.output.prompt ?? "result", src: first.url });
      frame.replaceChildren(img);
      if (app.kind === "video" && images.length > 1) {
        animate(img, images);
      }
      card.append(el("div", { className: "overlay" }, el("span", { className: "tag" }, `${first.width}×${first.height}`),
        images.length > 1 ? el("span", { className: "tag" }, app.kind === "video" ? `${images.length} frames` : `+${images.length - 1}`) : ""));
    }
    meta.replaceChildren(el("span", { className: "index" }, `#${item.index}` + (item.output.seed !== undefined ? ` · seed ${item.output.seed}` : "") + ` · ${attempts}`),
      latencyPill(item.latencyMs));
  } else {
    card.classList.add("error");
    frame.replaceChildren(el("div", { className: "reason" }, el("span", { className: "code-chip" }, item.error.code), el("span", { className: "message" }, item.error.message)));
    meta.replaceChildren(el("span", { className: "index" }, `#${item.index} · ${attempts}`), el("span", {}, "failed"));
  }
}

function animate(img, frames) {
  let frame = 0;
  const timer = setInterval(() => {
    if (!img.isConnected) {
      clearInterval(timer);
      return;
    }
    frame = (frame + 1) % frames.length;
    img.src = frames[frame].url;
  }, 140);
}

function latencyPill(ms) {
  return el("span", { className: "pill" + (ms > 1000 ? " slow" : "") }, ms === undefined ? "–" : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`);
}

// ------------------------------------------------------------------------------------------------------------ live mode

function toggleLive() {
  const on = $("live").checked;
  $("live-stage").hidden = !on;
  $("gallery").hidden = on;
  $("summary").hidden = true;
  $("empty").hidden = on || $("gallery").children.length > 0;
  $("run-hint").replaceChildren(...(on
    ? ["Live: each change is sent as you type, over one ", el("code", {}, "connectionKey"), " (", el("code", {}, state.live.key), "); the newest image replaces the last."]
    : ["Streams ", el("code", {}, "POST /v1/realtime/{app}/stream"), ": each image appears as it arrives."]));
  if (on) {
    hideBanner();
    scheduleLive(0);
  }
}

function changed(event) {
  const field = event.target.closest?.("[data-field]");
  if (field) {
    state.edited.add(field.dataset.field);
  }
  if ($("live").checked) {
    scheduleLive(LIVE_DEBOUNCE_MS);
  }
}

function scheduleLive(delay) {
  clearTimeout(state.live.timer);
  $("live-stage").dataset.busy = "true";
  state.live.timer = setTimeout(() => sendLive(collect(0)), delay);
}

/** One request in flight at a time; while it runs only the newest input waits, as fal's own live demos keep it. */
function sendLive(input) {
  if (state.live.inFlight) {
    state.live.pending = input;
    return;
  }
  state.live.inFlight = true;
  const app = state.app;
  const number = ++state.live.sent;
  fetch(`/v1/realtime/${app.id}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ inputs: [input], connectionKey: state.live.key, throttleIntervalMs: settings().throttleIntervalMs, maxBuffering: settings().maxBuffering }),
  }).then(async (response) => {
    const body = await response.json();
    if (!response.ok) {
      throw body.error;
    }
    const item = body.results[0];
    if (item.status !== "ok") {
      throw item.error;
    }
    if (number > state.live.shown && app === state.app && $("live").checked) {
      state.live.shown = number;
      const first = item.output.images[0];
      const frame = $("live-stage").querySelector(".live-frame");
      frame.style.setProperty("--ratio", `${first.width} / ${first.height}`);
      frame.style.setProperty("--ratio-number", String(first.width / first.height));
      heading(app, input.prompt);
      $("live-image").src = first.url;
      $("live-image").dataset.frame = String(number);
      $("live-meta").replaceChildren(latencyPill(item.latencyMs), el("span", { className: "tag" }, `frame ${number}`),
        el("span", { className: "tag" }, `${first.width}×${first.height}`), el("span", { className: "tag" }, `${item.attempts} attempt${item.attempts === 1 ? "" : "s"}`));
      hideBanner();
    }
  }).catch((error) => {
    showBanner(error?.code ? error : { code: "NETWORK", message: String(error?.message ?? error) });
  }).finally(() => {
    state.live.inFlight = false;
    if (state.live.pending) {
      const next = state.live.pending;
      state.live.pending = null;
      sendLive(next);
    } else {
      delete $("live-stage").dataset.busy;
    }
  });
}

// -------------------------------------------------------------------------------------------------------------- helpers

function heading(app, prompt) {
  const title = $("run-title");
  title.replaceChildren(el("span", { className: "run-app" }, app.id), prompt ? el("span", { className: "run-prompt" }, "“" + prompt + "”") : "");
  title.hidden = false;
}

function showBanner(error) {
  const banner = $("banner");
  banner.replaceChildren(el("span", { className: "code-chip" }, error.code ?? "ERROR"), el("span", { className: "message" }, error.message ?? ""));
  banner.hidden = false;
}

function hideBanner() {
  $("banner").hidden = true;
}

function summary(parts, done) {
  const line = $("summary");
  line.classList.toggle("done", done);
  line.replaceChildren(el("span", { className: "dot" }), ...parts.map(([name, value, kind]) => el("span", { className: kind ?? "" }, el("b", {}, String(value)), " " + name)));
  line.hidden = false;
}

function aspect(size) {
  if (size && typeof size === "object") {
    return `${size.width} / ${size.height}`;
  }
  const [w, h] = PRESET_RATIO[size] ?? [1, 1];
  return `${w} / ${h}`;
}

function label(name) {
  return name.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** document.createElement with properties (attributes for names with a dash) and children. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key.includes("-") || key === "role" || key === "style") {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children.filter((child) => child !== "" && child !== undefined && child !== null));
  return node;
}

boot();
