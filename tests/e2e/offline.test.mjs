// Offline use and "Delete everything on this device": the service worker the build writes
// (.ci/offline.mjs) serves the app without a network after the first visit, matching
// included; a new build is announced with Reload; an old app served offline never writes
// over data from a newer MentorKit (bad input 70); and deleting everything removes every
// MentorKit entry and cache while the app keeps working offline afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, appReady, saved, storageSnapshot, downloadText } from './harness.mjs';

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
    format: 'mentorkit-program', version: 3, revision: 4, exported_at: '2030-01-01T00:00:00Z',
    program: { id: 'prog-future', name: 'From a newer MentorKit', people: [], hologram: { x: 1 } },
  });
  await page.evaluate((v) => localStorage.setItem('mentorkit:program:prog-future', v), newer);
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await page.getByText('Made by a newer MentorKit (v3): read-only').waitFor();
  await page.getByRole('link', { name: 'From a newer MentorKit' }).click();
  await page.getByRole('heading', { level: 1, name: 'From a newer MentorKit' }).waitFor();
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => localStorage.getItem('mentorkit:program:prog-future')), newer, 'never written back');
  // A newer program file is refused, and nothing is stored.
  await page.goto(server.origin + '/#/');
  await page.locator('#import-file').setInputFiles({ name: 'future.mentorkit.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await page.getByText('made by a newer MentorKit (v3); this version reads up to v2').waitFor();
  assert.deepEqual(Object.keys(await storageSnapshot(page)), ['mentorkit:program:prog-future']);
  await context.setOffline(false);
  await s.check();
});

test('Delete everything on this device removes every MentorKit entry and cache, then works offline again', async () => {
  nextBuild = false;
  const s = await openPage(browser, server.origin);
  const { page, context } = s;
  await openControlled(s);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await saved(page);
  await page.goto(server.origin + '/#/');
  await page.getByLabel('Name', { exact: true }).fill('Second program');
  await page.getByRole('button', { name: 'Create program' }).click();
  await saved(page);
  await page.evaluate(() => {
    localStorage.setItem('mentorkit:program:broken', '{"format": "mentorkit-prog');
    localStorage.setItem('another-app:settings', 'keep me');
  });
  await page.goto(server.origin + '/#/');
  await page.reload();
  await appReady(page);
  assert.equal(Object.keys(await storageSnapshot(page)).length, 3);
  assert.ok((await cacheNames(page)).some((n) => n.startsWith('mentorkit-')));

  // The card says what MentorKit keeps here: its own characters (not the other app's), the
  // site's quota, and whether the browser keeps the storage.
  const space = page.getByTestId('storage-space');
  const chars = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mentorkit:'))
    .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  await space.getByText(`Your programs take ${chars.toLocaleString('en-US')} characters of browser storage`).waitFor();
  await space.getByText(/offline copy included, takes about [\d.]+ (bytes|KB|MB) of the [\d.]+ (MB|GB|TB) the browser allows this site/).waitFor();
  await space.getByText(/^Storage is (not )?persistent/).waitFor();

  const open = page.getByRole('button', { name: 'Delete everything on this device…' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Delete everything on this device' });
  await dialog.waitFor();
  // Escape closes it and focus returns to the button.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // (On the next frame, once the dialog is gone.)
  await page.waitForFunction(() => document.activeElement?.id === 'delete-everything-open');
  await open.click();
  // The exports come first: every program, and the raw copy of the unreadable one.
  const exported = await downloadText(page, () => dialog.getByRole('button', { name: 'Export Second program' }).click());
  assert.equal(JSON.parse(exported.text).program.name, 'Second program');
  await dialog.getByRole('button', { name: 'Download raw copy' }).waitFor();
  // The typed confirmation: nothing happens until the word is typed exactly.
  const confirm = dialog.getByTestId('delete-everything');
  assert.equal(await confirm.isDisabled(), true);
  await dialog.getByLabel('Type DELETE to confirm').fill('delete');
  assert.equal(await confirm.isDisabled(), true);
  await dialog.getByLabel('Type DELETE to confirm').press('Enter');
  assert.equal(Object.keys(await storageSnapshot(page)).length, 3, 'a wrong word deletes nothing');
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await confirm.click();
  await page.getByText('Deleted everything MentorKit kept on this device').waitFor();

  // Every MentorKit entry and cache is gone; other apps' data and the service worker stay.
  await page.getByRole('heading', { name: 'Start your first mentoring program' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), {});
  assert.equal(await page.evaluate(() => localStorage.getItem('another-app:settings')), 'keep me');
  await space.getByText('Your programs take 0 characters of browser storage').waitFor();
  assert.deepEqual((await cacheNames(page)).filter((n) => n.startsWith('mentorkit-')), []);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined), true);

  // The app starts fresh, and the next visit fills the offline copy again.
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { name: 'Start your first mentoring program' }).waitFor();
  await page.waitForFunction(async () => (await caches.match(new URL('./', location.href).href)) !== undefined, null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await appReady(page);
  await context.setOffline(false);
  await s.check();
});
