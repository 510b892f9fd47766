// What both browser test files share: a static server on loopback, Debian's Chromium
// started with this machine's flags, and a page's console errors collected.

import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
};

/**
 * Serves files on 127.0.0.1 at a free port: `locate(pathname)` names the file for an
 * address, or nothing (404). Resolves to the server once it listens.
 */
export function serve(locate) {
  return new Promise((resolve) => {
    const s = http.createServer((request, response) => {
      const url = new URL(request.url, "http://localhost");
      const file = locate(decodeURIComponent(url.pathname));
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, {
        "content-type": types[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      fs.createReadStream(file).pipe(response);
    });
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
}

/** `name` under `root`, or nothing if it would leave it. */
export function inside(root, name) {
  const file = path.resolve(root, "." + name);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/** Debian's Chromium, or CHROMIUM. */
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Headless, without a GPU, and off the network. */
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Chromium with a fresh profile in `userDataDir` and the flags above. */
export function launch(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
}

/** Chromium with the flags above, for benchmarks that make a new context each load. */
export function launchBrowser() {
  return chromium.launch({ executablePath, headless: true, args });
}

/**
 * What a test file needs: `root` (which must hold an index.html, from
 * scripts/build-web.sh) served on loopback, and Chromium with a fresh profile. Resolves
 * to `{ base, context, stop }`; `stop()` closes both and removes the profile.
 */
export async function site(root) {
  if (!fs.existsSync(path.join(root, "index.html"))) {
    throw new Error(`${root} has no index.html: run scripts/build-web.sh first`);
  }
  const server = await serve((name) => inside(root, name === "/" ? "/index.html" : name));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "casebook-chromium-"));
  const context = await launch(userDataDir);
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    context,
    async stop() {
      await context.close();
      server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The middle value of `xs` (the mean of the two middle ones for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Collects a page's console errors and uncaught exceptions (in every frame) into a list. */
export function problemsOf(page) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
