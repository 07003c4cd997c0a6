// The coordinator's day one, end to end in one go: create a program from a purpose template,
// import a messy spreadsheet of sign-ups (BOM, `;` delimiter, quoted commas, a duplicate
// e-mail, a bad row: bad inputs 30, 32 and 33), match, lock / swap / re-run, publish, reload
// and find everything still there. Once with the mouse, once with the keyboard only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  server, browser, useBrowser, openPage, appReady, saved, tabTo, focused, focusedText, focusedLabel, focusedId, chooseFileWithSpace,
} from './harness.mjs';

const SIGNUPS = fileURLToPath(new URL('./fixtures/signups.csv', import.meta.url));
// Nine good rows, one merged into another: eight people, five mentees, three mentors with
// five places.
const PEOPLE = ['Ada L.', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Dorothy Vaughan', 'Mary Jackson', 'Hamilton, Margaret', 'Edsger Dijkstra'];
const MENTEES = 5;

useBrowser();

const pairs = (page) => page.locator('[data-testid="draft-table"] tbody');
const pairRow = (page, mentee) => pairs(page).filter({ has: page.locator('th', { hasText: mentee }) });


/** The draft as [mentee, mentor, state] rows. */
async function draft(page) {
  return pairs(page).evaluateAll((bodies) => bodies.map((b) => {
    const r = b.querySelector('tr');
    const cells = r.querySelectorAll('td');
    return [r.querySelector('th').innerText, cells[1].innerText, cells[3].innerText];
  }));
}

/** Two unlocked draft pairs with different mentors (neither the locked pair's), to swap. */
function swappable(rows, locked) {
  const [a, b] = rows.filter(([, mentor, state]) => state === 'Draft' && mentor !== locked[1]).reduce((acc, r) => {
    if (acc.length === 0 || (acc.length === 1 && acc[0][1] !== r[1])) acc.push(r);
    return acc;
  }, []);
  assert.ok(a && b, `two draft pairs with different mentors: ${JSON.stringify(rows)}`);
  return [a, b];
}

/** What must hold after publishing, and again after a reload. */
async function expectPublished(page, name, published) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('link', { name: 'Overview' }).click();
  // The template's goals and questions came with the program.
  await page.locator('.mk-subtitle', { hasText: 'Technical skills' }).waitFor();
  await page.getByRole('link', { name: 'Participants' }).click();
  const section = page.locator('.mk-section');
  for (const person of PEOPLE) await section.getByText(person, { exact: true }).first().waitFor();
  assert.equal(await section.getByText('Lovelace, Ada', { exact: true }).count(), 0, 'the duplicate was merged');
  assert.equal(await section.getByText('Bad Capacity', { exact: true }).count(), 0, 'the bad row was not imported');
  await page.getByRole('link', { name: 'Relationships' }).click();
  const rows = page.locator('.mk-rel-table tbody tr');
  await rows.first().waitFor();
  for (const [mentee, mentor] of published) {
    const row = rows.filter({ has: page.locator('th', { hasText: mentee }) });
    assert.deepEqual(await row.locator('td').evaluateAll((tds) => tds.slice(1, 3).map((td) => td.innerText)), [mentor, 'Active']);
  }
  assert.equal(await rows.count(), published.length);
}

test('template -> messy CSV -> match -> lock, swap, re-run -> publish -> reload', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);

  // 1. A new program from the technical-skills template.
  await page.getByLabel('Name', { exact: true }).fill('Tech pilot 2027');
  await page.getByLabel('Purpose').selectOption({ label: 'Technical skills' });
  await page.getByRole('button', { name: 'Create program' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tech pilot 2027' }).waitFor();

  // 2. The messy spreadsheet of sign-ups.
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Import participants from CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import participants from CSV' });
  await dialog.getByLabel('Choose a CSV file…').setInputFiles(SIGNUPS);
  const detected = dialog.locator('.mk-wizard__detected');
  await detected.getByText('Semicolon (;)').waitFor();
  await detected.getByText('UTF-8, with byte-order mark (BOM)').waitFor();
  await dialog.getByRole('button', { name: 'Next: columns' }).click();
  await dialog.getByText('Lovelace, Ada').first().waitFor();
  await dialog.getByRole('button', { name: 'Next: review' }).click();
  const errors = dialog.locator('section', { hasText: 'with errors will not be imported' });
  assert.equal(await errors.locator('tbody tr').first().locator('td').first().textContent(), '5');
  await dialog.getByLabel('Row 11: what to do').selectOption('merge');
  await dialog.getByRole('button', { name: 'Import the 9 good rows' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mk-notice', { hasText: 'Imported 8 new participant(s)' }).waitFor();

  // 3. Match: every mentee gets a mentor.
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-table"] tbody').length === n, MENTEES);

  // 4. Lock the first pair, swap two others, re-run around the lock.
  const [first] = await draft(page);
  await pairRow(page, first[0]).getByRole('button', { name: 'Lock', exact: true }).click();
  await pairRow(page, first[0]).getByText('Locked').waitFor();
  const rows = await draft(page);
  const [a, b] = swappable(rows, first);
  await pairRow(page, a[0]).getByRole('checkbox').check();
  await pairRow(page, b[0]).getByRole('checkbox').check();
  await page.getByText(/^Swap: .*Total [+\u2212\u00b1]\d+/).waitFor();
  const allow = page.getByRole('checkbox', { name: 'Allow although a rule excludes it' });
  if (await allow.count()) await allow.check();
  await page.getByTestId('swap').click();
  await pairRow(page, a[0]).locator('td').nth(1).getByText(b[1], { exact: true }).waitFor();
  await pairRow(page, b[0]).locator('td').nth(1).getByText(a[1], { exact: true }).waitFor();

  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  await page.getByTestId('undo').getByText(/Undo: Run matching/).waitFor();
  const rerun = await draft(page);
  assert.deepEqual(rerun.find(([m]) => m === first[0]), [first[0], first[1], 'Locked'], 'the locked pair survived the re-run');
  assert.equal(rerun.length, MENTEES);

  // 5. Publish.
  await page.getByLabel('Relationships start on').fill('2027-02-01');
  await page.getByTestId('publish').click();
  await page.getByTestId('confirm-publish').click();
  await page.getByTestId('publish').getByText('Publish 0 draft pair(s)').waitFor();
  await saved(page);
  const published = rerun.map(([mentee, mentor]) => [mentee, mentor]);
  await expectPublished(page, 'Tech pilot 2027', published);
  await page.getByText('2027-02-01').first().waitFor();

  // 6. Reload: everything is still there.
  await page.reload();
  await appReady(page);
  await expectPublished(page, 'Tech pilot 2027', published);
  await s.check();
});

test('the same day one with the keyboard only', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);

  // 1. Create from the template: type into the focused fields.
  await tabTo(page, 'the program name', focusedId('new-program-name'));
  await page.keyboard.type('Keyboard pilot');
  await tabTo(page, 'the purpose', focusedId('new-program-purpose'));
  await page.keyboard.type('Technical');
  await page.waitForFunction(() => document.activeElement.value === 'technical_skills');
  await tabTo(page, 'Create program', focusedText('Create program'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Keyboard pilot' }).waitFor();
  await saved(page);

  // 2. Import the sign-ups.
  await tabTo(page, 'the Participants tab', focusedText('Participants'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/participants$/);
  await tabTo(page, 'the import button', focusedText('Import participants from CSV…'));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import participants from CSV' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.type === 'file');
  await chooseFileWithSpace(page, SIGNUPS);
  await dialog.locator('.mk-wizard__detected').getByText('Semicolon (;)').waitFor();
  await tabTo(page, '"Next: columns"', focusedText('Next: columns'));
  await page.keyboard.press('Enter');
  await tabTo(page, '"Next: review"', focusedText('Next: review'));
  await page.keyboard.press('Enter');
  await tabTo(page, 'the duplicate row choice', focusedLabel('Row 11: what to do'));
  await page.keyboard.type('Merge');
  await page.waitForFunction(() => document.activeElement?.value === 'merge');
  await tabTo(page, 'the import button', focusedText('Import the 9 good rows'));
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await saved(page);

  // 3. Match: "g" then "m" goes to Matching; Enter on Run.
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await page.waitForURL(/matching$/);
  await tabTo(page, 'Run', focused(`e.dataset.testid === 'run'`));
  await page.keyboard.press('Enter');
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-table"] tbody').length === n, MENTEES);

  // 4. Lock the first pair, swap two others by their checkboxes, re-run.
  const [first] = await draft(page);
  await tabTo(page, 'the first Lock button', focused(`e.textContent.trim() === 'Lock' && e.closest('tbody')?.querySelector('th')?.innerText === ${JSON.stringify(first[0])}`));
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'the focused button shows a focus ring');
  await page.keyboard.press('Enter');
  await pairRow(page, first[0]).getByText('Locked').waitFor();
  const rows = await draft(page);
  const [a, b] = swappable(rows, first);
  for (const [mentee, mentor] of [a, b]) {
    await tabTo(page, `the swap box of ${mentee}`, focusedLabel(`Select ${mentee} with ${mentor} for a swap`));
    await page.keyboard.press('Space');
  }
  await page.getByText(/^Swap: .*Total [+\u2212\u00b1]\d+/).waitFor();
  if (await page.getByRole('checkbox', { name: 'Allow although a rule excludes it' }).count()) {
    await tabTo(page, 'the allow box', focusedLabel('Allow although a rule excludes it'));
    await page.keyboard.press('Space');
  }
  await tabTo(page, 'the swap button', focused(`e.dataset.testid === 'swap'`));
  await page.keyboard.press('Enter');
  await pairRow(page, a[0]).locator('td').nth(1).getByText(b[1], { exact: true }).waitFor();

  // Re-run: Shift+Tab back up to Run.
  for (let i = 0; i < 120 && !(await page.evaluate(() => document.activeElement?.dataset.testid === 'run')); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'run', 'Run is reachable with Shift+Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId('undo').getByText(/Undo: Run matching/).waitFor({ timeout: 30000 });
  const rerun = await draft(page);
  assert.deepEqual(rerun.find(([m]) => m === first[0]), [first[0], first[1], 'Locked']);

  // 5. Publish (the start date defaults to today).
  await tabTo(page, 'Publish', focused(`e.dataset.testid === 'publish'`));
  await page.keyboard.press('Enter');
  await tabTo(page, 'the confirmation', focused(`e.dataset.testid === 'confirm-publish'`));
  await page.keyboard.press('Enter');
  await page.getByTestId('publish').getByText('Publish 0 draft pair(s)').waitFor();
  await saved(page);

  // 6. Reload: all there.
  await page.reload();
  await appReady(page);
  await expectPublished(page, 'Keyboard pilot', rerun.map(([mentee, mentor]) => [mentee, mentor]));
  await s.check();
});
