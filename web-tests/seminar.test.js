// Seminars in the browser build (dist/web, from scripts/build-web.sh), in headless Chromium:
// the room view opens in a second browser window and follows the console, and keys pressed
// there move the console; an attempt file saved from feedback imports into a seminar.
//
// Where the room window is, is read from its title, which the room window sets to where the
// seminar is ("Room view: Section 2 of 8"); what the console holds, from the record it keeps
// in local storage (a running seminar is kept with the record).
//
//   cd web-tests && npm test

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

async function started(page) {
  // The page removes its "Loading" line once the app has started on the canvas.
  await page.waitForSelector("#loading", { state: "detached", timeout: 60_000 });
  await page.waitForTimeout(1500);
}

async function load(page, address) {
  await page.goto(base + address);
  await started(page);
}

/** Clicks at a point on the canvas: egui sees the pointer arrive, then the press and release. */
async function click(page, x, y) {
  await page.mouse.move(x, y);
  await page.waitForTimeout(200);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
  await page.waitForTimeout(300);
}

/** Presses a key on the page's canvas, and lets a frame or two pass. */
async function press(page, key) {
  await page.focus("#casebook");
  await page.keyboard.press(key);
  await page.waitForTimeout(250);
}

/** Waits until the room window's title names `where` ("Section 2 of 8"). */
async function roomShows(room, where) {
  await room
    .waitForFunction((w) => document.title === `Room view: ${w}`, where, { timeout: 15_000 })
    .catch(async () => {
      assert.fail(`the room window shows "${await room.title()}", not "${where}"`);
    });
}

/** The console's record, once the autosave rule has written it (a quiet second). */
async function record(page) {
  await page.waitForTimeout(1800);
  return page.evaluate((key) => localStorage.getItem(key), RECORD);
}

// At 1280 by 800 with the seminar's steps scrolled to their end (see shots/room-console.png):
// "Open the room view" under the list of steps.
const STEPS = [150, 500];
const OPEN_ROOM = [99, 592];

test("the room view opens in a second window, follows the console, and its keys move the console", async () => {
  const page = await context.newPage();
  const problems = problemsOf(page);
  await load(page, "/");
  await page.evaluate(() => localStorage.clear());
  await load(page, "/?seminar=universal-credit");
  await page.mouse.move(...STEPS);
  await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(shots, "room-console.png") });

  const popup = page.waitForEvent("popup", { timeout: 15_000 });
  await click(page, ...OPEN_ROOM);
  const room = await popup;
  const roomProblems = problemsOf(room);
  assert.match(room.url(), /\?room=[0-9a-f]+$/);
  await started(room);
  await roomShows(room, "Section 1 of 8");
  await room.screenshot({ path: path.join(shots, "room-window.png") });

  // The console moves on: the room window follows.
  await press(page, "PageDown");
  await roomShows(room, "Section 2 of 8");
  await press(page, "PageDown");
  await roomShows(room, "Section 3 of 8");
  await press(page, "PageUp");
  await roomShows(room, "Section 2 of 8");

  // The same keys in the room window move the console, and the room window with it.
  await press(room, "PageDown");
  await roomShows(room, "Section 3 of 8");
  assert.match(await record(page), /stage: Section\(2\)/, "the console moved on too");
  for (let i = 0; i < 6; i++) await press(room, "PageDown");
  await roomShows(room, "Factor 1 of 9");
  assert.match(await record(page), /revealed: \[\]/, "nothing revealed yet");
  // R in the room window reveals the model's answer, on the console.
  await press(room, "r");
  await room.waitForTimeout(500);
  await room.screenshot({ path: path.join(shots, "room-window-revealed.png") });
  assert.match(await record(page), /revealed: \[\s*"[a-z-]+",?\s*\]/, "the console revealed the answer");
  assert.match(await record(page), /room_view: true/);

  // Closing the room window closes the room view on the console.
  await room.close({ runBeforeUnload: true });
  await page.waitForTimeout(500);
  assert.match(await record(page), /room_view: false/, "the console knows the room window closed");

  assert.deepEqual(problems, []);
  assert.deepEqual(roomProblems, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

// At 1280 by 800: "Save your attempt file" under What next, with the feedback scrolled to
// its end (see shots/attempt-feedback.png); "Import attempt files" at the top of the
// console's right-hand panel (see shots/room-console.png).
const FEEDBACK = [950, 500];
const SAVE_ATTEMPT = [748, 686];
const IMPORT_ATTEMPTS = [1003, 165];

test("an attempt file saved from feedback downloads, and imports into a seminar, which counts it", async () => {
  const page = await context.newPage();
  const problems = problemsOf(page);
  await load(page, "/");
  await page.evaluate(() => localStorage.clear());
  await load(page, "/?case=universal-credit");
  // Every factor marked Present by keyboard (1, then N for the next), then checked.
  await page.focus("#casebook");
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press("1");
    await page.waitForTimeout(150);
    await page.keyboard.press("n");
    await page.waitForTimeout(150);
  }
  await page.keyboard.press("Control+Enter");
  await page.waitForTimeout(1000);
  await page.mouse.move(...FEEDBACK);
  await page.mouse.wheel(0, 30_000);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(shots, "attempt-feedback.png") });
  const downloaded = page.waitForEvent("download", { timeout: 15_000 });
  await click(page, ...SAVE_ATTEMPT);
  const download = await downloaded;
  assert.match(download.suggestedFilename(), /\.ron$/);
  const file = fs.readFileSync(await download.path(), "utf8");
  assert.match(file, /^Attempt\(/);
  assert.match(file, /"universal-credit"/);
  assert.match(file, /verdict: Some\(Present\)/);

  // A seminar on the case counts it.
  await load(page, "/?seminar=universal-credit");
  assert.match(await record(page), /counted: \[\]/, "nothing counted yet");
  const chooser = page.waitForEvent("filechooser", { timeout: 15_000 });
  await click(page, ...IMPORT_ATTEMPTS);
  await (await chooser).setFiles([
    { name: download.suggestedFilename(), mimeType: "text/plain", buffer: Buffer.from(file) },
  ]);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: path.join(shots, "attempt-imported.png") });
  const kept = await record(page);
  assert.match(kept, /counted: \[\s*CountedAttempt\(/, "the seminar counted the file");
  assert.ok(kept.includes(`file: "${download.suggestedFilename()}"`), "under its name");
  assert.match(kept, /set_aside: \[\]/, "nothing set aside");
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});
