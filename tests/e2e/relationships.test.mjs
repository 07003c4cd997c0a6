// A coordinator's quarter, end to end, once by mouse and once by keyboard only: the demo is
// matched and published on 20 March 2027; on 15 April the mentees' check-ins arrive as a
// form tool's CSV (with bad rows: bad input 44, an unknown e-mail; 45, a mentor of two who
// does not say which mentee; 46, a rating of 7), the low rating puts one relationship "at
// risk" with its reason, a meeting is logged, the relationship ends early and its mentee is
// rematched from the queue; on 2 August every relationship past the program's end date
// (31 July) is completed, and a reload finds it all as it was left.
//
// The browser's clock is set with playwright's `page.clock`, so "today" in the app is the
// day of the story. A page reads today when it is shown, so each change of day is followed
// by a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  server, browser, useBrowser, openPage, appReady, saved, storageSnapshot, chooseFileWithSpace,
} from './harness.mjs';

useBrowser();

const PUBLISHED_ON = '2027-03-20';
const CHECK_INS_ON = '2027-04-15';
const AFTER_THE_END = '2027-08-02';
const PROGRAM_END = '2027-07-31';

/** Sets the page's clock to 10:00 local time on `day` (YYYY-MM-DD). */
const setDay = (page, day) => page.clock.setFixedTime(new Date(`${day}T10:00:00`));

/** The stored demo program (the one with published relationships). */
async function storedProgram(page) {
  const programs = Object.entries(await storageSnapshot(page))
    .filter(([k]) => k.startsWith('mentorkit:program:'))
    .map(([, v]) => JSON.parse(v).program)
    .filter((p) => p.matches?.some((m) => m.status !== 'proposed'));
  assert.equal(programs.length, 1, 'one published program is stored');
  return programs[0];
}

/**
 * How the coordinator acts: `press` activates a control (a click, or Tab until it has focus
 * and Enter), `type` fills a field, `go` opens a section (its link, or "g" and its key),
 * `chooseFile` picks a file in a file input.
 */
function actor(page, how) {
  const tabUntilFocused = async (locator) => {
    const handle = await locator.elementHandle();
    for (let i = 0; i < 400; i++) {
      if (await page.evaluate((el) => document.activeElement === el, handle)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${locator}`);
  };
  const keys = { Matching: 'm', Relationships: 'r' };
  return how === 'mouse'
    ? {
      press: (locator) => locator.click(),
      type: (locator, text) => locator.fill(text),
      go: (section) => page.getByRole('navigation').getByRole('link', { name: section }).click(),
      chooseFile: (locator, file) => locator.setInputFiles(file),
    }
    : {
      press: async (locator) => { await tabUntilFocused(locator); await page.keyboard.press('Enter'); },
      type: async (locator, text) => {
        await tabUntilFocused(locator);
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(text);
      },
      go: async (section) => {
        // Shortcuts are ignored in text fields: start from the page itself.
        await page.evaluate(() => document.activeElement?.blur());
        await page.keyboard.press('g');
        await page.keyboard.press(keys[section]);
      },
      chooseFile: async (locator, file) => { await tabUntilFocused(locator); await chooseFileWithSpace(page, file); },
    };
}

/** Runs matching and publishes the draft from today, returning how many pairs were published. */
async function runAndPublish(page, act) {
  await act.press(page.getByTestId('run'));
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  const button = page.getByTestId('publish');
  const drafts = Number((await button.textContent()).match(/Publish (\d+) draft/)[1]);
  assert.ok(drafts > 0, 'the run drafted pairs');
  await act.press(button);
  await act.press(page.getByTestId('confirm-publish'));
  await button.getByText('Publish 0 draft pair(s)').waitFor();
  await saved(page);
  return drafts;
}

/** A check-ins CSV as Google Forms exports it, for the published program's pairs. */
async function checkInsFile(program) {
  const email = (id) => program.people.find((p) => p.id === id).email;
  const active = program.matches.filter((m) => m.status === 'active');
  const byMentor = new Map();
  for (const m of active) byMentor.set(m.mentor, [...(byMentor.get(m.mentor) ?? []), m]);
  const busy = [...byMentor.values()].find((ms) => ms.length > 1);
  assert.ok(busy, 'a mentor of the demo has two mentees');
  const singles = active.filter((m) => byMentor.get(m.mentor).length === 1);
  assert.ok(singles.length >= 2, 'two mentees whose mentor has only them');
  const [low, good] = singles;
  const header = ['Timestamp', 'Email Address', 'Who is your mentor or mentee? (name or e-mail)',
    'How is your mentoring going? (1-5)', 'Are you on track with your goals?', 'Is your mentor or mentee a good fit?',
    'Have you met since the last check-in?', 'When did you last meet?', 'How long did you meet?', 'How did you meet?',
    'Anything else you would like to tell us?'];
  const rows = [
    ['4/10/2027 9:12:00', email(low.mentee), '', '2', 'No', 'Still deciding', 'No', '', '', '', 'We keep rescheduling.'],
    ['4/11/2027 17:40:00', email(good.mentee), '', '5', 'Yes', 'A good fit', 'Yes', '4/8/2027', '1:00', 'Video call', ''],
    // Bad input 44: nobody has this e-mail.
    ['4/12/2027 8:00:00', 'somebody.else@example.org', '', '4', 'Yes', '', 'No', '', '', '', ''],
    // Bad input 45: a mentor of two who does not say which mentee.
    ['4/12/2027 12:30:00', email(busy[0].mentor), '', '4', 'Yes', '', 'No', '', '', '', ''],
    // Bad input 46: a rating outside 1-5.
    ['4/13/2027 10:00:00', email(good.mentor), '', '7', 'Yes', '', 'No', '', '', '', ''],
  ];
  const csv = [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n') + '\r\n';
  const dir = await mkdtemp(path.join(tmpdir(), 'mentorkit-quarter-'));
  const file = path.join(dir, 'april-check-ins.csv');
  await writeFile(file, csv);
  return { file, low, good, name: (id) => program.people.find((p) => p.id === id).name };
}

async function quarter(how) {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  const act = actor(page, how);

  // 20 March: the demo is matched and published from today.
  await setDay(page, PUBLISHED_ON);
  await page.goto(server.origin + '/');
  await appReady(page);
  await act.press(page.getByRole('button', { name: 'Explore the demo program' }));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await act.go('Matching');
  assert.equal(await page.getByLabel('Relationships start on').inputValue(), PUBLISHED_ON, 'publishing starts today');
  const first = await runAndPublish(page, act);
  const published = await storedProgram(page);
  assert.equal(published.matches.filter((m) => m.status === 'active' && m.started_on === PUBLISHED_ON).length, first);

  // 15 April: the check-ins arrive.
  const { file, low, good, name } = await checkInsFile(published);
  await setDay(page, CHECK_INS_ON);
  await page.reload();
  await appReady(page);
  await act.go('Relationships');
  await act.press(page.getByRole('button', { name: 'Import check-ins…' }));
  const dialog = page.getByRole('dialog', { name: 'Import check-ins from CSV' });
  await dialog.waitFor();
  await act.chooseFile(dialog.getByLabel('Choose a CSV file…'), file);
  await dialog.locator('.mk-wizard__detected').getByText('5 data rows, 11 columns').waitFor();
  await act.press(dialog.getByRole('button', { name: 'Next: columns' }));
  await act.press(dialog.getByRole('button', { name: 'Next: review' }));
  const errors = await dialog.locator('.mk-wizard__errors tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.innerText)));
  assert.deepEqual(errors.map((r) => r[0]), ['4', '5', '6'], JSON.stringify(errors));
  assert.match(errors[0][2], /no participant has the e-mail somebody\.else@example\.org/);
  assert.match(errors[1][2], /mentor of 2/i);
  assert.match(errors[2][2], /a rating of 7 is outside 1-5/);
  await act.press(dialog.getByRole('button', { name: 'Import the 2 good rows' }));
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.mk-notice', { hasText: 'Recorded 2 check-in(s) and logged 1 meeting(s) from april-check-ins.csv.' }).waitFor();

  // The low rating puts exactly that relationship at risk, and says why.
  const atRisk = page.getByRole('group', { name: 'Relationships by health' }).getByRole('button', { name: /At risk/ });
  await act.press(atRisk);
  assert.equal(await atRisk.getAttribute('aria-pressed'), 'true');
  const rows = page.locator('.mk-table tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('.mk-table tbody tr').length === 1);
  assert.match(await rows.first().innerText(), /Latest check-in rated 2 of 5 \(10 April 2027\)/);
  assert.match(await rows.first().innerText(), new RegExp(name(low.mentee)));

  // A meeting is logged for it, then it ends early and the mentee goes to the rematch queue
  // at once (no cooldown).
  await act.press(page.getByRole('button', { name: `Open ${name(low.mentee)} and ${name(low.mentor)}` }));
  await page.locator('#rel-detail-title').waitFor();
  await act.type(page.locator('#rel-meeting-length'), '1h 30m');
  await act.press(page.getByTestId('rel-log-meeting'));
  await page.getByTestId('rel-timeline').getByText('1 h 30 min, logged by the coordinator').first().waitFor();
  // Hours add up per person and over the program (the imported meeting was an hour).
  await page.locator('#rel-person-hours')
    .getByText(`Met over all their relationships: ${name(low.mentee)} 1 h 30 min, ${name(low.mentor)} 1 h 30 min`).waitFor();
  await page.locator('#rel-status-counts').getByText(/2 meeting\(s\) logged, 2 h 30 min in all/).waitFor();
  await act.press(page.getByTestId('rel-action-ended_early'));
  assert.equal(await page.locator('#rel-transition-date').inputValue(), CHECK_INS_ON, 'it ends today');
  assert.ok(await page.locator('#rel-rematch-queue').isChecked(), 'a rematch is offered by default');
  await act.type(page.locator('#rel-rematch-cooldown'), '0');
  await act.press(page.getByTestId('rel-transition-confirm'));
  await saved(page);
  let program = await storedProgram(page);
  const ended = program.matches.find((m) => m.id === low.id);
  assert.equal(ended.status, 'ended_early');
  assert.equal(ended.meetings.length, 1);
  assert.equal(ended.meetings[0].minutes, 90);
  assert.equal(ended.meetings[0].date, CHECK_INS_ON);

  // The rematch: only the queue and the unmatched are matched; every running relationship is kept.
  await act.go('Matching');
  const queue = page.getByTestId('rematch-queue');
  await queue.getByRole('heading', { name: 'Rematch queue: 1' }).waitFor();
  await queue.getByText(name(low.mentee)).waitFor();
  const running = program.matches.filter((m) => m.status === 'active').map((m) => m.id).sort();
  await runAndPublish(page, act);
  program = await storedProgram(page);
  const rematched = program.matches.filter((m) => m.mentee === low.mentee && m.status === 'active');
  assert.equal(rematched.length, 1, 'the mentee has a new relationship');
  assert.notEqual(rematched[0].mentor, low.mentor, 'with another mentor');
  assert.equal(rematched[0].started_on, CHECK_INS_ON);
  for (const id of running) {
    assert.equal(program.matches.find((m) => m.id === id).status, 'active', `${id} keeps running`);
  }
  await queue.waitFor({ state: 'detached' });

  // 2 August: the program ended on 31 July; every running relationship is completed at once.
  await setDay(page, AFTER_THE_END);
  await page.reload();
  await appReady(page);
  await act.go('Relationships');
  const active = program.matches.filter((m) => m.status === 'active').length;
  const complete = page.locator('#rel-complete-ended');
  assert.equal((await complete.innerText()).trim(), `Complete the ${active} that reached their end date…`);
  await act.press(complete);
  await act.press(page.getByTestId('confirm-complete-ended'));
  await complete.waitFor({ state: 'detached' });
  await saved(page);

  // A reload finds the quarter as it was left.
  await page.reload();
  await appReady(page);
  await page.locator('.mk-table').waitFor();
  program = await storedProgram(page);
  const published2 = program.matches.filter((m) => m.status !== 'proposed');
  assert.equal(published2.filter((m) => m.status === 'completed').length, active);
  assert.equal(published2.filter((m) => m.status === 'active').length, 0);
  assert.equal(program.matches.find((m) => m.id === low.id).status, 'ended_early');
  assert.equal(program.matches.find((m) => m.id === good.id).status, 'completed');
  assert.ok(program.matches.find((m) => m.id === good.id).check_ins.some((c) => c.rating === 5));
  const statuses = await page.locator('.mk-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[3].innerText.trim()));
  assert.ok(statuses.includes('Ended early') && statuses.includes('Completed') && !statuses.includes('Active'), statuses.join(', '));
  await s.check();
}

test('a coordinator\'s quarter by mouse: check-ins, at risk, a meeting, ending early, the rematch, completing at the end', () => quarter('mouse'));

test('a coordinator\'s quarter with the keyboard only', () => quarter('keyboard'));
