// Participants: search, filter, sort, add by keyboard, inline errors, bulk capacity, remove
// with undo. Nothing here reloads the page, so it passes with in-memory storage too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openPage, appReady, tabTo } from './harness.mjs';

useBrowser();

/** Opens the demo program's Participants section. */
async function openParticipants(page) {
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByRole('button', { name: /Explore the demo program|Open the demo program/ }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.locator('#people-count').waitFor();
}

const count = (page) => page.locator('#people-count').textContent();
const names = (page) => page.locator('.mk-people-table tbody th').allTextContents();
const column = (page, n) => page.locator(`.mk-people-table tbody tr td:nth-child(${n})`).allTextContents();

test('search, filter and sort the demo participants', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openParticipants(page);
  assert.equal(await count(page), '48 participants');
  // Pool strength is shown before matching.
  await page.getByRole('list', { name: 'Mentor pool' }).waitFor();

  await page.getByLabel('Search').fill('ingrid.halvorsen');
  await page.locator('#people-count', { hasText: '1 of 48' }).waitFor();
  assert.deepEqual(await names(page), ['Ingrid Halvorsen']);
  await page.getByLabel('Search').fill('');

  await page.locator('#people-role').selectOption('mentor');
  await page.locator('#people-count', { hasText: 'of 48 participants shown' }).waitFor();
  const roles = await column(page, 3);
  assert.ok(roles.length > 0 && roles.every((r) => r === 'Mentor'), roles.join());

  await page.locator('#people-department').selectOption('Design');
  const depts = await column(page, 5);
  assert.ok(depts.length > 0 && depts.every((d) => d === 'Design'), depts.join());
  await page.locator('#people-department').selectOption('');
  await page.locator('#people-role').selectOption('');
  await page.locator('#people-count', { hasText: /^48 participants$/ }).waitFor();

  // Sorted by name by default; the Name header flips it.
  const up = await names(page);
  assert.deepEqual(up, [...up].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  await page.getByRole('button', { name: /^Name/ }).click();
  await page.locator('th[aria-sort="descending"]').waitFor();
  const down = await names(page);
  assert.deepEqual(down, [...up].reverse());
  // Capacity, largest first after two presses; mentees ("–") last.
  await page.getByRole('button', { name: /^Capacity/ }).click();
  await page.getByRole('button', { name: /^Capacity/ }).click();
  const caps = (await column(page, 7)).map((c) => (c === '\u2013' ? -1 : Number(c)));
  assert.deepEqual(caps, [...caps].sort((a, b) => b - a));
  await s.check();
});

test('add a participant with the keyboard only, with an inline error for a bad capacity', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openParticipants(page);
  await tabTo(page, '"Add a participant"', () => document.activeElement?.id === 'people-add');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'person-name');
  // Role comes before the name: Shift+Tab, pick "Mentor" (first) with the arrow keys.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'person-role');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#person-role').inputValue(), 'mentor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kim <b>Keyboard</b>');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kim.keyboard@northwind.example');
  await tabTo(page, 'Capacity', () => document.activeElement?.id === 'person-capacity');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-1');
  await page.keyboard.press('Enter');
  // Bad input 41: the error is next to the field, names it, and nothing is saved.
  const error = page.locator('#person-capacity-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /^Capacity: .*negative/);
  assert.equal(await page.locator('#person-capacity').getAttribute('aria-invalid'), 'true');
  await page.waitForFunction(() => document.activeElement?.id === 'person-capacity');
  assert.equal(await count(page), '48 participants');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.locator('#people-count', { hasText: '49 participants' }).waitFor();
  assert.equal(await page.locator('.mk-person-form').count(), 0);
  // Focus returned to a control on the page (the new row's Edit button or Add).
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  assert.match(focused, /^(person-edit-|people-add)/);

  // Bad input 22: markup in the name is shown literally.
  await page.getByLabel('Search').fill('keyboard');
  assert.deepEqual(await names(page), ['Kim <b>Keyboard</b>']);
  assert.equal(await page.locator('.mk-people-table tbody b').count(), 0);
  assert.deepEqual(await column(page, 7), ['2']);

  // Edit it, then Escape: the form closes and focus returns to the row's Edit button.
  await page.getByRole('button', { name: 'Edit Kim <b>Keyboard</b>' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'person-name');
  await page.keyboard.press('Escape');
  await page.locator('.mk-person-form').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('person-edit-'));
  await s.check();
});

test('bulk-set capacity, then remove two people and undo', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openParticipants(page);
  await page.locator('#people-role').selectOption('mentor');
  await page.getByRole('checkbox', { name: 'Select all shown' }).check();
  const shown = (await names(page)).length;
  await page.locator('.mk-bulk-bar__count', { hasText: `${shown} people selected` }).waitFor();

  const capacity = page.locator('#bulk-capacity');
  await capacity.fill('lots');
  await page.getByRole('button', { name: 'Set capacity' }).click();
  assert.match(await page.locator('#bulk-capacity-error').textContent(), /^Capacity: /);
  await capacity.fill('3');
  await page.getByRole('button', { name: 'Set capacity' }).click();
  await page.locator('#bulk-capacity-error').waitFor({ state: 'hidden' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.mk-people-table tbody tr td:nth-child(7)')].every((td) => td.textContent === '3'));

  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.locator('#people-role').selectOption('');
  await page.locator('#people-count', { hasText: /^48 participants$/ }).waitFor();
  const [first, second] = await names(page);
  await page.getByRole('checkbox', { name: `Select ${first}` }).check();
  await page.getByRole('checkbox', { name: `Select ${second}` }).check();
  await page.getByRole('button', { name: 'Remove 2 people' }).click();
  await page.locator('#people-count', { hasText: /^46 participants$/ }).waitFor();
  const after = await names(page);
  assert.ok(!after.includes(first) && !after.includes(second));

  await page.locator('.mk-notice', { hasText: 'Removed 2 participants' }).getByRole('button', { name: 'Undo' }).click();
  await page.locator('#people-count', { hasText: /^48 participants$/ }).waitFor();
  const back = await names(page);
  assert.equal(back[0], first);
  assert.equal(back[1], second);
  await s.check();
});
