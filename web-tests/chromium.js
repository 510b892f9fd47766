// What both browser test files share: a static server on loopback, Debian's Chromium
// started with this machine's flags, and a page's console errors collected.

import http from "node:http";
import fs from "node:fs";
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

/**
 * Debian's Chromium (or CHROMIUM), headless, with a fresh profile in `userDataDir` and the
 * flags that keep it off the network.
 */
export function launch(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
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
