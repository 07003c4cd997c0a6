// Library actions: rename, duplicate, delete with undo, drag-and-drop import, keyboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openPage, appReady, downloadText, saved } from './harness.mjs';

useBrowser();

async function freshLibraryWithProgram(s, name) {
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.getByLabel('Name', { exact: true }).fill(name);
  await s.page.getByRole('button', { name: 'Create program' }).click();
  await s.page.getByRole('heading', { level: 1, name }).waitFor();
  await saved(s.page);
  await s.page.goto(server.origin + '/#/');
  await s.page.getByRole('link', { name }).waitFor();
}

test('rename, duplicate, then delete with undo', async () => {
  const s = await openPage(browser, server.origin);
  await freshLibraryWithProgram(s, 'Alpha');
  await s.page.getByRole('button', { name: 'Rename Alpha' }).click();
  const input = s.page.getByLabel('New name');
  await input.fill('Alpha cohort');
  await input.press('Enter');
  await s.page.getByRole('link', { name: 'Alpha cohort' }).waitFor();

  await s.page.getByRole('button', { name: 'Duplicate Alpha cohort' }).click();
  await s.page.getByRole('link', { name: 'Copy of Alpha cohort' }).waitFor();
  assert.equal(await s.page.locator('.mk-program-card').count(), 2);

  await s.page.getByRole('button', { name: 'Delete Copy of Alpha cohort' }).click();
  await s.page.locator('.mk-program-card').nth(1).waitFor({ state: 'detached' });
  assert.equal(await s.page.locator('.mk-program-card').count(), 1);
  await s.page.locator('.mk-notice', { hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await s.page.getByRole('link', { name: 'Copy of Alpha cohort' }).waitFor();

  // Still there after a reload.
  await s.page.reload();
  await appReady(s.page);
  await s.page.getByRole('link', { name: 'Copy of Alpha cohort' }).waitFor();
  assert.equal(await s.page.locator('.mk-program-card').count(), 2);
  await s.check();
});

test('a program file dropped on the window is imported as a new program', async () => {
  const s = await openPage(browser, server.origin);
  await freshLibraryWithProgram(s, 'Dropped');
  const file = await downloadText(s.page, () => s.page.getByRole('button', { name: 'Export Dropped' }).click());
  const dataTransfer = await s.page.evaluateHandle(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    return dt;
  }, file);
  await s.page.dispatchEvent('body', 'dragover', { dataTransfer });
  await s.page.locator('.mk-drop-overlay').waitFor();
  await s.page.dispatchEvent('body', 'drop', { dataTransfer });
  await s.page.getByRole('heading', { level: 1, name: 'Dropped (imported)' }).waitFor();
  await s.page.goto(server.origin + '/#/');
  assert.equal(await s.page.locator('.mk-program-card').count(), 2);
  await s.check();
});

test('creating and editing a program works with the keyboard only', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  // Tab to the name field; type; tab to purpose; pick with arrows; Tab to the button, Enter.
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.id === 'new-program-name'))) {
    await page.keyboard.press('Tab');
    assert.ok(++guard < 40, 'the name field is reachable with Tab');
  }
  await page.keyboard.type('Keyboard pilot');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-program-purpose');
  await page.keyboard.press('ArrowDown');
  guard = 0;
  while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Create program') {
    await page.keyboard.press('Tab');
    assert.ok(++guard < 10, '"Create program" follows the form fields');
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Keyboard pilot' }).waitFor();
  // Focus is visible: the focused element has an outline.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // Reach "Add a goal" by Tab and press it with Enter.
  guard = 0;
  while ((await page.evaluate(() => document.activeElement?.textContent)) !== 'Add a goal') {
    await page.keyboard.press('Tab');
    assert.ok(++guard < 60, '"Add a goal" is reachable with Tab');
  }
  const goals = await page.getByLabel('Goal', { exact: true }).count();
  await page.keyboard.press('Enter');
  await page.getByLabel('Goal', { exact: true }).nth(goals).waitFor();
  await saved(page);
  await s.check();
});

test('? lists the keyboard shortcuts and g-letter shortcuts move between pages', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'shortcuts-close');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await page.waitForURL(/participants$/);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
  // Typing in a field never triggers shortcuts.
  await page.keyboard.type('g t ?');
  assert.match(page.url(), /participants$/);
  assert.equal(await dialog.count(), 0);
  await page.locator('#main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await page.waitForURL(/reports$/);
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await page.getByRole('heading', { name: 'Your programs' }).waitFor();
  await s.check();
});

// Participants and matches download as CSV (formula safety itself: tests/csv.rs, bad input 29).
test('participants and matches export as CSV from their pages', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('link', { name: 'Participants' }).click();
  const people = await downloadText(page, () => page.getByRole('button', { name: 'Export participants (CSV)' }).click());
  assert.match(people.name, /-participants\.csv$/);
  const lines = people.text.trim().split(/\r?\n/);
  assert.equal(lines.length, 49, 'a header and 48 participants');
  await page.getByRole('link', { name: 'Relationships' }).click();
  const matches = await downloadText(page, () => page.getByRole('button', { name: 'Export matches (CSV)' }).click());
  assert.match(matches.name, /-matches\.csv$/);
  assert.ok(matches.text.length > 0);
  await s.check();
});
