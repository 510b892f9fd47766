// What the accessibility mirror (src/a11y_dom, issue #18) costs each frame: the browser
// build on the longest case (Universal Credit), driven through the same frames with the
// mirror on, with it off (`?a11y=off`), and with egui building its accessibility tree but
// no copy in the page (`?a11y=tree`, to show which part costs what), in headless Chromium
// (Debian's), in one run.
//
// Not part of `npm test`: run it by hand, or through scripts/bench-web.sh.
//
//   node mirror-bench.js [RUNS]      # RUNS runs of each, alternated (default 7)
//
// Each run opens the case in a fresh browser context, waits for the app, then scrolls the
// case text down and back up with the mouse wheel (every step moves every paragraph, so
// the mirror repositions every element it shows, and makes and removes the elements of
// the paragraphs that come into and go out of view). The cost is the page's main-thread busy time over those steps (Chrome's TaskDuration, from the
// DevTools protocol's Performance.getMetrics), divided by the frames egui drew (counted
// from the `egui-frame` marks the app leaves when the address has `frames=mark`): the
// mean time a frame takes, everything the page did for it included. The figures are
// medians; the ratios are against off.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inside, launchBrowser, median, serve } from "./chromium.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.CASEBOOK_DIR ?? path.resolve(here, "..", "dist", "web");
const runs = Number(process.argv[2] ?? 7);
const STEPS = 30;

if (!fs.existsSync(path.join(root, "index.html"))) {
  console.error(`${root} has no index.html: run scripts/build-web.sh`);
  process.exit(2);
}

const server = await serve((name) => inside(root, name === "/" ? "/index.html" : name));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

/** Main-thread milliseconds per frame over the same steps, in one of the `modes`. */
async function perFrame(mode) {
  const mirror = mode === "on";
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    const address = `${base}/?case=universal-credit&frames=mark${mirror ? "" : `&a11y=${mode}`}`;
    await page.goto(address);
    await page.waitForSelector("#loading", { state: "detached", timeout: 60_000 });
    // Settled: the case is open and drawn.
    await page.waitForTimeout(1500);
    const mirrored = await page.evaluate(() => document.querySelectorAll(".a11y-dom *").length);
    if (mirror !== mirrored > 0) {
      throw new Error(`the mirror is ${mirrored > 0 ? "on" : "off"} where it should not be`);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const busy = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return metrics.find((m) => m.name === "TaskDuration").value * 1000;
    };
    const frames = () => page.evaluate(() => performance.getEntriesByName("egui-frame").length);
    const startBusy = await busy();
    const startFrames = await frames();
    // The case text is on the left half of the window.
    await page.mouse.move(320, 450);
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(0, i < STEPS / 2 ? 240 : -240);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(500);
    const busyMs = (await busy()) - startBusy;
    const frameCount = (await frames()) - startFrames;
    if (frameCount < STEPS / 2) throw new Error(`only ${frameCount} frames were drawn`);
    return { perFrame: busyMs / frameCount, frames: frameCount, mirrored };
  } finally {
    await context.close();
  }
}

const modes = ["on", "off", "tree"];
const results = { on: [], off: [], tree: [] };
// One of each first, not counted: caches warm for all alike.
for (const mode of modes) await perFrame(mode);
for (let i = 0; i < runs; i++) {
  // Each run in a different order, so no mode always follows another.
  const order = [...modes.slice(i % 3), ...modes.slice(0, i % 3)];
  for (const mode of order) results[mode].push(await perFrame(mode));
}
const chromiumVersion = browser.version();
await browser.close();
server.close();

const med = (mode) => median(results[mode].map((r) => r.perFrame));
const [on, off, tree] = modes.map(med);
const list = (rs) => rs.map((r) => `${r.perFrame.toFixed(2)} (${r.frames} frames)`).join(", ");
console.log(`Chromium ${chromiumVersion}, headless, --disable-gpu; Universal Credit, ${STEPS} wheel steps; ${runs} runs of each, order rotated; medians.`);
console.log(`The mirror held ${results.on[0].mirrored} elements.`);
console.log("");
console.log("| Main-thread time per frame (median) | Time | Against off | Target |");
console.log("|---|---|---|---|");
console.log(`| Mirror off (\`a11y=off\`) | ${off.toFixed(2)} ms | 1.00x | |`);
console.log(`| egui's tree only, no copy in the page (\`a11y=tree\`) | ${tree.toFixed(2)} ms | ${(tree / off).toFixed(2)}x | |`);
console.log(`| Mirror on | ${on.toFixed(2)} ms | **${(on / off).toFixed(2)}x** | at most 1.2x |`);
console.log("");
for (const mode of modes) console.log(`Every run, ms per frame, ${mode}: ${list(results[mode])}`);
