// Top-N suggestions for a mentee-chooses program: each mentee's list with scores and
// reasons, printed and exported, and each mentee's choice recorded (as a locked draft pair),
// changed, cleared, undone, and still there after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openDemo, openPage, appReady, saved, downloadText } from './harness.mjs';

useBrowser();

const card = (page) => page.getByTestId('suggestions');
const listRows = (page) => card(page).getByTestId('suggestion-row');

async function runTopN(page) {
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').getByText(/Suggestions ready for \d+ mentee\(s\)/).waitFor({ timeout: 30000 });
}

test('suggestions are listed, printed, exported, and choices recorded and kept', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openDemo(page, { section: 'Matching' });
  await page.getByLabel('Top-N suggestions').check();
  await card(page).getByText('Run matching to make each mentee\'s list.').waitFor();
  await runTopN(page);

  // Each mentee's list: ranked mentors with scores and reasons.
  const count = card(page).getByTestId('suggestions-count');
  await count.getByText(/^\d+ mentee\(s\) listed; 0 choice\(s\) recorded, \d+ awaiting\.$/).waitFor();
  const listed = Number((await count.innerText()).match(/^(\d+)/)[1]);
  assert.ok(listed >= 10, `mentees listed: ${listed}`);
  const first = listRows(page).first();
  const mentee = await first.locator('h3').innerText();
  const items = first.locator('ol li');
  assert.ok(await items.count() >= 1);
  assert.match(await items.first().innerText(), / — score \d+ — .+: /);

  // Record the mentee's choice: the delta shows first.
  await first.getByLabel(`${mentee} chose`).selectOption({ index: 1 });
  const choiceText = await first.getByLabel(`${mentee} chose`).locator('option:checked').innerText();
  const mentor = choiceText.replace(/^1\. /, '').replace(/ \(score \d+\)$/, '');
  await first.getByText(new RegExp(`${mentee}: score none \u2192 \\d+ \\(\\+\\d+\\)\\. Total \\+\\d+`)).waitFor();
  await first.getByTestId('record-choice').click();
  await page.locator('.mk-notice', { hasText: `Record ${mentee}'s choice: ${mentor}.` }).waitFor();
  const recorded = listRows(page).filter({ has: page.locator('h3', { hasText: mentee }) });
  await recorded.getByTestId('recorded-choice').getByText(`Chose ${mentor}`).waitFor();
  await recorded.getByText('suggestion 1').waitFor();
  await count.getByText(/1 choice\(s\) recorded/).waitFor();
  // The choice is a locked pair in the draft.
  const pair = page.locator('[data-testid="draft-table"] tbody').filter({ has: page.locator('th', { hasText: mentee }) });
  await pair.getByText('Locked').waitFor();
  assert.equal(await pair.locator('td').nth(1).innerText(), mentor);

  // Filters and search.
  await card(page).getByLabel('Show').selectOption('chosen');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="suggestion-row"]').length === 1);
  await card(page).getByLabel('Show').selectOption('awaiting');
  await page.waitForFunction((m) => ![...document.querySelectorAll('[data-testid="suggestion-row"] h3')].some((h) => h.innerText === m), mentee);
  await card(page).getByLabel('Show').selectOption('all');
  await card(page).getByLabel('Search mentees').fill(mentee);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="suggestion-row"]').length >= 1);
  assert.equal(await listRows(page).first().locator('h3').innerText(), mentee);
  await card(page).getByLabel('Search mentees').fill('');

  // Export: one row per suggestion, the choice marked, CSV with a BOM (formula-safe cells,
  // bad input 29: tests/suggestions.rs).
  const { name, text } = await downloadText(page, () => card(page).getByTestId('export-suggestions').click());
  assert.match(name, /-suggestions\.csv$/);
  assert.ok(text.startsWith('\uFEFF'));
  const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], 'Mentee,Mentee e-mail,Rank,Mentor,Mentor e-mail,Score,Reasons,Mentor full,Chosen');
  assert.ok(lines.length > listed, 'a row per suggested mentor');
  const chosen = lines.filter((l) => l.endsWith(',yes'));
  assert.equal(chosen.length, 1);
  assert.ok(chosen[0].startsWith(mentee.includes(',') ? `"${mentee}"` : mentee), chosen[0]);

  // Print: only the lists, laid out for paper, never e-mails.
  await page.evaluate(() => {
    window.__printed = null;
    window.print = () => {
      const area = document.querySelector('[data-testid="print-area"]');
      window.__printed = {
        text: area?.textContent ?? '',
        cards: area?.querySelectorAll('article').length ?? 0,
        printing: document.body.classList.contains('mk-printing'),
      };
    };
  });
  await card(page).getByTestId('print-suggestions').click();
  await page.waitForFunction(() => window.__printed !== null);
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.cards, listed, 'one printed list per mentee');
  assert.ok(printed.printing, 'the page is in print mode while printing');
  assert.match(printed.text, new RegExp(`Suggested mentors for ${mentee}`));
  assert.match(printed.text, /My choice:/);
  assert.doesNotMatch(printed.text, /@/, 'no e-mail addresses on paper');
  await page.waitForFunction(() => !document.querySelector('[data-testid="print-area"]') && !document.body.classList.contains('mk-printing'));

  // Change the choice to the second suggestion, then clear it, then undo the clearing.
  const select = recorded.getByLabel(`Change ${mentee}'s choice`);
  await select.selectOption({ index: 2 });
  const second = (await select.locator('option:checked').innerText()).replace(/^2\. /, '').replace(/ \(score \d+\)$/, '');
  await recorded.getByTestId('record-choice').click();
  await recorded.getByTestId('recorded-choice').getByText(`Chose ${second}`).waitFor();
  await recorded.getByTestId('clear-choice').click();
  await recorded.getByTestId('recorded-choice').waitFor({ state: 'detached' });
  await count.getByText(/0 choice\(s\) recorded/).waitFor();
  await page.getByTestId('undo').click();
  await recorded.getByTestId('recorded-choice').getByText(`Chose ${second}`).waitFor();
  await saved(page);

  // Reload: the choice is in the program; running top-N again lists it.
  await page.reload();
  await appReady(page);
  await card(page).getByText('Run matching to make each mentee\'s list.').waitFor();
  await pair.getByText('Locked').waitFor();
  assert.equal(await pair.locator('td').nth(1).innerText(), second);
  await runTopN(page);
  await count.getByText(/1 choice\(s\) recorded/).waitFor();
  const again = listRows(page).filter({ has: page.locator('h3', { hasText: mentee }) });
  await again.getByTestId('recorded-choice').getByText(`Chose ${second}`).waitFor();
  await s.check();
});

test('a choice is recorded with the keyboard only', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await openDemo(page, { section: 'Matching' });
  await page.getByLabel('Top-N suggestions').check();
  await runTopN(page);
  const first = listRows(page).first();
  const mentee = await first.locator('h3').innerText();
  await first.getByLabel(`${mentee} chose`).focus();
  // ArrowDown on a focused closed select picks the next option.
  await page.keyboard.press('ArrowDown');
  await first.getByTestId('record-choice').waitFor();
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.dataset.testid === 'record-choice')); i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'record-choice');
  await page.keyboard.press('Enter');
  await first.getByTestId('recorded-choice').waitFor();
  // Focus comes back to the row's menu, now to change the choice.
  await page.waitForFunction((m) => document.activeElement?.labels?.[0]?.textContent === `Change ${m}'s choice`, mentee);
  await s.check();
});
