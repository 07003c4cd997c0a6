// Offline use: the service worker the build writes (.ci/offline.mjs) serves the app without
// a network after the first visit, matching included; a new build is announced with Reload;
// and an old app served offline never writes over data from a newer MentorKit (bad input 70).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, appReady, saved, storageSnapshot } from './harness.mjs';

// One server for the file, whose service worker can be switched to "the next build": the
// same files, with another version (as a new deployment would give).
let nextBuild = false;
let server;
let browser;
before(async () => {
  server = await startServer({
    transform: (path, bytes) => {
      if (!nextBuild || path !== '/service-worker.js') return undefined;
      const text = bytes.toString('utf8');
      const next = text.replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1-next";');
      assert.notEqual(next, text, 'the service worker names its version');
      return Buffer.from(next);
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the app and waits until its service worker controls the page. */
async function openControlled(s) {
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

test('after one visit the app opens, opens a program and matches offline; a new build offers Reload', async () => {
  nextBuild = false;
  const s = await openPage(browser, server.origin);
  const { page, context } = s;
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openControlled(s);
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  const icons = await page.evaluate(async (href) => (await (await fetch(href)).json()).icons.map((i) => i.src), manifest);
  assert.ok(icons.includes('icon-512.png') && icons.includes('icon-maskable-512.png'), `manifest icons: ${icons}`);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const name = await page.getByRole('heading', { level: 1 }).innerText();
  await saved(page);

  // No network at all: the page, the app, its worker and its files come from the cache.
  await context.setOffline(true);
  await page.goto(server.origin + '/#/');
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').getByText('new pair(s) proposed').waitFor({ timeout: 30000 });
  assert.match(workers.at(-1), /\/mentorkit-worker-[0-9a-f]{16}_loader\.js$/, 'matching ran in the hashed worker');

  // Back online, and a new build is published: the app says so and Reload switches to it.
  nextBuild = true;
  await context.setOffline(false);
  const notice = page.locator('.mk-notice', { hasText: 'A new version of MentorKit is available.' });
  await notice.waitFor({ timeout: 30000 });
  assert.equal(await notice.getAttribute('role'), 'status');
  await Promise.all([
    page.waitForEvent('load', { timeout: 30000 }),
    notice.getByRole('button', { name: 'Reload' }).click(),
  ]);
  await appReady(page);
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.endsWith('-next')), null, { timeout: 30000 });
  const names = await cacheNames(page);
  assert.equal(names.length, 1, `only the new version's cache is left: ${names}`);
  assert.equal(await page.locator('.mk-notice', { hasText: 'A new version' }).count(), 0);
  await s.check();
});

// Bad input 70: the cached (old) app meets a program saved by a newer MentorKit.
test('an old app served offline opens a newer program read-only and never writes it back', async () => {
  nextBuild = false;
  const s = await openPage(browser, server.origin);
  const { page, context } = s;
  await openControlled(s);
  const newer = JSON.stringify({
    format: 'mentorkit-program', version: 2, revision: 4, exported_at: '2030-01-01T00:00:00Z',
    program: { id: 'prog-future', name: 'From a newer MentorKit', people: [], hologram: { x: 1 } },
  });
  await page.evaluate((v) => localStorage.setItem('mentorkit:program:prog-future', v), newer);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.getByText('Made by a newer MentorKit (v2): read-only').waitFor();
  await page.getByRole('link', { name: 'From a newer MentorKit' }).click();
  await page.getByRole('heading', { level: 1, name: 'From a newer MentorKit' }).waitFor();
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => localStorage.getItem('mentorkit:program:prog-future')), newer, 'never written back');
  // A newer program file is refused, and nothing is stored.
  await page.goto(server.origin + '/#/');
  await page.locator('#import-file').setInputFiles({ name: 'future.mentorkit.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await page.getByText('made by a newer MentorKit (v2); this version reads up to v1').waitFor();
  assert.deepEqual(Object.keys(await storageSnapshot(page)), ['mentorkit:program:prog-future']);
  await context.setOffline(false);
  await s.check();
});
