// The casebook's browser build (dist/web, from scripts/build-web.sh) in headless Chromium.
//
// Serves dist/web on loopback from a small static server, drives Debian's Chromium
// through playwright-core, and checks that the page loads and draws without console
// errors, that marks made by keyboard survive a reload in the site's local storage, that
// a damaged record is set aside under its own key, that case files open through the
// page's file picker or by dropping, with their problems shown, that a seminar link starts a seminar
// kept with the record, and that Download my record and Load a record move the record as a
// file (a damaged file refused, the replaced record kept). What is on the canvas is judged from screenshots (colours in
// them); the record, from local storage.
//
//   cd web-tests && npm ci && npm test
//
// CHROMIUM names another Chromium; SHOTS names a folder for the screenshots (default
// web-tests/shots).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { problemsOf, site } from "./chromium.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "dist", "web");
const shots = process.env.SHOTS ?? path.join(here, "shots");
const RECORD = "collab-casebook/progress.ron";
const DAMAGED_PREFIX = "collab-casebook/progress.damaged-";

let base;
let context;
let stop;

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  ({ base, context, stop } = await site(root));
});

after(async () => {
  await stop?.();
});

/** A new page that records console errors and uncaught exceptions. */
async function openPage() {
  const page = await context.newPage();
  return { page, problems: problemsOf(page) };
}

/** Goes to `address` and waits until the app has started and drawn a few frames. */
async function load(page, address) {
  await page.goto(base + address);
  await started(page);
}

async function started(page) {
  // The page removes its "Loading" line once the app has started on the canvas.
  await page.waitForSelector("#loading", { state: "detached", timeout: 60_000 });
  await page.waitForTimeout(1500);
}

/** How much of a PNG is drawn: distinct colours and the share of pixels unlike the corner. */
async function measure(page, png) {
  const probe = await context.newPage();
  try {
    return await probe.evaluate(async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      const colours = new Set();
      let unlike = 0;
      const [r0, g0, b0] = data;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 48) unlike++;
      }
      return { colours: colours.size, unlike: unlike / (data.length / 4) };
    }, png.toString("base64"));
  } finally {
    await probe.close();
  }
}

/** How many pixels in the top `band` rows of a PNG are within 40 of `rgb`. */
async function countColour(png, rgb, band) {
  const probe = await context.newPage();
  try {
    return await probe.evaluate(
      async ([b64, [r, g, b], rows]) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, rows);
        const ctx = canvas.getContext("2d");
        ctx.drawImage(image, 0, 0);
        const { data } = ctx.getImageData(0, 0, image.width, rows);
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) count++;
        }
        return count;
      },
      [png.toString("base64"), rgb, band],
    );
  } finally {
    await probe.close();
  }
}

async function storage(page) {
  return page.evaluate(() => {
    const all = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      all[key] = localStorage.getItem(key);
    }
    return all;
  });
}

test("the page loads and draws the library, with no console errors", async () => {
  const { page, problems } = await openPage();
  await load(page, "/");
  const png = await page.screenshot({ path: path.join(shots, "library.png") });
  const { colours, unlike } = await measure(page, png);
  // A blank or single-colour canvas has a handful of colours; the library has text,
  // buttons and cards in many shades.
  assert.ok(colours > 40, `only ${colours} colours on screen: the canvas looks blank`);
  assert.ok(unlike > 0.02, `only ${(unlike * 100).toFixed(2)}% of the page is drawn on`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("marks made by keyboard survive a reload, kept in local storage as a Progress record", async () => {
  const { page, problems } = await openPage();
  await load(page, "/?case=universal-credit");
  await page.evaluate((key) => localStorage.removeItem(key), RECORD);
  // The canvas takes the keyboard once focused, as after a click or Tab.
  await page.focus("#casebook");
  // 3 marks the factor shown as Missing; N moves on, and 1 marks the next as Present.
  await page.keyboard.press("3");
  await page.waitForTimeout(200);
  await page.keyboard.press("n");
  await page.waitForTimeout(200);
  await page.keyboard.press("1");
  // Reloaded before the autosave rule's quiet second: the page-hide save must keep it.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, "marked.png") });
  await page.reload();
  await started(page);
  const kept = await storage(page);
  const record = kept[RECORD];
  assert.ok(record, `no record under ${RECORD}; keys: ${Object.keys(kept).join(", ")}`);
  assert.match(record, /^Progress\(/);
  assert.match(record, /format: 3/);
  assert.match(record, /"universal-credit"/);
  assert.match(record, /verdict: Some\(Missing\)/);
  assert.match(record, /verdict: Some\(Present\)/);
  // Where the trainee was: the second factor, after N.
  assert.match(record, /place: Some\(Place\(\s*case: "universal-credit",\s*factor: 1,?\s*\)\)/);
  // The app reopened the record rather than starting afresh over it.
  assert.ok(!Object.keys(kept).some((k) => k.startsWith(DAMAGED_PREFIX)), "nothing was set aside");
  await page.screenshot({ path: path.join(shots, "after-reload.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("a damaged record is set aside under its own key, never saved over", async () => {
  const { page, problems } = await openPage();
  await load(page, "/");
  const damaged = "Progress(format: 2, attempts: {";
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [RECORD, damaged]);
  await page.reload();
  await started(page);
  const kept = await storage(page);
  const aside = Object.keys(kept).filter((k) => k.startsWith(DAMAGED_PREFIX));
  assert.equal(aside.length, 1, `keys: ${Object.keys(kept).join(", ")}`);
  assert.equal(kept[aside[0]], damaged);
  await page.screenshot({ path: path.join(shots, "damaged.png") });
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("case files open through the page's file picker and are checked, problems and all", async () => {
  const { page, problems } = await openPage();
  await load(page, "/");
  // The theme's error red: the problems panel's border and the file's name.
  const red = [0xd4, 0x35, 0x1c];
  const before = await page.screenshot();
  assert.equal(await countColour(before, red, 800), 0, "no problems before");
  const good = fs.readFileSync(path.resolve(here, "..", "scenarios", "school-move.ron"));
  const broken = Buffer.from('Case(\n    id: "broken",\n    title: "A case cut short",\n');
  // "Open case files" is the last button of the top bar, at 1280 by 800.
  // egui sees the pointer arrive, then the press and release, each in its own frame.
  const chooserShown = page.waitForEvent("filechooser", { timeout: 15_000 });
  await page.mouse.move(706, 20);
  await page.waitForTimeout(200);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  const chooser = await chooserShown;
  assert.ok(chooser.isMultiple(), "several files can be picked at once");
  await chooser.setFiles([
    { name: "school-move-copy.ron", mimeType: "text/plain", buffer: good },
    { name: "broken.ron", mimeType: "text/plain", buffer: broken },
  ]);
  await page.waitForTimeout(1500);
  const after = await page.screenshot({ path: path.join(shots, "picked.png") });
  // The panel opens by itself: a 3-point red frame round the page's width.
  const shown = await countColour(after, red, 800);
  assert.ok(shown > 2000, `the problems panel is not shown (${shown} red pixels)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a seminar link starts a seminar, kept with the record and picked up after a reload", async () => {
  const { page, problems } = await openPage();
  await load(page, "/");
  await page.evaluate(() => localStorage.clear());
  await load(page, "/?seminar=universal-credit");
  await page.screenshot({ path: path.join(shots, "seminar.png") });
  // Back to the plain address: nothing in it asks for a seminar now.
  await load(page, "/");
  const record = (await storage(page))[RECORD];
  assert.ok(record, "the record was saved");
  assert.match(record, /seminar: Some\(/);
  assert.match(record, /"universal-credit"/);
  await page.screenshot({ path: path.join(shots, "seminar-resumed.png") });
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test("a case file dropped on the page is read and checked like a picked one", async () => {
  const { page, problems } = await openPage();
  await load(page, "/");
  const red = [0xd4, 0x35, 0x1c];
  assert.equal(await countColour(await page.screenshot(), red, 800), 0, "no problems before");
  await page.evaluate(() => {
    const canvas = document.getElementById("casebook");
    const data = new DataTransfer();
    data.items.add(new File(['Case(\n    id: "dropped",\n'], "dropped.ron", { type: "text/plain" }));
    for (const type of ["dragenter", "dragover", "drop"]) {
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  });
  await page.waitForTimeout(1500);
  const after = await page.screenshot({ path: path.join(shots, "dropped.png") });
  const shown = await countColour(after, red, 800);
  assert.ok(shown > 2000, `the problems panel is not shown (${shown} red pixels)`);
  assert.deepEqual(problems, []);
  await page.close();
});

/** Clicks at a point on the canvas: egui sees the pointer arrive, then the press and release. */
async function click(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(200);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  await page.waitForTimeout(300);
}

// Where things are at 1280 by 800 (see shots/record-actions.png): "My record" in the top bar
// of the case screen, and the record's buttons at the foot of My record with a short record.
const MY_RECORD = [140, 20];
const DOWNLOAD_RECORD = [100, 616];
const LOAD_RECORD = [268, 616];
const REPLACED_PREFIX = "collab-casebook/progress.replaced-";

test("Download my record saves the record as a file; Load a record checks a file and replaces the record, keeping the old one", async () => {
  const { page, problems } = await openPage();
  await load(page, "/");
  await page.evaluate(() => localStorage.clear());
  await load(page, "/?case=universal-credit");
  await page.focus("#casebook");
  // 3: the first factor Missing.
  await page.keyboard.press("3");
  await page.waitForTimeout(300);
  await click(page, ...MY_RECORD);
  await page.screenshot({ path: path.join(shots, "record-actions.png") });
  const downloaded = page.waitForEvent("download", { timeout: 15_000 });
  await click(page, ...DOWNLOAD_RECORD);
  const download = await downloaded;
  assert.match(download.suggestedFilename(), /^collab-casebook-record-\d{4}-\d{2}-\d{2}\.ron$/);
  const file = fs.readFileSync(await download.path(), "utf8");
  assert.match(file, /^Progress\(/);
  assert.match(file, /verdict: Some\(Missing\)/);
  assert.equal(file, (await storage(page))[RECORD], "the file is the record's own text");

  // The record changes: the first factor Present now.
  await load(page, "/?case=universal-credit");
  await page.focus("#casebook");
  await page.keyboard.press("1");
  await page.waitForTimeout(300);
  await click(page, ...MY_RECORD);
  const changed = (await storage(page))[RECORD];
  assert.match(changed, /verdict: Some\(Present\)/);

  // A damaged file is refused, and nothing changes.
  let chooser = page.waitForEvent("filechooser", { timeout: 15_000 });
  await click(page, ...LOAD_RECORD);
  await (await chooser).setFiles([
    { name: "broken.ron", mimeType: "text/plain", buffer: Buffer.from("Progress(\n    format: 3,\n    attempts: {\n") },
  ]);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, "record-load-refused.png") });
  let kept = await storage(page);
  assert.equal(kept[RECORD], changed, "a damaged file changes nothing");
  assert.ok(!Object.keys(kept).some((k) => k.startsWith(REPLACED_PREFIX)), "nothing set aside");

  // The downloaded file replaces the record; the record it replaced is kept.
  await page.reload();
  await started(page);
  await click(page, ...MY_RECORD);
  chooser = page.waitForEvent("filechooser", { timeout: 15_000 });
  await click(page, ...LOAD_RECORD);
  await (await chooser).setFiles([
    { name: download.suggestedFilename(), mimeType: "text/plain", buffer: Buffer.from(file) },
  ]);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, "record-loaded.png") });
  kept = await storage(page);
  assert.match(kept[RECORD], /verdict: Some\(Missing\)/);
  assert.doesNotMatch(kept[RECORD], /verdict: Some\(Present\)/);
  const aside = Object.keys(kept).filter((k) => k.startsWith(REPLACED_PREFIX));
  assert.equal(aside.length, 1, `keys: ${Object.keys(kept).join(", ")}`);
  assert.equal(kept[aside[0]], changed);
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});
