// Browser storage as a coordinator meets it: unreadable saved data, storage refused,
// another tab saving the same program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openPage, appReady, downloadText, saved } from './harness.mjs';

useBrowser();

// Bad input 36.
test('unreadable saved data is listed, downloadable and never overwritten; the rest loads', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByLabel('Name', { exact: true }).fill('Healthy');
  await page.getByRole('button', { name: 'Create program' }).click();
  await saved(page);
  await page.evaluate(() => localStorage.setItem('mentorkit:program:broken', '{"format": "mentorkit-prog'));
  await page.goto(server.origin + '/#/');
  await page.reload();
  await appReady(page);
  await page.getByRole('link', { name: 'Healthy' }).waitFor();
  await page.getByRole('heading', { name: 'Unreadable saved program' }).waitFor();
  const raw = await downloadText(page, () => page.getByRole('button', { name: 'Download raw copy' }).click());
  assert.equal(raw.text, '{"format": "mentorkit-prog');
  // Editing the healthy program never touches the broken entry.
  await page.getByRole('link', { name: 'Healthy' }).click();
  await page.getByLabel('Description').fill('Still fine');
  await page.getByLabel('Description').blur();
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('mentorkit:program:broken')), '{"format": "mentorkit-prog');
  await s.check();
});

// Bad input 34.
test('when the browser refuses storage the app works in memory and says so', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByText('Not saved \u2013 export your work.').waitFor();
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText('Not saved: this browser keeps no data. Export your work.').waitFor();
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Export program file' }).click());
  assert.equal(JSON.parse(file.text).format, 'mentorkit-program');
  await s.check();
});

// Bad input 38: a second tab of the same browser saves a newer revision.
test('a newer save in another tab is noticed and never overwritten', async () => {
  const s = await openPage(browser, server.origin);
  const { page, context } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByLabel('Name', { exact: true }).fill('Shared');
  await page.getByRole('button', { name: 'Create program' }).click();
  await saved(page);
  const url = page.url();
  const other = await context.newPage();
  other.on('pageerror', (err) => s.problems.push(`uncaught exception (second tab): ${err.message}`));
  await other.goto(url);
  await appReady(other);
  await other.getByLabel('Description').fill('Written in the second tab');
  await other.getByLabel('Description').blur();
  await saved(other);
  await page.getByRole('heading', { name: /changed in another tab/ }).or(page.getByText('This program was changed in another tab.')).first().waitFor();
  // Editing here is refused rather than saved over the newer revision.
  await page.getByLabel('Description').fill('Stale edit');
  await page.getByLabel('Description').blur();
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('mentorkit:program:'));
    return JSON.parse(localStorage.getItem(key)).program.description;
  });
  assert.equal(stored, 'Written in the second tab');
  await page.getByText('Resolve the change made in another tab first').waitFor();
  await page.getByRole('button', { name: 'Load the newer version' }).click();
  assert.equal(await page.getByLabel('Description').inputValue(), 'Written in the second tab');
  await other.close();
  await s.check();
});
