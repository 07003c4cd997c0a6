// Shared end-to-end harness: serves the built dist/ on 127.0.0.1 (at the root and under a
// sub-path, as a static host would), drives Debian's chromium through playwright-core, and
// fails a test on any console error, uncaught exception or request to another origin.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('../../dist/', import.meta.url)));
export const SUB_PATH = '/hosted/sub/path/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Starts the static server on a free port; resolves to its origin. `transform(path, bytes)`,
 * if given, may return other bytes for a file (a test serving "the next build").
 */
export async function startServer({ transform } = {}) {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.startsWith(SUB_PATH)) path = '/' + path.slice(SUB_PATH.length);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside dist');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const bytes = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(transform?.(path, bytes) ?? bytes);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches headless chromium with the flags this machine needs (see docs/toolchain.md). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** The test file's static server (`origin`, `close`); set by [`useBrowser`]. */
export let server;
/** The test file's headless chromium; set by [`useBrowser`]. */
export let browser;

/**
 * Starts the server and the browser before the file's tests and closes both after them.
 * `node --test` runs each file in its own process, so each file gets its own pair, read
 * through the live `server` and `browser` exports.
 */
export function useBrowser() {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * A fresh browser context (empty storage) and page that records console errors, page errors
 * and requests leaving `origin`. Call `check()` at the end of the test. `viewport`
 * ({ width, height }) sets the window size (playwright's default is 1280 x 720).
 */
export async function openPage(browser, origin, { acceptDownloads = true, viewport } = {}) {
  const context = await browser.newContext({ acceptDownloads, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  return {
    context,
    page,
    problems,
    /** Fails when anything bad was seen; closes the context. */
    async check(expectedErrors = []) {
      const unexpected = problems.filter((p) => !expectedErrors.some((re) => re.test(p)));
      await context.close();
      assert.deepEqual(unexpected, [], 'the page reported errors or left its origin');
    },
  };
}

/** Waits until the app has rendered its top bar. */
export async function appReady(page) {
  await page.locator('.mk-topbar').waitFor({ state: 'visible', timeout: 20000 });
}

/**
 * Opens the app at `path` (on the file's server), explores the demo program and, if given,
 * goes to one of its sections ("Matching", "Participants", ...).
 */
export async function openDemo(page, { path = '/', section } = {}) {
  await page.goto(server.origin + path);
  await appReady(page);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (section) await page.getByRole('link', { name: section }).click();
}

/** All MentorKit keys in localStorage, with their values. */
export async function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('mentorkit:')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** Saves a download to memory and returns its text. */
export async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** Waits for autosave to settle (debounce ~300 ms) by polling the indicator. */
export async function saved(page) {
  await page.locator('.mk-save--ok').waitFor({ timeout: 5000 });
}

/** Presses Tab until `matches` (a function run in the page) is true for the focused element. */
export async function tabTo(page, description, matches, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(matches)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${description} is reachable with Tab`);
}

/** A page-side check of the focused element `e` (a JavaScript expression). */
export const focused = (test) => new Function(`const e = document.activeElement; return !!e && (${test});`);
/** The focused element's text is `text`. */
export const focusedText = (text) => focused(`e.textContent.trim() === ${JSON.stringify(text)}`);
/** The focused element's aria-label is `label`. */
export const focusedLabel = (label) => focused(`e.getAttribute('aria-label') === ${JSON.stringify(label)}`);
/** The focused element's id is `id`. */
export const focusedId = (id) => focused(`e.id === ${JSON.stringify(id)}`);

/**
 * Presses Space on the focused file input and picks `file` in the chooser it opens.
 * Headless Chromium under load sometimes drops the first key press before the input is
 * ready, so it tries a few times.
 */
export async function chooseFileWithSpace(page, file) {
  let chooser;
  for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => undefined),
      page.keyboard.press('Space'),
    ]);
  }
  assert.ok(chooser, 'Space on the focused file input opens the file chooser');
  await chooser.setFiles(file);
}

let axeSource;

/**
 * Runs axe-core (from node_modules, never the network) on the page (or only the part that
 * matches the selector `within`) and returns its violations of the given impacts, each as
 * { id, impact, help, nodes }.
 *
 * axe is injected with `page.evaluate` of its source: `addScriptTag({ content })` adds an
 * inline script, which the app's Content-Security-Policy refuses (as it should: that is a
 * console error and a failed test), while code evaluated by the test driver is not subject
 * to the page's CSP. The page keeps its real policy for the whole test.
 */
export async function axeViolations(page, { impacts = ['serious', 'critical'], within } = {}) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (selector) => window.axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] }),
    within,
  );
  return results.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/**
 * Defines `window.mkContrast` in the page: WCAG contrast from computed colours.
 * `ratio(fg, bg)` takes parsed colours; `background(el)` is the first opaque background
 * colour at or above `el` (white if none); `parse('rgb(…)')` reads a computed colour.
 */
export async function installContrast(page) {
  await page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const ratio = (fg, bg) => {
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    window.mkContrast = { parse, background, ratio };
  });
}
