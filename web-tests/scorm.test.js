// The SCORM 1.2 package (dist/collab-casebook-scorm12.zip, from scripts/build-web.sh) in a
// real SCORM runtime: scorm-again's Scorm12API as the LMS, in a harness page
// (harness/scorm12.html) that puts the API on its window and loads the package's launch
// page in a frame, as an LMS's player does. Everything is served on loopback by this file.
//
// The package must be limited to one case, as CI builds it:
//
//   scripts/build-web.sh --cases universal-credit && cd web-tests && npm ci && npm test
//
// Checked: the manifest; the package initialises the runtime and says it is incomplete;
// after marking every factor and checking answers by keyboard, the status is completed,
// the score is the record's agreement, and a commit came with the check; suspend data is
// written; leaving the activity sets the session time and finishes; and, launched again
// with what the runtime kept (and this browser's own storage emptied), the marks come back
// from the suspend data alone. Assertions read the runtime (what the LMS would keep) and
// the app's record in local storage; nothing reads the canvas.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inside, launch, problemsOf, serve } from "./chromium.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const zip = path.resolve(here, "..", "dist", "collab-casebook-scorm12.zip");
const runtime = path.join(here, "node_modules", "scorm-again", "dist", "scorm12.js");
const harness = path.join(here, "harness", "scorm12.html");
const shots = process.env.SHOTS ?? path.join(here, "shots");
const RECORD = "collab-casebook/progress.ron";

let server;
let base;
let context;
let userDataDir;
let unpacked;

/** Where an address is: the harness, the runtime, or a file of the unpacked package. */
function locate(name) {
  if (name === "/lms/scorm12.html") return harness;
  if (name === "/lms/scorm12.js") return runtime;
  if (name.startsWith("/lms/package/")) return inside(unpacked, name.slice("/lms/package".length));
  return undefined;
}

before(async () => {
  assert.ok(fs.existsSync(zip), `${zip} is missing: run scripts/build-web.sh --cases universal-credit first`);
  assert.ok(fs.existsSync(runtime), "scorm-again is missing: run npm ci in web-tests");
  fs.mkdirSync(shots, { recursive: true });
  unpacked = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-scorm-"));
  // Python's zipfile, which every Debian has: the package as an LMS unpacks it.
  execFileSync("python3", ["-m", "zipfile", "-e", zip, unpacked]);
  server = await serve(locate);
  base = `http://127.0.0.1:${server.address().port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-chromium-"));
  context = await launch(userDataDir);
});

after(async () => {
  await context?.close();
  server?.close();
  for (const dir of [userDataDir, unpacked]) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The manifest's launch page and the cases the package is limited to. */
function readPackage() {
  const manifest = fs.readFileSync(path.join(unpacked, "imsmanifest.xml"), "utf8");
  const href = manifest.match(/adlcp:scormtype="sco" href="([^"]+)"/)?.[1];
  const page = fs.readFileSync(path.join(unpacked, href ?? "index.html"), "utf8");
  const cases = page.match(/<meta name="collab-casebook-cases" content="([^"]*)">/)?.[1];
  return { manifest, href, cases: cases ? cases.split(",") : [] };
}

/** The harness with the package launched in its frame; waits for the app to start. */
async function launchPackage(page, href, seed) {
  await page.goto(`${base}/lms/scorm12.html`);
  await page.evaluate(([src, seed]) => window.launch(src, seed), [`package/${href}`, seed]);
  const frame = page.frameLocator("#sco");
  await frame.locator("#casebook").waitFor({ state: "attached", timeout: 60_000 });
  await frame.locator("#loading").waitFor({ state: "detached", timeout: 60_000 });
  await page.waitForTimeout(1500);
  return frame;
}

async function held(page) {
  return page.evaluate(() => window.held());
}

async function calls(page) {
  return page.evaluate(() => window.calls);
}

test("the package's manifest is SCORM 1.2 with one SCO, launching the web build", () => {
  const { manifest, href, cases } = readPackage();
  assert.match(manifest, /<schemaversion>1\.2<\/schemaversion>/);
  assert.match(manifest, /xmlns="http:\/\/www\.imsproject\.org\/xsd\/imscp_rootv1p1p2"/);
  assert.equal((manifest.match(/<item /g) ?? []).length, 1, "one item");
  assert.equal((manifest.match(/adlcp:scormtype="sco"/g) ?? []).length, 1, "one SCO");
  assert.equal(href, "index.html");
  for (const file of ["index.html", "collab_casebook.js", "collab_casebook_bg.wasm"]) {
    assert.ok(fs.existsSync(path.join(unpacked, file)), `${file} is in the package`);
    assert.match(manifest, new RegExp(`<file href="${file}"/>`));
  }
  assert.deepEqual(cases, ["universal-credit"], "built with --cases universal-credit");
  assert.match(manifest, /<title>Collaborative Working Casebook: Universal Credit, 2010 to 2018/);
});

test("in a SCORM runtime: initialise, completed with a score after checking answers, suspend data kept and restored, finish on leaving", async () => {
  const { href, cases } = readPackage();
  const [chosen] = cases;
  const page = await context.newPage();
  const problems = problemsOf(page);

  // First launch: nothing kept anywhere.
  await page.goto(`${base}/lms/scorm12.html`);
  await page.evaluate(() => localStorage.clear());
  const frame = await launchPackage(page, href, null);
  let now = await held(page);
  assert.equal(now.initialized, true, "LMSInitialize was called");
  assert.equal((await calls(page))[0]?.[0], "LMSInitialize");
  assert.equal(now.lesson_status, "incomplete");
  assert.equal(now.score_min, "0");
  assert.equal(now.score_max, "100");
  assert.equal(now.score_raw, "", "no score before any check");

  // The package of one case opens it. Mark every factor Present (1, then N for the next),
  // then check answers (Ctrl+Enter).
  await frame.locator("#casebook").focus();
  for (let factor = 0; factor < 9; factor++) {
    await page.keyboard.press("1");
    await page.waitForTimeout(150);
    await page.keyboard.press("n");
    await page.waitForTimeout(150);
  }
  const commitsBefore = (await calls(page)).filter(([name]) => name === "LMSCommit").length;
  await page.keyboard.press("Control+Enter");
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, "scorm-checked.png") });
  now = await held(page);
  assert.equal(now.lesson_status, "completed");
  const commitsAfter = (await calls(page)).filter(([name]) => name === "LMSCommit").length;
  assert.ok(commitsAfter > commitsBefore, "checking answers commits");
  // The score is the record's agreement on the case, as a whole percentage.
  const record = await page.evaluate((key) => localStorage.getItem(key), RECORD);
  const agreement = Number(record?.match(/agreement: Some\(([0-9.]+)\)/)?.[1]);
  assert.ok(Number.isFinite(agreement), `a check in the record:\n${record}`);
  assert.equal(now.score_raw, String(Math.round(agreement * 100)));
  // Suspend data: this encoding, for 9 factors, the case checked at that score, every
  // factor marked Present with no confidence ("E"), the place on the last factor.
  assert.match(now.suspend_data, new RegExp(`^C1\\.9;P0\\.8;${chosen},\\d+,${now.score_raw},EEEEEEEEE$`));
  assert.ok(now.suspend_data.length <= 4096);

  // Leaving the activity: the frame goes elsewhere.
  await page.evaluate(() => { document.getElementById("sco").src = "about:blank"; });
  await page.waitForTimeout(1000);
  now = await held(page);
  assert.equal(now.terminated, true, "LMSFinish was called");
  assert.equal((await calls(page)).at(-1)?.[0], "LMSFinish");
  assert.match(now.session_time, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  assert.notEqual(now.session_time.replace(/[0:.]/g, ""), "", "some time passed");
  assert.equal(now.exit, "suspend");
  const kept = { suspend_data: now.suspend_data, lesson_status: now.lesson_status, score_raw: now.score_raw };

  // Again, with what the LMS kept, from a browser that keeps nothing of its own.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => localStorage.clear());
  await launchPackage(page, href, kept);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, "scorm-resumed.png") });
  now = await held(page);
  assert.equal(now.lesson_status, "completed", "still completed");
  assert.equal(now.suspend_data, kept.suspend_data, "the same place and marks");
  // The marks came back from the suspend data and were kept in this browser's record.
  const restored = await page.evaluate((key) => localStorage.getItem(key), RECORD);
  assert.ok(restored, "the restored record was saved in this browser");
  assert.equal((restored.match(/verdict: Some\(Present\)/g) ?? []).length >= 9, true, restored);
  assert.match(restored, new RegExp(`place: Some\\(Place\\(\\s*case: "${chosen}",\\s*factor: 8,?\\s*\\)\\)`));
  assert.match(restored, /agreement: Some\(/, "the check came back");

  await page.evaluate(() => window.leave());
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  await page.close();
});

test("outside an LMS the package's page runs as the plain web build, with no errors", async () => {
  const { href } = readPackage();
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    // Warnings too (the app's own go to the console as warnings), but not the software
    // renderer's notes on reading pixels back.
    const text = message.text();
    if (message.type() === "error" || (message.type() === "warning" && !text.startsWith("[.WebGL"))) {
      problems.push(`${message.type()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${base}/lms/package/${href}`);
  await page.waitForSelector("#loading", { state: "detached", timeout: 60_000 });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => typeof window.API), "undefined");
  await page.screenshot({ path: path.join(shots, "scorm-outside-lms.png") });
  assert.deepEqual(problems, []);
  await page.close();
});
