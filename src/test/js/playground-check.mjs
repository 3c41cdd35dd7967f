// The playground in a real browser (Debian's chromium, driven by puppeteer-core): loads the page, runs a batch, an
// invalid input, an image-to-image run with an uploaded file and live mode, takes screenshots, and prints one JSON line
// of what the page showed. Env: GATEWAY_URL, SOURCE_IMAGE (a small PNG), SCREENSHOTS (a folder), CHROMIUM (optional).
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const { GATEWAY_URL, SOURCE_IMAGE, SCREENSHOTS } = process.env;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--user-data-dir=" + fs.mkdtempSync(path.join(SCREENSHOTS, "chromium-"))],
});
const report = { pageErrors: [] };
try {
  const page = await browser.newPage();
  page.on("pageerror", (error) => report.pageErrors.push(error.message));
  // What the page sends: the connectionKey of each single (live) invocation.
  report.liveKeys = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/v1\/realtime\/[^/]+\/[^/]+$/.test(new URL(request.url()).pathname)) {
      report.liveKeys.push(JSON.parse(request.postData()).connectionKey ?? null);
    }
  });
  await page.setViewport({ width: 1440, height: 900 });

  await page.goto(GATEWAY_URL, { waitUntil: "load" });
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  report.load = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0];
    return { domContentLoadedMs: navigation.domContentLoadedEventEnd, loadMs: navigation.loadEventEnd, appsRenderedMs: window.playgroundReadyAt,
      transferredBytes: performance.getEntriesByType("resource").reduce((sum, entry) => sum + entry.transferSize, navigation.transferSize) };
  });
  report.apps = await page.$$eval("[data-app]", (buttons) => buttons.map((button) => button.dataset.app));
  report.upstream = await page.$eval("#upstream", (badge) => badge.textContent);

  // A batch of three on the default app.
  await setNumber(page, "#variations", 3);
  report.batch = await run(page);
  await page.evaluate(() => document.querySelector(".panel").scrollTo(0, 0));
  await setNumber(page, "#variations", 8);
  await run(page);
  await screenshot(page, "playground-batch.png");

  // An input the app refuses: steps beyond the model's range.
  await setNumber(page, "#variations", 1);
  await setNumber(page, 'input[aria-label="Num inference steps"]', 99);
  report.invalid = await run(page);
  await screenshot(page, "playground-invalid.png");

  // Image-to-image with an uploaded file, sent as a data: URI.
  await page.click('[data-app="fal-ai/lcm-sd15-i2i"]');
  const file = await page.$('input[type=file][name="image_url"]');
  await file.uploadFile(SOURCE_IMAGE);
  await page.waitForFunction(() => document.querySelector(".drop-text b")?.textContent.includes("×"), { timeout: 10_000 });
  report.upload = await page.$eval(".drop-text", (text) => text.textContent);
  report.imageToImage = await run(page);
  await screenshot(page, "playground-i2i.png");

  // Live mode on another app: the first image, then a replacement after typing.
  await page.click('[data-app="fal-ai/sdxl-turbo-realtime"]');
  await page.click("label.switch:has(#live)");
  await page.waitForSelector("#live-image[src]", { timeout: 15_000 });
  const first = await page.$eval("#live-image", (img) => ({ src: img.src, frame: img.dataset.frame }));
  await page.type("#f-prompt", " under a night sky full of stars", { delay: 15 });
  await page.waitForFunction((src) => {
    const img = document.querySelector("#live-image");
    return img.src !== src && img.complete && img.naturalWidth > 0;
  }, { timeout: 15_000 }, first.src);
  await page.waitForFunction(() => !document.querySelector("#live-stage").dataset.busy, { timeout: 15_000 });
  report.live = await page.evaluate((firstSrc) => {
    const img = document.querySelector("#live-image");
    return { replaced: img.src !== firstSrc, frame: Number(img.dataset.frame), images: document.querySelectorAll("#live-stage img").length,
      naturalWidth: img.naturalWidth, galleryHidden: document.querySelector("#gallery").hidden, meta: document.querySelector("#live-meta").textContent };
  }, first.src);
  report.live.firstFrame = Number(first.frame);
  await screenshot(page, "playground-live.png");
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + "\n", () => process.exit(0));

/** A screenshot once the finite animations (images fading in) are over, with the inputs panel at its top. */
async function screenshot(page, name) {
  await page.evaluate(() => document.querySelector(".panel").scrollTo(0, 0));
  await page.waitForFunction(() => document.getAnimations().every((a) => a.effect.getTiming().iterations === Infinity || a.playState === "finished"),
    { timeout: 10_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

async function setNumber(page, selector, value) {
  await page.$eval(selector, (input, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** Clicks Run, waits for the summary (or a refusal), and reads every card: status, decoded image size, latency, attempts. */
async function run(page) {
  await page.click("#run");
  await page.waitForFunction(() => document.querySelector("#summary.done:not([hidden])") || !document.querySelector("#banner").hidden, { timeout: 30_000 });
  return page.evaluate(async () => {
    const cards = [];
    for (const card of document.querySelectorAll("#gallery .card")) {
      const img = card.querySelector(".frame img");
      let decoded = false;
      if (img) {
        decoded = await img.decode().then(() => true, () => false);
      }
      cards.push({ status: card.dataset.status, decoded, naturalWidth: img?.naturalWidth ?? 0, naturalHeight: img?.naturalHeight ?? 0,
        meta: card.querySelector(".meta").textContent, code: card.querySelector(".code-chip")?.textContent, message: card.querySelector(".message")?.textContent });
    }
    const banner = document.querySelector("#banner");
    return { cards, summary: document.querySelector("#summary").textContent, banner: banner.hidden ? null : banner.textContent };
  });
}
