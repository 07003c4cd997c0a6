// The CSV import wizard, end to end: a messy spreadsheet export (BOM, `;`, CRLF, quoted
// commas and newlines, a duplicate e-mail, a bad capacity) imported into a new program, by
// mouse and by keyboard only. Bad inputs 30, 32 and 33.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  server, browser, useBrowser, openPage, appReady, saved, tabTo, focusedText, focusedLabel, chooseFileWithSpace,
} from './harness.mjs';

const MESSY = fileURLToPath(new URL('./fixtures/messy-participants.csv', import.meta.url));

useBrowser();

async function newProgram(s, name) {
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.getByLabel('Name', { exact: true }).fill(name);
  await s.page.getByRole('button', { name: 'Create program' }).click();
  await s.page.getByRole('heading', { level: 1, name }).waitFor();
  await saved(s.page);
}


async function expectImported(page) {
  await page.getByRole('link', { name: 'Participants' }).click();
  const section = page.locator('.mk-section');
  // Row 5 repeats Ada's e-mail and was merged into row 2: its name replaced hers.
  await section.getByText('Ada L.').first().waitFor();
  await section.getByText('Grace Hopper').first().waitFor();
  assert.equal(await section.getByText('Lovelace, Ada').count(), 0, 'the duplicate was merged, not added');
  assert.equal(await section.getByText('Bad Capacity').count(), 0, 'the bad row is not imported');
}

test('a messy CSV is imported with the coordinator\'s choices and survives a reload', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await newProgram(s, 'CSV pilot');
  await page.getByRole('link', { name: 'Participants' }).click();
  const opener = page.getByRole('button', { name: 'Import participants from CSV…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import participants from CSV' });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null), true, 'focus moves into the dialog');

  await dialog.getByLabel('Choose a CSV file…').setInputFiles(MESSY);
  // Bad input 30: what was detected is shown.
  const detected = dialog.locator('.mk-wizard__detected');
  await detected.getByText('Semicolon (;)').waitFor();
  await detected.getByText('UTF-8, with byte-order mark (BOM)').waitFor();
  await detected.getByText('4 data rows, 7 columns').waitFor();
  await dialog.getByRole('button', { name: 'Next: columns' }).click();

  // Auto-mapped by header; one mapping changed by the coordinator.
  assert.equal(await dialog.getByLabel('Column B (E-mail) imports as').inputValue(), 'email');
  assert.equal(await dialog.getByLabel('Column A (Full name) imports as').inputValue(), 'name');
  const area = dialog.getByLabel('Column D (Business area) imports as');
  assert.equal(await area.inputValue(), 'ignore');
  await area.selectOption('department');
  // Quoted commas stay in one cell.
  await dialog.getByText('Lovelace, Ada').first().waitFor();
  await dialog.getByRole('button', { name: 'Next: review' }).click();

  // Bad input 32: the bad row is listed with its row number.
  const errors = dialog.locator('section', { hasText: 'with errors will not be imported' });
  const errorRow = errors.locator('tbody tr').first();
  assert.equal(await errorRow.locator('td').first().textContent(), '4');
  assert.match(await errorRow.textContent(), /Capacity/);
  // Bad input 33: the duplicate e-mail is reported; merge it.
  await dialog.getByRole('cell', { name: 'ADA@example.org', exact: true }).waitFor();
  await dialog.getByLabel('Row 5: what to do').selectOption('merge');
  await dialog.getByRole('button', { name: 'Import the 3 good rows' }).waitFor();
  assert.equal(await dialog.locator('.mk-stat', { hasText: 'New participants' }).locator('.mk-stat__value').textContent(), '2');
  await dialog.getByRole('button', { name: 'Import the 3 good rows' }).click();

  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mk-notice', { hasText: 'Imported 2 new participant(s)' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Import participants from CSV…', 'focus returns to the opener');
  await saved(page);
  await expectImported(page);

  await page.reload();
  await appReady(page);
  await expectImported(page);
  await s.check();
});

test('the wizard works with the keyboard only, and Escape closes it', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await newProgram(s, 'Keyboard CSV');
  await tabTo(page, 'the Participants tab', focusedText('Participants'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/participants$/);
  await tabTo(page, 'the import button', focusedText('Import participants from CSV…'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import participants from CSV' });
  await dialog.waitFor();
  // Escape closes and gives focus back; Enter opens again.
  await page.waitForFunction(() => document.activeElement?.type === 'file');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Import participants from CSV…');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.type === 'file');
  // The focused file input is visibly focused (its button-styled label shows the ring).
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
  assert.notEqual(ring, 'none');
  // Space on the focused file input opens the chooser.
  await chooseFileWithSpace(page, MESSY);
  await dialog.locator('.mk-wizard__detected').getByText('Semicolon (;)').waitFor();

  // Focus stays inside the dialog: many Tabs never leave it.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null), 'focus is trapped in the dialog');
  }
  await tabTo(page, '"Next: columns"', focusedText('Next: columns'));
  await page.keyboard.press('Enter');
  await tabTo(page, 'the Business area mapping', focusedLabel('Column D (Business area) imports as'));
  await page.keyboard.type('Department');
  await page.waitForFunction(() => document.activeElement?.value === 'department');
  await tabTo(page, '"Next: review"', focusedText('Next: review'));
  await page.keyboard.press('Enter');
  await dialog.locator('section', { hasText: 'with errors will not be imported' }).waitFor();
  await tabTo(page, 'the duplicate row choice', focusedLabel('Row 5: what to do'));
  await page.keyboard.type('Merge');
  await page.waitForFunction(() => document.activeElement?.value === 'merge');
  // The choice re-plans without taking the focus away.
  await dialog.getByRole('button', { name: 'Import the 3 good rows' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Row 5: what to do');
  await tabTo(page, 'the import button', focusedText('Import the 3 good rows'));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await saved(page);
  await expectImported(page);
  await s.check();
});

test('a file dropped on the dialog without a name or e-mail column cannot be imported, and says why', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await newProgram(s, 'No names');
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Import participants from CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import participants from CSV' });
  await dialog.waitFor();
  // Dropped on the dialog: read as the CSV, never taken by the window's program-file drop.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Office,Floor\r\nBerlin,3\r\n'], 'no-names.csv', { type: 'text/csv' }));
    return dt;
  });
  await page.dispatchEvent('.mk-wizard', 'dragover', { dataTransfer });
  assert.equal(await page.locator('.mk-drop-overlay').count(), 0, 'the window overlay stays hidden');
  await page.dispatchEvent('.mk-wizard', 'drop', { dataTransfer });
  await dialog.locator('.mk-wizard__detected').getByText('no-names.csv').waitFor();
  await dialog.getByRole('button', { name: 'Next: columns' }).click();
  // Bad input 31: the mapping step says which column is missing.
  await dialog.getByRole('alert').getByText(/match a column to Name/).waitFor();
  await dialog.getByRole('button', { name: 'Next: review' }).click();
  const importButton = dialog.getByRole('button', { name: /^Import \d/ });
  assert.equal(await importButton.isDisabled(), true);
  const reasonId = await importButton.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${reasonId}`).textContent(), /no column is matched to Name/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Participants' }).click();
  assert.equal(await page.locator('.mk-section').getByText('Berlin').count(), 0, 'nothing was imported');
  await s.check();
});
