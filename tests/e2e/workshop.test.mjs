// End-to-end flows of workshop (projector) mode, issue #5: reveal by keyboard, the audience
// window kept in sync over a BroadcastChannel and free of private data, a swap with its
// deltas on both windows, locks and undo shared with the Matching page, the name setting,
// a blocked popup, and the projector theme's font size and contrast measured in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openPage, appReady, saved, installContrast } from './harness.mjs';

useBrowser();

const rows = (page) => page.locator('[data-testid="draft-table"] tbody');

/** Demo program, matched, on the Matching page; returns the draft as [mentee, mentor] full names. */
async function demoWithDraft(page) {
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByRole('heading', { name: 'Run matching' }).waitFor();
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  return draftPairs(page);
}

async function draftPairs(page) {
  await rows(page).first().waitFor();
  return rows(page).evaluateAll((bodies) => bodies.map((b) => {
    const tr = b.querySelector('tr');
    return [tr.querySelector('th').innerText, tr.querySelectorAll('td')[1]?.innerText ?? ''];
  }));
}

/** Records console errors and uncaught exceptions of a second window (the audience). */
function watch(page, problems, label) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label} console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${label} uncaught exception: ${err.message}`));
}

const first = (name) => name.split(/\s+/)[0];
const slideKind = (page) => page.getByTestId('slide').getAttribute('data-kind');

async function openAudience(s) {
  const [audience] = await Promise.all([
    s.context.waitForEvent('page'),
    s.page.getByTestId('open-audience').click(),
  ]);
  watch(audience, s.problems, 'audience');
  await audience.waitForLoadState('domcontentloaded');
  // It says hello and gets the presenter's state.
  await audience.locator('[data-testid="slide"][data-kind]').waitFor({ timeout: 20000 });
  return audience;
}

/**
 * Waits until the audience shows the same slide and revealed list as the presenter. It
 * compares what the two stages hold (textContent), not how each lays it out: the audience
 * window fits the stage to its screen (issue 15), where a what-if preview takes the
 * slide's place.
 */
async function inSync(presenter, audience) {
  const text = async (p) => ({
    slide: await p.getByTestId('slide').textContent(),
    revealed: await p.getByTestId('revealed-pair').allTextContents(),
    change: (await p.getByTestId('change').count()) ? await p.getByTestId('change').textContent() : null,
  });
  const want = await text(presenter);
  for (let i = 0; i < 50; i++) {
    const got = await text(audience);
    if (JSON.stringify(got) === JSON.stringify(want)) return want;
    await audience.waitForTimeout(100);
  }
  assert.deepEqual(await text(audience), want, 'the audience window follows the presenter');
  return want;
}

test('reveal, audience window, swap with deltas, lock and undo, all kept in the draft', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  const draft = await demoWithDraft(page);
  assert.ok(draft.length >= 5, `pairs: ${draft.length}`);
  const url = page.url();

  // The Matching page's button enters projector mode with the projector theme.
  await page.getByTestId('present').click();
  await page.getByRole('heading', { level: 1, name: /^Workshop: / }).waitFor();
  assert.match(page.url(), /#\/program\/[^/]+\/present$/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'projector');
  assert.equal(await slideKind(page), 'title');

  // F asks for full screen: granted or refused (headless), never an error; Esc leaves it.
  await page.locator('#main').focus();
  await page.keyboard.press('f');
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');

  const audience = await openAudience(s);
  assert.equal(await audience.evaluate(() => document.documentElement.dataset.theme), 'projector');
  assert.equal(await slideKind(audience), 'title');

  // Reveal by keyboard: the two windows stay in step.
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('slide-mentee').getByText(first(draft[0][0]), { exact: true }).waitFor();
  await inSync(page, audience);
  await page.keyboard.press('Space');
  await page.getByTestId('slide-mentee').getByText(first(draft[1][0]), { exact: true }).waitFor();
  await inSync(page, audience);
  await page.keyboard.press('ArrowLeft');
  await page.getByTestId('present-position').getByText('Pair 1 of').waitFor();
  await inSync(page, audience);
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  await page.getByTestId('present-position').getByText('Pair 4 of').waitFor();
  const shown = await inSync(page, audience);
  assert.equal(shown.revealed.length, 4);
  assert.match(shown.slide, /Score \d+ of 100/);
  assert.match(await audience.getByTestId('stage-announcement').innerText(), /^Pair 4 of \d+: /);
  assert.ok((await audience.getByTestId('slide-reasons').locator('li').count()) >= 1, 'reasons shown');

  // The audience never sees e-mails, full names or sensitive answers.
  const audienceText = await audience.locator('body').innerText();
  const audienceHtml = await audience.content();
  assert.ok(!audienceHtml.includes('@'), 'no e-mail address in the audience window');
  assert.doesNotMatch(audienceText, /\b(Woman|Man|Non-binary|Gender)\b/);
  for (const [mentee, mentor] of draft.slice(0, 4)) {
    for (const full of [mentee, mentor]) {
      if (full.includes(' ')) assert.ok(!audienceText.includes(full), `full name ${full} shown`);
    }
    assert.ok(audienceText.includes(first(mentee)), `${first(mentee)} revealed`);
  }

  // What if: pick pair 4 (S), select another pair with a different mentor, see the deltas
  // on both windows, confirm with Enter.
  await page.keyboard.press('s');
  let other = -1;
  for (const k of [2, 1, 0]) {
    await page.keyboard.press('ArrowUp');
    if (draft[k][1] === draft[3][1]) continue;
    await page.getByTestId('change').getByText(`What if: Swap the mentees of pair 4 and pair ${k + 1}`).waitFor();
    other = k;
    break;
  }
  assert.ok(other >= 0, 'a pair with another mentor to swap with');
  const whatIf = await inSync(page, audience);
  assert.match(whatIf.change, /Cohort total \d+ \u2192 \d+, [+\u2212\u00b1]\d+ \((up \d+|down \d+|no change)\)/);
  assert.equal(await audience.getByTestId('pair-delta').count(), 2, 'both pairs show their delta');
  const allow = page.getByRole('checkbox', { name: 'Allow although a rule excludes it' });
  if (await allow.count()) {
    await allow.check();
    await page.getByTestId('whatif-confirm').click();
  } else {
    await page.locator('#main').focus();
  await page.keyboard.press('Enter');
  }
  await page.getByTestId('change').getByText(/^Done: Swap the mentees/).waitFor();
  const done = await inSync(page, audience);
  assert.match(done.change, /Cohort total/);
  assert.ok(done.revealed[3].includes(first(draft[other][0])), 'pair 4 has the other mentee now');

  // Lock the selected pair (L); undo and redo by keyboard, on both windows.
  await page.keyboard.press('l');
  await page.getByTestId('revealed-pair').nth(other).getByText('Locked').waitFor();
  await inSync(page, audience);
  await page.keyboard.press('Control+z');
  await page.getByTestId('revealed-pair').nth(other).getByText('Locked').waitFor({ state: 'detached' });
  await inSync(page, audience);
  await page.keyboard.press('Control+Shift+z');
  await page.getByTestId('revealed-pair').nth(other).getByText('Locked').waitFor();
  await inSync(page, audience);
  assert.ok(!(await audience.content()).includes('@'), 'still no e-mail after the edits');

  // Move the first pair's mentee to another mentor (M): the preview names the move.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('present-position').getByText('Pair 1 of').waitFor();
  await page.keyboard.press('End');
  await page.keyboard.press('m');
  const select = page.getByLabel('New mentor');
  await select.waitFor();
  // Focus moves to the form.
  await page.waitForFunction(() => document.activeElement?.id === 'present-move-to');
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]).filter(([v]) => v));
  let movedTo = null;
  for (const [value, label] of values) {
    if (label === draft[0][1]) continue;
    await select.selectOption(value);
    const preview = page.getByTestId('change').getByText(/^What if: Move /);
    if (!(await preview.count())) continue;
    const allowMove = page.getByRole('checkbox', { name: 'Allow although a rule excludes it' });
    if (await allowMove.count()) continue;
    movedTo = label;
    break;
  }
  assert.ok(movedTo, 'some mentor can take the first mentee');
  await inSync(page, audience);
  await page.getByTestId('whatif-confirm').click();
  await page.getByTestId('change').getByText(/^Done: Move /).waitFor();
  await inSync(page, audience);

  // Re-run around the locks (R): the locked pair is kept, and the run is undoable.
  await page.locator('#main').focus();
  await page.keyboard.press('r');
  await page.getByText(/^Re-ran around the locks: \d+ new pair/).first().waitFor({ timeout: 30000 });
  // (A re-run may reorder the pairs: find the locked one by its label.)
  const lockedSlide = page.getByTestId('revealed-pair').filter({ hasText: 'Locked' });
  await lockedSlide.first().waitFor();
  assert.equal(await lockedSlide.count(), 1);
  assert.ok((await lockedSlide.innerText()).includes(first(draft[3][0])));
  await inSync(page, audience);

  // Leave: the Matching page shows the same draft, and the same undo history.
  await page.getByTestId('leave-present').click();
  await page.getByRole('heading', { name: 'Run matching' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
  await audience.getByTestId('audience-closed').waitFor();
  const after = await draftPairs(page);
  // The locked pair (the swap's result) survived the re-run.
  const locked = rows(page).filter({ hasText: 'Locked' });
  assert.equal(await locked.count(), 1);
  assert.equal(await locked.locator('th').innerText(), draft[3][0]);
  assert.equal(await locked.locator('td').nth(1).innerText(), draft[other][1]);
  // One undo history: the Matching page undoes the presenter's re-run, then its move.
  assert.match(await page.getByTestId('undo').innerText(), /^Undo: Run matching/);
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').getByText(/^Undo: Move /).waitFor();
  assert.ok((await draftPairs(page)).some(([mentee, mentor]) => mentee === draft[0][0] && mentor === movedTo));
  await page.getByTestId('redo').click();
  await page.getByTestId('undo').getByText(/^Undo: Run matching/).waitFor();
  assert.deepEqual(await draftPairs(page), after);

  // Reload: autosave kept it.
  await saved(page);
  await page.goto(url);
  await page.reload();
  await appReady(page);
  const reloaded = await draftPairs(page);
  assert.deepEqual(reloaded, after);
  await audience.close();
  await s.check();
});

/** Size and WCAG contrast of every text on the stage, from computed styles (harness's mkContrast). */
async function themeReport(page) {
  await installContrast(page);
  return page.evaluate(() => {
    const { parse, background, ratio } = window.mkContrast;
    const out = [];
    const stage = document.querySelector('[data-testid="stage"]');
    for (const el of stage.querySelectorAll('*')) {
      if (el.closest('.mk-visually-hidden')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      out.push({
        text: el.textContent.trim().slice(0, 40),
        size: parseFloat(style.fontSize),
        contrast: ratio(parse(style.color), background(el)),
      });
    }
    return out;
  });
}

function assertReadable(report, where) {
  assert.ok(report.length >= 3, `${where}: text measured (${report.length})`);
  for (const r of report) {
    assert.ok(r.size >= 32, `${where}: "${r.text}" is ${r.size}px (< 32px)`);
    assert.ok(r.contrast >= 7, `${where}: "${r.text}" has contrast ${r.contrast.toFixed(2)} (< 7)`);
  }
}

test('the projector theme: 32px text and 7:1 contrast; pseudonyms by setting; g w shortcut', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  const draft = await demoWithDraft(page);

  // The shortcut is listed in the ? dialog and works.
  await page.locator('#main').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.getByText('Present the draft in projector (workshop) mode').waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.locator('#main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('w');
  await page.getByRole('heading', { level: 1, name: /^Workshop: / }).waitFor();

  let audience = await openAudience(s);
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('present-position').getByText('Pair 2 of').waitFor();
  await inSync(page, audience);
  // Closing the audience window loses nothing: a new one asks and gets the current slide.
  await audience.close();
  audience = await openAudience(s);
  await inSync(page, audience);
  assert.equal(await audience.getByTestId('whatif-selected').count(), 0, 'the audience has no controls');
  assert.equal(await audience.getByTestId('open-audience').count(), 0);
  await page.locator('#main').focus();
  assertReadable(await themeReport(page), 'presenter pair slide');
  assertReadable(await themeReport(audience), 'audience pair slide');

  // The setting: pseudonyms instead of first names, on both windows, kept in the program.
  await page.getByLabel('Pseudonyms (Mentee 3, Mentor 5)').check();
  await page.getByTestId('slide-mentee').getByText(/^(Mentee|Participant) \d+$/).waitFor();
  await inSync(page, audience);
  const audienceText = await audience.locator('body').innerText();
  assert.ok(!audienceText.includes(first(draft[1][0])), 'no first name with pseudonyms');
  assert.match(await audience.getByTestId('slide-mentor').innerText(), /^(Mentor|Participant) \d+$/);

  // Reveal all (End): the summary has the cohort figures and no names. (From the radio
  // button the arrows and End belong to the radio group, so focus the page first.)
  await page.locator('#main').focus();
  await page.keyboard.press('End');
  await page.getByTestId('summary-matched').getByText(/^\d+% of mentees matched \(\d+ of \d+\)$/).waitFor();
  await inSync(page, audience);
  await audience.getByTestId('summary-mean').getByText(/^Mean score \d+\.\d of 100$/).waitFor();
  await audience.getByTestId('summary-unmatched').getByText(/^\d+ mentee\(s\) unmatched$/).waitFor();
  assertReadable(await themeReport(audience), 'audience summary slide');

  // The setting is saved with the program.
  await saved(page);
  await page.reload();
  await appReady(page);
  await page.getByRole('heading', { level: 1, name: /^Workshop: / }).waitFor();
  assert.ok(await page.getByLabel('Pseudonyms (Mentee 3, Mentor 5)').isChecked());
  // The reloaded presenter starts again at the title, and the open audience window follows.
  await audience.locator('[data-testid="slide"][data-kind="title"]').waitFor();
  await page.getByLabel('First names').check();
  await saved(page);
  await audience.close();
  await s.check();
});

test('a blocked audience window is reported with a link instead', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  // A popup blocker: window.open returns null.
  await page.addInitScript(() => { window.open = () => null; });
  await demoWithDraft(page);
  await page.getByTestId('present').click();
  await page.getByTestId('open-audience').click();
  await page.getByText('The browser blocked the audience window').first().waitFor();
  const link = page.getByRole('link', { name: 'audience window' });
  assert.match(await link.getAttribute('href'), /#\/program\/[^/]+\/audience$/);
  // Leaving by the keyboard shortcut works too, and the Matching page is intact.
  await page.locator('#main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await page.getByRole('heading', { name: 'Run matching' }).waitFor();
  await rows(page).first().waitFor();
  await s.check();
});
