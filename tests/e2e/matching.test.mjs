// End-to-end flows of the Matching page: config with live preview, a run in the worker,
// draft edits with score deltas, undo/redo, re-run around locks, publishing, and the bad
// inputs 41 (bad weight), 42 (run outliving its page) and 43 (nobody to match).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openDemo, openPage, appReady, saved, SUB_PATH } from './harness.mjs';

useBrowser();

async function openDemoMatching(s, path = '/') {
  await openDemo(s.page, { path, section: 'Matching' });
  await s.page.getByRole('heading', { name: 'Run matching' }).waitFor();
}

const rows = (page) => page.locator('[data-testid="draft-table"] tbody');

async function runAndWait(page) {
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
}

/** Records the web workers a page starts (matching must run in one, not on the page). */
function watchWorkers(page) {
  const urls = [];
  page.on('worker', (w) => urls.push(w.url()));
  return urls;
}

test('the whole draft workflow from a demo program to active relationships', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  const workers = watchWorkers(page);
  await openDemoMatching(s);

  // A weight change updates the live preview.
  const preview = page.getByTestId('preview');
  await preview.getByText('possible pairs are allowed').waitFor();
  const before = await preview.innerText();
  const weight = page.getByLabel('Skills', { exact: true });
  await weight.fill('0');
  await weight.blur();
  await page.getByText('ignored').first().waitFor();
  await page.waitForFunction((b) => document.querySelector('[data-testid="preview"]').innerText !== b, before);

  // Bad input 41: a non-numeric or out-of-range weight is refused inline, nothing changes.
  await weight.fill('eleven');
  await weight.blur();
  await page.getByText('The weight must be a whole number from 0 to 10').waitFor();
  await weight.fill('42');
  await weight.blur();
  await page.getByText('The weight must be from 0 to 10 (not 42)').waitFor();
  await weight.fill('8');
  await weight.blur();
  await page.getByText('The weight must be').waitFor({ state: 'detached' });

  const minScore = page.getByLabel('Minimum score (0-100)');
  await minScore.fill('abc');
  await minScore.blur();
  await page.getByText('Minimum score (0-100) must be a whole number from 0 to 100').waitFor();
  await minScore.fill('0');
  await minScore.blur();
  await page.getByText('Minimum score (0-100) must be').waitFor({ state: 'detached' });

  // Run: the result and pairs with scores appear.
  await runAndWait(page);
  await page.getByTestId('run-result').getByText('new pair(s) proposed').waitFor();
  const count = await rows(page).count();
  assert.ok(count >= 5, `expected pairs after the run, got ${count}`);
  const score = Number(await rows(page).first().getByTestId('pair-score').innerText());
  assert.ok(score >= 0 && score <= 100, `score ${score}`);
  await page.getByTestId('draft-totals').getByText('mentees matched').waitFor();
  assert.equal(workers.length, 1, 'the run happened in a worker');
  // The worker's files carry a content hash, so a page only starts the worker built with it.
  assert.match(workers[0], /\/mentorkit-worker-[0-9a-f]{16}_loader\.js$/);
  assert.equal(await page.getByText('Matching runs on this page instead').count(), 0);

  // Why? shows the breakdown inline.
  await rows(page).first().getByRole('button', { name: 'Why?' }).click();
  const why = page.getByTestId('why').first();
  await why.waitFor();
  assert.match(await why.innerText(), /weight \d+\): \d+ of \d+ points/);

  // Lock the first pair.
  const firstMentee = await rows(page).first().locator('th').innerText();
  await rows(page).first().getByRole('button', { name: 'Lock', exact: true }).click();
  const lockedRow = rows(page).filter({ has: page.locator('th', { hasText: firstMentee }) });
  await lockedRow.getByText('Locked').waitFor();

  // Move the second pair's mentee to another mentor: the delta shows before confirming.
  const second = rows(page).nth(1);
  const movedMentee = await second.locator('th').innerText();
  const mentorBefore = await second.locator('td').nth(1).innerText();
  await second.getByRole('button', { name: 'Move to\u2026' }).click();
  const select = page.getByLabel('New mentor');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  let moved = false;
  for (const value of options) {
    await select.selectOption(value);
    const move = page.getByRole('button', { name: 'Move', exact: true });
    if (await move.count() === 0 || await move.isDisabled()) continue;
    const text = await page.getByTestId('edit-preview').innerText();
    assert.match(text, /score \d+ \u2192 \d+ \([+\u2212\u00b1]\d+\)\. Total [+\u2212\u00b1]\d+/);
    await move.click();
    moved = true;
    break;
  }
  assert.ok(moved, 'some mentor could take the moved mentee');
  const movedRow = () => rows(page).filter({ has: page.locator('th', { hasText: movedMentee }) });
  await page.waitForFunction(
    ([m, before]) => [...document.querySelectorAll('[data-testid="draft-table"] tbody tr:first-child')]
      .some((r) => r.querySelector('th')?.innerText === m && r.querySelectorAll('td')[1]?.innerText !== before),
    [movedMentee, mentorBefore],
  );

  // Undo brings the old mentor back; redo moves again.
  await page.getByTestId('undo').click();
  await movedRow().locator('td').nth(1).getByText(mentorBefore, { exact: true }).waitFor();
  await page.getByTestId('redo').click();
  await page.waitForFunction(
    ([m, before]) => [...document.querySelectorAll('[data-testid="draft-table"] tbody tr:first-child')]
      .some((r) => r.querySelector('th')?.innerText === m && r.querySelectorAll('td')[1]?.innerText !== before),
    [movedMentee, mentorBefore],
  );

  // Swap the mentees of two ticked pairs: the preview shows the change first.
  const third = rows(page).nth(2);
  const fourth = rows(page).nth(3);
  const thirdMentee = await third.locator('th').innerText();
  const thirdMentor = await third.locator('td').nth(1).innerText();
  await third.getByRole('checkbox').check();
  await fourth.getByRole('checkbox').check();
  await page.getByText(/^Swap: .*Total [+\u2212\u00b1]\d+/).waitFor();
  const allowSwap = page.getByRole('checkbox', { name: 'Allow although a rule excludes it' });
  if (await allowSwap.count()) await allowSwap.check();
  await page.getByTestId('swap').click();
  const thirdRow = rows(page).filter({ has: page.locator('th', { hasText: thirdMentee }) });
  await page.waitForFunction(
    ([m, before]) => [...document.querySelectorAll('[data-testid="draft-table"] tbody tr:first-child')]
      .some((r) => r.querySelector('th')?.innerText === m && r.querySelectorAll('td')[1]?.innerText !== before),
    [thirdMentee, thirdMentor],
  );
  assert.notEqual(await thirdRow.locator('td').nth(1).innerText(), thirdMentor);

  // Unmatch the last pair: its mentee is listed as unmatched with a reason.
  const pairsBefore = await rows(page).count();
  const last = rows(page).last();
  const lonely = await last.locator('th').innerText();
  await last.getByRole('button', { name: 'Unmatch' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-table"] tbody').length === n - 1, pairsBefore);
  await page.getByTestId('unmatched').getByText(`${lonely} (mentee): `).waitFor();

  // Match by hand: the score shows before confirming.
  await page.locator('summary', { hasText: 'Match by hand' }).click();
  await page.getByLabel('Mentee', { exact: true }).selectOption({ label: lonely });
  const mentorSelect = page.getByLabel('Mentor', { exact: true });
  const mentors = await mentorSelect.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  let matched = false;
  for (const value of mentors) {
    await mentorSelect.selectOption(value);
    const confirm = page.getByRole('button', { name: 'Match them' });
    if (await confirm.count() === 0 || await confirm.isDisabled()) continue;
    assert.match(await page.getByTestId('edit-preview').innerText(), new RegExp(`${lonely}: score none \u2192 \\d+`));
    await confirm.click();
    matched = true;
    break;
  }
  assert.ok(matched, 'some mentor could take the unmatched mentee');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="draft-table"] tbody').length === n, pairsBefore);

  // A re-run keeps the locked pair, and is itself undoable.
  const lockedMentor = await lockedRow.locator('td').nth(1).innerText();
  await runAndWait(page);
  await lockedRow.getByText('Locked').waitFor();
  assert.equal(await lockedRow.locator('td').nth(1).innerText(), lockedMentor);
  assert.match(await page.getByTestId('undo').innerText(), /Undo: Run matching/);

  // After a criteria change, rescoring the draft is one more undoable edit with its delta.
  const goals = page.getByLabel('Goals', { exact: true });
  await goals.fill('0');
  await goals.blur();
  await page.getByRole('button', { name: 'Rescore the draft' }).click();
  await page.locator('.mk-notice', { hasText: /\(total score [+\u2212\u00b1]\d+\)/ }).last().waitFor();
  assert.doesNotMatch(await page.getByTestId('undo').innerText(), /Undo: Run matching/);

  // Publish with a start date: the relationships become active.
  await page.getByLabel('Relationships start on').fill('2027-03-01');
  await page.getByTestId('publish').click();
  await page.getByTestId('confirm-publish').click();
  await page.getByTestId('publish').getByText('Publish 0 draft pair(s)').waitFor();
  await saved(page);
  await page.getByRole('link', { name: 'Relationships' }).click();
  const table = page.locator('.mk-table');
  await table.getByText('Active', { exact: true }).first().waitFor();
  await table.getByText('2027-03-01').first().waitFor();
  const active = await table.getByText('Active', { exact: true }).count();
  assert.ok(active >= 5, `active relationships ${active}`);

  // Reload: still there.
  await page.reload();
  await appReady(page);
  await table.getByText('2027-03-01').first().waitFor();
  assert.equal(await table.getByText('Active', { exact: true }).count(), active);
  await s.check();
});

test('keyboard only: run, lock and undo with visible focus (hosted on a sub-path)', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  const workers = watchWorkers(page);
  await openDemoMatching(s, SUB_PATH);
  const run = page.getByTestId('run');
  await run.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  assert.ok(workers[0]?.startsWith(server.origin + SUB_PATH), `worker loaded from the sub-path: ${workers[0]}`);
  const lock = rows(page).first().getByRole('button', { name: 'Lock', exact: true });
  await lock.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused button shows its focus');
  await page.keyboard.press('Space');
  await rows(page).first().getByText('Locked').waitFor();
  // Ctrl+Z while focus is on a button (not a text field) undoes the lock.
  await page.getByTestId('undo').focus();
  await page.keyboard.press('Control+z');
  await rows(page).first().getByText('Draft', { exact: true }).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await rows(page).first().getByText('Locked').waitFor();
  await s.check();
});

test('a run that outlives its page is discarded without errors', async () => {
  // Bad input 42: start a run and leave the page at once.
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openDemoMatching(s);
  await page.getByTestId('run').click();
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByRole('heading', { name: 'Run matching' }).waitFor();
  // Whether it finished before leaving or was dropped, the page is usable and quiet.
  await page.getByTestId('run').waitFor();
  assert.equal(await page.getByTestId('run').isDisabled(), false);
  await s.check();
});

test('an empty program explains that there are no mentees and no mentors', async () => {
  // Bad input 43: nobody to match finishes with an explanation, never a hang.
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByLabel('Name', { exact: true }).fill('Empty cohort');
  await page.getByRole('button', { name: 'Create program' }).click();
  await page.getByRole('heading', { level: 1, name: 'Empty cohort' }).waitFor();
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByText('Nothing to preview: 0 mentee(s) and 0 mentor(s).').waitFor();
  await runAndWait(page);
  const result = page.getByTestId('run-result');
  await result.getByText('There are no mentees').waitFor();
  await result.getByText('There are no mentors').waitFor();
  await page.getByText('Nobody to match yet').waitFor();
  await s.check();
});

/**
 * The demo program with its mentees copied `copies` times and its mentors 60% as often, with
 * lean profiles (no free text) so the program still fits in browser storage.
 */
function scaled(exportText, copies) {
  const file = JSON.parse(exportText);
  const p = file.program;
  const people = [];
  for (const x of p.people) {
    const n = x.role === 'mentee' ? copies : Math.ceil(copies * 0.6);
    for (let k = 0; k < n; k++) {
      people.push({
        ...x,
        id: `${x.id}-${k}`,
        name: `${x.name.split(' ')[0]} ${k}`,
        email: '',
        manager: '',
        title: '',
        answers: {},
        preferences: [],
        bio: '',
        availability: '',
        notes: '',
      });
    }
  }
  p.people = people;
  p.matches = [];
  p.matching.rules.forbidden_pairs = [];
  p.name = `Large cohort (${people.length} people)`;
  return JSON.stringify(file);
}

test('a run on 5,000+ mentees shows progress, can be cancelled or left, and a stale result is discarded', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openDemoMatching(s);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export program file' }).click(),
  ]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const demo = Buffer.concat(chunks).toString('utf8');
  const mentees = JSON.parse(demo).program.people.filter((x) => x.role === 'mentee').length;
  const copies = Math.ceil(5200 / mentees);
  const big = scaled(demo, copies);
  await page.goto(server.origin + '/#/');
  await page.locator('#import-file').setInputFiles({ name: 'large.mentorkit.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.getByRole('heading', { level: 1, name: /^Large cohort/ }).waitFor({ timeout: 60000 });
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByText('too many to preview on the page').waitFor();

  // Cancel mid-run: the page answers at once and the draft stays empty.
  await page.getByTestId('run').click();
  await page.getByTestId('run-progress').waitFor();
  await page.getByTestId('cancel-run').click();
  await page.getByText('Matching cancelled; the draft is unchanged.').waitFor();
  await page.getByText('No pairs yet').waitFor();

  // Bad input 42: leaving the page mid-run drops the run; coming back shows no late result
  // and no disposed-signal panic.
  await page.getByTestId('run').click();
  await page.getByTestId('run-progress').waitFor();
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.waitForTimeout(3000);
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByText('No pairs yet').waitFor();

  // A result for a program changed meanwhile is discarded with a notice.
  await page.getByTestId('run').click();
  await page.getByTestId('run-progress').waitFor();
  const weight = page.getByLabel('Goals', { exact: true });
  await weight.fill('3');
  await weight.blur();
  await page.getByText('The program changed while matching ran, so its result was discarded').waitFor({ timeout: 240000 });
  await page.getByText('No pairs yet').waitFor();

  // A full run reports progress with numbers, then proposes thousands of pairs.
  await page.getByTestId('run').click();
  await page.getByTestId('run-progress').getByText(/\d+ of \d+ \(\d+%\)/).waitFor({ timeout: 60000 });
  await page.getByTestId('run-result').waitFor({ timeout: 240000 });
  const result = await page.getByTestId('run-result').innerText();
  const proposed = Number(/(\d+) new pair\(s\) proposed/.exec(result)?.[1]);
  assert.ok(proposed > 1000, result);
  await s.check();
});
