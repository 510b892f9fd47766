// The browser build against a bare eframe app built the same way (examples/bare-web, by
// `scripts/build-web.sh --bare`): the download's size, gzipped, and the time from
// navigation to the first frame drawn, in headless Chromium (Debian's), in one run.
//
// Not part of `npm test`: run it by hand, or through scripts/bench-web.sh, which builds
// both first.
//
//   node bench.js [RUNS]      # RUNS page loads of each, alternated (default 9)
//
// Both apps mark the page's timeline with `first-frame` when their first frame has been
// drawn (src/platform/web/mod.rs, examples/bare-web/src/lib.rs); the time is that mark's
// `startTime`, milliseconds from the start of navigation. On the way they mark `start`
// (the wasm runs), `runner` (eframe's web runner asks for the app) and `app` (the app is
// built), and the benchmark reports each stage's median too: where the difference is.
// Each load is in a new browser context (nothing cached, an empty local storage), from a
// loopback server that sends `cache-control: no-store`. The figures are medians; ratios are casebook / bare.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { inside, launchBrowser, median, serve } from "./chromium.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, "..", "dist");
// CASEBOOK_DIR and BARE_DIR measure other builds of each (for example after wasm-opt).
const apps = {
  casebook: process.env.CASEBOOK_DIR ?? path.join(dist, "web"),
  bare: process.env.BARE_DIR ?? path.join(dist, "bare-web"),
};
const runs = Number(process.argv[2] ?? 9);

for (const [name, root] of Object.entries(apps)) {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    console.error(`${root} has no index.html: run scripts/build-web.sh${name === "bare" ? " --bare" : ""}`);
    process.exit(2);
  }
}

/** Bytes of each file a page downloads, raw and gzipped (level 9, as a server would). */
function sizes(root) {
  const files = fs.readdirSync(root).filter((f) => /\.(html|js|wasm)$/.test(f));
  let raw = 0;
  let gz = 0;
  let wasmGz = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(root, file));
    const packed = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += packed;
    if (file.endsWith(".wasm")) wasmGz = packed;
  }
  return { raw, gz, wasmGz };
}

const server = await serve((name) => {
  const [, app, ...rest] = name.split("/");
  const root = apps[app];
  if (!root) return undefined;
  const file = "/" + rest.join("/");
  return inside(root, file === "/" ? "/index.html" : file);
});
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

/** The marks on the way to the first frame. */
const STAGES = [
  ["start", "The wasm runs (`start`)"],
  ["runner", "eframe's web runner asks for the app (`runner`)"],
  ["app", "The app is built: cases read, record opened (`app`)"],
  ["first-frame", "The first frame is drawn (`first-frame`)"],
];

/** Milliseconds from navigation to each mark, up to the app's first frame, in a fresh context. */
async function firstFrame(app) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/${app}/`);
    await page.waitForFunction(
      () => performance.getEntriesByName("first-frame")[0]?.startTime,
      null,
      { timeout: 60_000, polling: 50 },
    );
    return await page.evaluate(
      (names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])),
      STAGES.map(([name]) => name),
    );
  } finally {
    await context.close();
  }
}

const times = { casebook: [], bare: [] };
// One of each first, not counted: the operating system's caches warm for both alike.
await firstFrame("bare");
await firstFrame("casebook");
for (let i = 0; i < runs; i++) {
  // Alternated, and which goes first alternates too.
  const order = i % 2 ? ["bare", "casebook"] : ["casebook", "bare"];
  for (const app of order) times[app].push(await firstFrame(app));
}
await browser.close();
server.close();

const size = { casebook: sizes(apps.casebook), bare: sizes(apps.bare) };
const kib = (n) => (n / 1024).toFixed(0);
const ratio = (a, b) => (a / b).toFixed(2);
const at = (app, stage) => median(times[app].map((marks) => marks[stage]));
const first = { casebook: at("casebook", "first-frame"), bare: at("bare", "first-frame") };
const chromiumVersion = browser.version();
console.log(`Chromium ${chromiumVersion}, headless, --disable-gpu; ${runs} loads of each, alternated; medians.`);
console.log("");
console.log("| | Casebook | Bare eframe app | Ratio | Target |");
console.log("|---|---|---|---|---|");
console.log(`| Download, gzipped (wasm, JS glue and page) | ${kib(size.casebook.gz)} KiB | ${kib(size.bare.gz)} KiB | ${ratio(size.casebook.gz, size.bare.gz)}x | at most 1.3x |`);
console.log(`| The wasm alone, gzipped | ${kib(size.casebook.wasmGz)} KiB | ${kib(size.bare.wasmGz)} KiB | ${ratio(size.casebook.wasmGz, size.bare.wasmGz)}x | |`);
console.log(`| Download, uncompressed | ${kib(size.casebook.raw)} KiB | ${kib(size.bare.raw)} KiB | ${ratio(size.casebook.raw, size.bare.raw)}x | |`);
console.log(`| Navigation to first frame (median) | ${first.casebook.toFixed(0)} ms | ${first.bare.toFixed(0)} ms | ${ratio(first.casebook, first.bare)}x | at most 1.2x |`);
console.log("");
console.log("| Stage: median ms from navigation (and from the stage before) | Casebook | Bare eframe app |");
console.log("|---|---|---|");
let before = { casebook: 0, bare: 0 };
for (const [stage, words] of STAGES) {
  const cell = (app) => `${at(app, stage).toFixed(0)} (+${(at(app, stage) - before[app]).toFixed(0)})`;
  console.log(`| ${words} | ${cell("casebook")} | ${cell("bare")} |`);
  before = { casebook: at("casebook", stage), bare: at("bare", stage) };
}
console.log("");
const every = (app) => times[app].map((marks) => marks["first-frame"].toFixed(0)).join(", ");
console.log(`Every load's first frame, ms: casebook ${every("casebook")}; bare ${every("bare")}`);
