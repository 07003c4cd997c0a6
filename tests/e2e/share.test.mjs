// Share links: the redacted link opened in a fresh browser, the full link imported as a new
// program next to the original, a small program's QR code, and a broken link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  server, browser, useBrowser, openPage, appReady, storageSnapshot, saved, SUB_PATH,
} from './harness.mjs';

const DEMO = 'Engineering & Product Mentoring 2027';

useBrowser();

/** Opens the demo program in a fresh library at `base` (the root or a sub-path). */
async function openDemo(s, base) {
  await s.page.goto(base);
  await appReady(s.page);
  await s.page.getByRole('button', { name: 'Explore the demo program' }).click();
  await s.page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
  await saved(s.page);
}

/** Opens the Share dialog, picks the kind of link, and returns the link from its text field. */
async function shareLink(page, kind) {
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this program' });
  await dialog.waitFor();
  await dialog.getByLabel(kind).check();
  const field = dialog.locator('#share-link');
  await field.waitFor();
  const link = await field.inputValue();
  assert.match(link, /#\/share\/mk1\.[A-Za-z0-9_-]+$/);
  return link;
}

async function programCount(page, base) {
  await page.goto(base + '#/');
  await appReady(page);
  await page.locator('.mk-program-card').first().waitFor();
  return page.locator('.mk-program-card').count();
}

test('a redacted link opens in a fresh browser without e-mails and imports as a new program', async () => {
  const base = server.origin + SUB_PATH;
  const a = await openPage(browser, server.origin);
  await openDemo(a, base);
  const link = await shareLink(a.page, 'Redacted (first names, no e-mails, no sensitive answers)');
  assert.ok(link.startsWith(base + '#/share/'), `the link keeps the sub-path: ${link.slice(0, 80)}`);
  // Escape closes the dialog and gives focus back to the Share button.
  await a.page.keyboard.press('Escape');
  await a.page.getByRole('dialog').waitFor({ state: 'detached' });
  // Focus comes back once the dialog is gone (a frame later under load).
  await a.page.waitForFunction(() => document.activeElement?.id === 'share-open', null, { timeout: 5000 });
  await a.check();

  // A new context is another browser: an empty library.
  const b = await openPage(browser, server.origin);
  await b.page.goto(link);
  await appReady(b.page);
  await b.page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
  await b.page.getByRole('heading', { name: 'Pairs' }).or(b.page.getByText('Matches')).first().waitFor();
  const text = await b.page.locator('main').innerText();
  assert.ok(!text.includes('@'), 'no e-mail address in the preview');
  assert.deepEqual(await storageSnapshot(b.page), {}, 'nothing stored before the import');
  await b.page.getByRole('button', { name: 'Import as a new program' }).click();
  await b.page.getByRole('link', { name: 'Participants' }).waitFor();
  await b.page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
  await saved(b.page);
  assert.equal(await programCount(b.page, base), 1);
  const stored = JSON.stringify(await storageSnapshot(b.page));
  assert.ok(!stored.includes('@'), 'no e-mail address was imported');
  await b.check();
});

test('the full link imported in the same library becomes a second program', async () => {
  const base = server.origin + '/';
  const s = await openPage(browser, server.origin);
  await openDemo(s, base);
  const link = await shareLink(s.page, 'Full program');
  await s.page.getByRole('button', { name: 'Close' }).click();
  await s.page.goto(link);
  await s.page.getByRole('button', { name: 'Import as a new program' }).click();
  await s.page.getByRole('heading', { level: 1, name: `${DEMO} (imported)` }).waitFor();
  await saved(s.page);
  assert.equal(await programCount(s.page, base), 2);
  await s.check();
});

test('a small program shows a QR code of its link', async () => {
  const s = await openPage(browser, server.origin);
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.getByLabel('Name', { exact: true }).fill('Tiny');
  await s.page.getByRole('button', { name: 'Create program' }).click();
  await s.page.getByRole('heading', { level: 1, name: 'Tiny' }).waitFor();
  await shareLink(s.page, 'Full program');
  const qr = s.page.getByRole('img', { name: 'QR code of the share link' });
  await qr.waitFor();
  assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  await s.check();
});

test('a broken link gives a clear error and leaves the library unchanged', async () => {
  const base = server.origin + '/';
  const s = await openPage(browser, server.origin);
  await openDemo(s, base);
  const link = await shareLink(s.page, 'Full program');
  await s.page.getByRole('button', { name: 'Close' }).click();
  const before = await storageSnapshot(s.page);
  // Cut off while copying.
  await s.page.goto(link.slice(0, link.length - 40));
  await s.page.getByRole('heading', { level: 1, name: 'This share link cannot be opened' }).waitFor();
  assert.match(await s.page.locator('.mk-share-error').innerText(), /damaged/);
  // Not a share link at all.
  await s.page.goto(base + '#/share/hello');
  await s.page.getByText('not a MentorKit share link').waitFor();
  assert.equal(await s.page.getByRole('button', { name: 'Import as a new program' }).count(), 0);
  assert.deepEqual(await storageSnapshot(s.page), before);
  assert.equal(await programCount(s.page, base), 1);
  await s.check();
});
