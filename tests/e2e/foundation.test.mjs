// End-to-end flows of the foundation: library, create, reload, export/import, broken files,
// hash routes on a sub-path. Every test also fails on console errors, uncaught exceptions and
// requests to other origins (see harness.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  server, browser, useBrowser, openPage, appReady, storageSnapshot, downloadText, saved, SUB_PATH,
} from './harness.mjs';

useBrowser();

async function createProgram(page, name) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create program' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('a first visit shows an empty library that offers the demo program', async () => {
  const s = await openPage(browser, server.origin);
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.getByRole('heading', { name: 'Start your first mentoring program' }).waitFor();
  await s.page.getByRole('button', { name: 'Explore the demo program' }).click();
  await s.page.getByRole('link', { name: 'Participants' }).click();
  const count = await s.page.locator('.mk-stat', { hasText: 'Participants' }).locator('.mk-stat__value').innerText();
  assert.ok(Number(count) >= 40, `demo has ${count} participants`);
  await s.check();
});

test('a created program and its overview edits survive a reload', async () => {
  const s = await openPage(browser, server.origin);
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await createProgram(s.page, 'Pilot 2027');
  await s.page.getByLabel('Description').fill('Helping new engineers settle in.');
  await s.page.getByLabel('Description').blur();
  const goals = await s.page.getByLabel('Goal', { exact: true }).count();
  await s.page.getByRole('button', { name: 'Add a goal' }).click();
  const goal = s.page.getByLabel('Goal', { exact: true }).nth(goals);
  const value = s.page.getByLabel('Value').nth(goals);
  await goal.fill('Match rate');
  await value.fill('80');
  await value.blur();
  await saved(s.page);
  await s.page.reload();
  await appReady(s.page);
  await s.page.getByRole('heading', { level: 1, name: 'Pilot 2027' }).waitFor();
  assert.equal(await s.page.getByLabel('Description').inputValue(), 'Helping new engineers settle in.');
  assert.equal(await goal.inputValue(), 'Match rate');
  assert.equal(await value.inputValue(), '80');
  // Bad input 41: a non-numeric target is refused inline and nothing is saved over.
  await value.fill('eighty');
  await value.blur();
  await s.page.getByText('Target: \u201ceighty\u201d is not a number').waitFor();
  await s.page.goto(server.origin + '/#/');
  await s.page.getByRole('link', { name: 'Pilot 2027' }).waitFor();
  await s.check();
});

test('export then import gives an identical program, as new when the library has it', async () => {
  const s = await openPage(browser, server.origin);
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.getByRole('button', { name: 'Explore the demo program' }).click();
  await s.page.getByRole('heading', { level: 1 }).waitFor();
  const first = await downloadText(s.page, () => s.page.getByRole('button', { name: 'Export program file' }).click());
  assert.match(first.name, /\.mentorkit\.json$/);
  const exported = JSON.parse(first.text);
  assert.equal(exported.format, 'mentorkit-program');

  // Same library: imported as a new program, the original untouched.
  await s.page.goto(server.origin + '/#/');
  await s.page.locator('#import-file').setInputFiles({ name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await s.page.getByRole('heading', { level: 1, name: /\(imported\)$/ }).waitFor();
  const second = await downloadText(s.page, () => s.page.getByRole('button', { name: 'Export program file' }).click());
  const reimported = JSON.parse(second.text);
  assert.notEqual(reimported.program.id, exported.program.id);
  assert.deepEqual({ ...reimported.program, id: 0, name: 0 }, { ...exported.program, id: 0, name: 0 });
  await s.page.goto(server.origin + '/#/');
  assert.equal(await s.page.locator('.mk-program-card').count(), 2);
  await s.check();

  // A fresh browser: byte-identical apart from the export time.
  const t = await openPage(browser, server.origin);
  await t.page.goto(server.origin + '/');
  await appReady(t.page);
  await t.page.locator('#import-file').setInputFiles({ name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await t.page.getByRole('heading', { level: 1, name: exported.program.name }).waitFor();
  const third = await downloadText(t.page, () => t.page.getByRole('button', { name: 'Export program file' }).click());
  const strip = (x) => x.replace(/"exported_at": "[^"]*"/, '');
  assert.equal(strip(third.text), strip(first.text));
  await t.check();
});

test('importing a broken file shows a clear error and leaves the library untouched', async () => {
  const s = await openPage(browser, server.origin);
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await createProgram(s.page, 'Keep me');
  await saved(s.page);
  await s.page.goto(server.origin + '/#/');
  const before = await storageSnapshot(s.page);
  const cases = [
    ['empty.json', '', /the file is empty/],
    ['truncated.json', '{"format": "mentorkit-program", "version": 1, "program": {"id": "x", "na', /ends early/],
    ['photo.json', '\u0089PNG\r\n\u001a\n', /not JSON|not text/],
    ['other-app.json', '{"type": "excalidraw", "version": 2, "elements": []}', /not a MentorKit program file/],
    ['future.json', '{"format": "mentorkit-program", "version": 99, "program": {}}', /newer MentorKit \(v99\)/],
  ];
  for (const [name, text, message] of cases) {
    await s.page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'latin1') });
    const notice = s.page.locator('.mk-notice--error', { hasText: name });
    await notice.waitFor();
    assert.match(await notice.innerText(), message);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(await storageSnapshot(s.page), before);
  assert.equal(await s.page.locator('.mk-program-card').count(), 1);
  await s.check();
});

test('hash routes survive a reload on a sub-path', async () => {
  const s = await openPage(browser, server.origin);
  const base = server.origin + SUB_PATH;
  await s.page.goto(base);
  await appReady(s.page);
  await createProgram(s.page, 'Sub-path program');
  await s.page.getByRole('link', { name: 'Reports' }).click();
  await s.page.waitForURL(/#\/program\/.+\/reports$/);
  await saved(s.page);
  await s.page.reload();
  await appReady(s.page);
  await s.page.getByRole('heading', { name: 'Goals and targets' }).waitFor();
  assert.equal(await s.page.getByRole('link', { name: 'Reports' }).getAttribute('aria-current'), 'page');
  await s.page.goto(base + '#/no/such/page');
  await s.page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await s.check();
});
