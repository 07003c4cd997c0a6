// The check-ins CSV wizard, end to end: the demo program is matched and published, then a
// Google Forms export of a check-in form (tests/fixtures/csv/checkins-demo-form.csv, the
// demo mentees' e-mails) is imported on the Relationships page, by mouse and then by keyboard
// only, and found again after a reload. The file has bad rows: bad input 44 (an unknown
// e-mail), 46 (a rating of 7), 47 (a meeting dated in the future) and 48 (the same response
// twice), and a meeting mode it cannot read (a warning: the row is still imported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  server, browser, useBrowser, openPage, openDemo, appReady, saved, storageSnapshot, tabTo, focused, focusedText,
  chooseFileWithSpace, axeViolations,
} from './harness.mjs';

const FORM = fileURLToPath(new URL('../fixtures/csv/checkins-demo-form.csv', import.meta.url));
const FORM_NAME = 'checkins-demo-form.csv';
// The relationships start before every date in the file (and today is after all of them).
const START = '2026-01-05';

useBrowser();

/** The stored demo program's check-ins and meetings, from browser storage. */
async function stored(page) {
  const all = await storageSnapshot(page);
  const programs = Object.entries(all)
    .filter(([k]) => k.startsWith('mentorkit:program:'))
    .map(([, v]) => JSON.parse(v).program)
    .filter((p) => p.matches?.some((m) => m.started_on === START));
  assert.equal(programs.length, 1, 'one published demo program is stored');
  const [program] = programs;
  const email = (id) => program.people.find((x) => x.id === id)?.email;
  const checkIns = program.matches.flatMap((m) => (m.check_ins ?? []).map((c) => ({ ...c, mentee: email(m.mentee) })));
  const meetings = program.matches.flatMap((m) => (m.meetings ?? []).map((x) => ({ ...x, mentee: email(m.mentee) })));
  return { checkIns, meetings };
}

/** What the import must have recorded: four check-ins and three meetings. */
async function expectImported(page) {
  const { checkIns, meetings } = await stored(page);
  assert.equal(checkIns.length, 4, JSON.stringify(checkIns));
  assert.equal(meetings.length, 3, JSON.stringify(meetings));
  const lucia = checkIns.find((c) => c.mentee === 'lucia.fernandez@northwind.example');
  assert.equal(lucia.rating, 4);
  assert.equal(lucia.comment, 'We agreed our goals');
  assert.equal(lucia.date, '2026-01-20');
  const arjun = meetings.find((x) => x.mentee === 'arjun.mehta@northwind.example');
  assert.equal(arjun.minutes, 90, '"1h 30m" is 90 minutes');
  assert.equal(arjun.date, '2026-01-22', 'no meeting date: the row\'s date');
  assert.ok(!checkIns.some((c) => c.mentee === 'grace.mwangi@northwind.example'), 'the rating of 7 is not imported');
  assert.ok(!meetings.some((x) => x.mentee === 'yuki.nakamura@northwind.example'), 'the future meeting is not logged');
  // The Relationships table shows them too: four rated relationships, three meetings.
  const columns = await page.locator('.mk-table').evaluate((table) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.innerText.trim());
    const at = (label) => heads.findIndex((h) => h.startsWith(label));
    const cells = (i) => [...table.querySelectorAll('tbody tr')].map((tr) => tr.children[i].innerText.trim());
    return { rating: cells(at('Latest rating')), meetings: cells(at('Meetings')) };
  });
  assert.equal(columns.rating.filter((r) => /^[1-5] of 5$/.test(r)).length, 4, columns.rating.join(' | '));
  assert.equal(columns.meetings.reduce((sum, n) => sum + Number(n), 0), 3, columns.meetings.join(' | '));
}

/** The import is saved, shown, and still there after a reload. */
async function expectKept(page) {
  await saved(page);
  await expectImported(page);
  await page.reload();
  await appReady(page);
  await page.locator('.mk-table').waitFor();
  await expectImported(page);
}

/** The review of the fixture: counts, the bad rows by row number, the duplicate, the warning. */
async function expectReview(dialog) {
  await dialog.getByText('Dates are read as month/day/year (03/14/2027), as the file shows.').waitFor();
  const count = (label) => dialog.locator('.mk-stat', { hasText: label }).locator('.mk-stat__value').textContent();
  assert.equal(await count('Check-ins to record'), '4');
  assert.equal(await count('Meetings to log'), '3');
  assert.equal(await count('Duplicates skipped'), '1');
  assert.equal(await count('Rows with errors'), '3');
  const errors = dialog.locator('.mk-wizard__errors tbody tr');
  const rows = await errors.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.innerText)));
  assert.deepEqual(rows.map((r) => r[0]), ['5', '6', '8']);
  // Bad input 44.
  assert.deepEqual(rows[0].slice(1), ['B (Email Address)', 'no participant has the e-mail nobody@northwind.example']);
  // Bad input 46.
  assert.equal(rows[1][1], 'D (How is your mentoring going? (1-5))');
  assert.match(rows[1][2], /a rating of 7 is outside 1-5/);
  // Bad input 47.
  assert.equal(rows[2][1], 'H (When did you last meet?)');
  assert.match(rows[2][2], /2099-03-01 is in the future/);
  // Bad input 48.
  await dialog.getByText('Row 7: the same respondent and timestamp as row 2; skipped.').waitFor();
  await dialog.getByText('1 warning(s): these rows are imported').waitFor();
}

/** Runs matching on the demo and publishes the draft from START, by mouse. */
async function publishDemo(page) {
  await openDemo(page, { section: 'Matching' });
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  await page.getByLabel('Relationships start on').fill(START);
  await page.getByTestId('publish').click();
  await page.getByTestId('confirm-publish').click();
  await page.getByTestId('publish').getByText('Publish 0 draft pair(s)').waitFor();
  await saved(page);
}

test('a form tool\'s check-ins export is imported by mouse, good rows only, and survives a reload', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await publishDemo(page);
  await page.getByRole('link', { name: 'Relationships' }).click();
  const opener = page.getByRole('button', { name: 'Import check-ins…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import check-ins from CSV' });
  await dialog.waitFor();
  assert.ok(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null), 'focus moves into the dialog');

  await dialog.getByLabel('Choose a CSV file…').setInputFiles(FORM);
  const detected = dialog.locator('.mk-wizard__detected');
  await detected.getByText('8 data rows, 11 columns').waitFor();
  await detected.getByText('Comma (,)').waitFor();
  await dialog.getByRole('button', { name: 'Next: columns' }).click();

  // Every column is mapped from the form's question; the samples show what it holds.
  assert.equal(await dialog.getByLabel('Column A (Timestamp) imports as').inputValue(), 'timestamp');
  assert.equal(await dialog.getByLabel('Column B (Email Address) imports as').inputValue(), 'respondent_email');
  assert.equal(await dialog.getByLabel('Column G (Have you met since the last check-in?) imports as').inputValue(), 'met');
  assert.equal(await dialog.getByLabel('Column I (How long did you meet?) imports as').inputValue(), 'duration');
  await dialog.getByText('1h 30m').waitFor();
  assert.deepEqual(await axeViolations(page, { within: '.mk-wizard' }), [], 'the columns step');
  assert.equal((await stored(page)).checkIns.length, 0, 'nothing is written before the import');
  await dialog.getByRole('button', { name: 'Next: review' }).click();
  await expectReview(dialog);
  assert.deepEqual(await axeViolations(page, { within: '.mk-wizard' }), [], 'the review step');
  // Legible at large text: at twice the font size nothing in the dialog needs sideways
  // scrolling (tables wrap their cells) and the import button can still be reached.
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const overflow = await dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
  assert.ok(overflow <= 1, `the dialog scrolls sideways by ${overflow}px at 200 % text`);
  await dialog.getByRole('button', { name: 'Import the 4 good rows' }).scrollIntoViewIfNeeded();
  assert.ok(await dialog.getByRole('button', { name: 'Import the 4 good rows' }).isVisible());
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });

  await dialog.getByRole('button', { name: 'Import the 4 good rows' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mk-notice', { hasText: `Recorded 4 check-in(s) and logged 3 meeting(s) from ${FORM_NAME}.` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Import check-ins…', 'focus returns to the opener');
  await page.getByTestId('undo').getByText(`Undo: Import 4 check-in(s) and 3 meeting(s) from ${FORM_NAME}`).waitFor();
  await expectKept(page);
  await s.check();
});

test('the check-ins import works with the keyboard only, and Escape closes the wizard', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  // Set-up: the published demo. Its start date is filled in, not typed: the publish date
  // field writes its value back on every change, which resets the digits being typed (an
  // empty month after "0" becomes "" and the next digit starts the month again).
  await publishDemo(page);

  // "g" then "r" goes to Relationships; Enter opens the wizard, Escape closes it.
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await page.waitForURL(/relationships$/);
  await tabTo(page, 'the import button', focusedText('Import check-ins…'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import check-ins from CSV' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.type === 'file');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Import check-ins…');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.type === 'file');
  await chooseFileWithSpace(page, FORM);
  await dialog.locator('.mk-wizard__detected').getByText('8 data rows, 11 columns').waitFor();

  // Focus stays inside the dialog.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null), 'focus is trapped in the dialog');
  }
  await tabTo(page, '"Next: columns"', focusedText('Next: columns'));
  await page.keyboard.press('Enter');
  // The mapping-file loader is a focusable file input with its label.
  await tabTo(page, 'the mapping-file input', focused(`e.type === 'file' && e.labels[0]?.innerText === 'Load a mapping file…'`));
  await tabTo(page, '"Next: review"', focusedText('Next: review'));
  await page.keyboard.press('Enter');
  await expectReview(dialog);
  await tabTo(page, 'the import button', focusedText('Import the 4 good rows'));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Import check-ins…');
  await expectKept(page);
  await s.check();
});
