// End-to-end checks of workshop mode on a real projector (issue 15): the stage-first
// presenter (mirrored display, full screen) fits 1024 x 768, 1280 x 720 and 1920 x 1080
// without scrolling and shows nothing only the presenter should see; its control strip
// hides when idle and comes back on a key press; axe finds no serious violation on the
// presenter (both layouts) and the audience window; every projector control keeps 7:1 on
// hover and focus; and a rehearsal steps through the slides, timed, changing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  server, browser, useBrowser, openPage, appReady, saved, storageSnapshot, axeViolations,
  installContrast,
} from './harness.mjs';

useBrowser();

const RESOLUTIONS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

const rows = (page) => page.locator('[data-testid="draft-table"] tbody');
const strip = (page) => page.getByTestId('control-strip');
const first = (name) => name.split(/\s+/)[0];

/** Demo program, matched; returns the draft as [mentee, mentor] full names, on the Matching page. */
async function demoWithDraft(page) {
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Matching' }).click();
  await page.getByTestId('run').click();
  await page.getByTestId('run-result').waitFor({ timeout: 30000 });
  await rows(page).first().waitFor();
  return rows(page).evaluateAll((bodies) => bodies.map((b) => {
    const tr = b.querySelector('tr');
    return [tr.querySelector('th').innerText, tr.querySelectorAll('td')[1]?.innerText ?? ''];
  }));
}

/** From the Matching page into projector mode; `mirrored` ticks the setting. */
async function present(page, { mirrored = false } = {}) {
  await page.getByTestId('present').click();
  await page.getByRole('heading', { level: 1, name: /^Workshop: / }).waitFor();
  if (mirrored) {
    // (A click, not check(): the layout changes and the checkbox moves into the strip.)
    await page.getByLabel('Mirrored display (the room sees this screen)').click();
    await page.locator('main.mk-present--stage').waitFor();
    assert.ok(await page.getByLabel('Mirrored display').isChecked());
    // The checkbox keeps the focus in its new place, the strip.
    await page.waitForFunction(() => document.activeElement?.id === 'present-mirrored');
  }
}

/** Waits until the stage shows step `k` of the reveal (by what a screen reader hears). */
async function atPair(page, k) {
  await page.getByTestId('stage-announcement').getByText(new RegExp(`^Pair ${k} of \\d+: `)).waitFor();
}

/**
 * Where the room-read parts of the stage are: every slide, change and summary text shown,
 * with its box, font size and whether its text is cut; the page's scroll size; and the
 * top of the strip when it is docked (a form open in it), which the stage must stay above.
 */
async function stageReport(page) {
  return page.evaluate(() => {
    const selector = [
      '[data-testid="slide"] .mk-slide__kicker', '[data-testid="slide"] .mk-slide__title',
      '[data-testid="slide"] .mk-slide__big', '.mk-slide__names', '[data-testid="slide-mentee"]',
      '[data-testid="slide-mentor"]', '[data-testid="slide-score"]', '[data-testid="slide-reasons"] li',
      '[data-testid="summary-facts"] li', '[data-testid="change"] .mk-change__title',
      '[data-testid="change-pair"]', '[data-testid="change-total"]',
    ].join(', ');
    const items = [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const block = style.display !== 'inline';
        return {
          text: el.textContent.trim().slice(0, 60),
          top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          size: parseFloat(style.fontSize),
          cut: block && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1),
        };
      });
    const docked = document.querySelector('.mk-strip--docked');
    const root = document.scrollingElement;
    return {
      width: innerWidth, height: innerHeight, items,
      limit: docked ? docked.getBoundingClientRect().top : innerHeight,
      scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight,
    };
  });
}

function assertOnScreen(report, where, { atLeast = 3 } = {}) {
  assert.ok(report.items.length >= atLeast, `${where}: stage text found (${report.items.length})`);
  assert.ok(report.scrollHeight <= report.height, `${where}: the page scrolls (${report.scrollHeight} > ${report.height})`);
  assert.ok(report.scrollWidth <= report.width, `${where}: the page scrolls sideways (${report.scrollWidth})`);
  for (const it of report.items) {
    const box = `top ${it.top.toFixed(0)}, bottom ${it.bottom.toFixed(0)}, left ${it.left.toFixed(0)}, right ${it.right.toFixed(0)}`;
    assert.ok(it.top >= 0 && it.left >= 0, `${where}: "${it.text}" starts off screen (${box})`);
    assert.ok(it.bottom <= report.limit + 0.5, `${where}: "${it.text}" ends below ${report.limit} (${box})`);
    assert.ok(it.right <= report.width + 0.5, `${where}: "${it.text}" ends past the right edge (${box})`);
    assert.ok(it.size >= 32, `${where}: "${it.text}" is ${it.size}px (< 32px)`);
    assert.ok(!it.cut, `${where}: "${it.text}" is cut`);
  }
}

for (const viewport of RESOLUTIONS) {
  const size = `${viewport.width} x ${viewport.height}`;
  test(`mirrored full screen at ${size}: every slide, the summary and the what-ifs fit the screen`, async () => {
    const s = await openPage(browser, server.origin, { viewport });
    const { page } = s;
    const draft = await demoWithDraft(page);
    await present(page, { mirrored: true });
    // Full screen too, where the browser grants it (headless may refuse: a notice, no error).
    await page.keyboard.press('f');
    await page.locator('#main').focus();

    assertOnScreen(await stageReport(page), `${size} title`, { atLeast: 2 });
    for (let k = 1; k <= draft.length; k++) {
      await page.keyboard.press('ArrowRight');
      await atPair(page, k);
      assertOnScreen(await stageReport(page), `${size} pair ${k}`, { atLeast: 6 });
    }
    await page.keyboard.press('End');
    await page.locator('[data-testid="slide"][data-kind="summary"]').waitFor();
    assertOnScreen(await stageReport(page), `${size} summary`, { atLeast: 5 });

    // A swap previewed: the last pair picked, then pairs above until one can swap with it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('s');
    let previewed = false;
    for (let tries = 0; tries < 5 && !previewed; tries++) {
      await page.keyboard.press('ArrowUp');
      previewed = await page.getByTestId('change').getByText(/^What if: Swap /).waitFor({ timeout: 1500 })
        .then(() => true, () => false);
    }
    assert.ok(previewed, 'a swap is previewed');
    assertOnScreen(await stageReport(page), `${size} swap preview`, { atLeast: 4 });
    await page.keyboard.press('Escape');
    await page.getByTestId('change').waitFor({ state: 'detached' });

    // A move previewed, with the form open in the docked strip below the stage.
    await page.keyboard.press('m');
    await page.waitForFunction(() => document.activeElement?.id === 'present-move-to');
    const select = page.locator('#present-move-to');
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    let moved = false;
    for (const value of values.slice(0, 12)) {
      await select.selectOption(value);
      moved = await page.getByTestId('change').getByText(/^What if: Move /).waitFor({ timeout: 1500 })
        .then(() => true, () => false);
      if (moved) break;
    }
    assert.ok(moved, 'a move is previewed');
    await page.locator('.mk-strip--docked').waitFor();
    assertOnScreen(await stageReport(page), `${size} move preview`, { atLeast: 3 });
    await page.keyboard.press('Escape');
    await page.getByTestId('change').waitFor({ state: 'detached' });
    await s.check();
  });
}

test('stage first shows nothing only the presenter should see, and long names wrap on screen', async () => {
  const s = await openPage(browser, server.origin, { viewport: RESOLUTIONS[0] });
  const { page } = s;
  let draft = await demoWithDraft(page);
  // Give the first pair long first names (a roster's "Maximiliana-Wolfeschlegelstein ...").
  const long = ['Maximiliana-Wolfeschlegelsteinhausen', 'Bartholomew-Featherstonehaugh-Cholmondeley'];
  await page.getByRole('link', { name: 'Participants' }).click();
  for (const [k, full] of draft[0].entries()) {
    await page.getByLabel('Search').fill(full);
    await page.getByRole('button', { name: `Edit ${full}` }).click();
    await page.locator('#person-name').fill(`${long[k]} ${full.split(' ').slice(1).join(' ')}`);
    await page.locator('#person-name').press('Enter');
    await page.locator('.mk-person-form').waitFor({ state: 'detached' });
  }
  await saved(page);
  await page.getByRole('link', { name: 'Matching' }).click();
  draft = await rows(page).evaluateAll((bodies) => bodies.map((b) => {
    const tr = b.querySelector('tr');
    return [tr.querySelector('th').innerText, tr.querySelectorAll('td')[1]?.innerText ?? ''];
  }));
  await present(page, { mirrored: true });
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await atPair(page, 1);
  assert.equal(await page.getByTestId('slide-mentee').innerText(), long[0]);
  assert.equal(await page.getByTestId('slide-mentor').innerText(), long[1]);
  assertOnScreen(await stageReport(page), 'long names', { atLeast: 6 });
  const lines = await page.locator('.mk-slide__names').evaluate((el) => el.getClientRects().length && Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  assert.ok(lines >= 2, `the long names wrap (${lines} line(s))`);

  // Laptop-only details never appear: no presenter details, no full names, no e-mails, at
  // any step, in the move form included; nor in the undo history's labels (shared with the
  // Matching page, which names people in full) on the buttons and in the notices.
  await page.keyboard.press('l');
  await page.getByTestId('revealed-pair').first().getByText('Locked').waitFor();
  await page.keyboard.press('Control+z');
  await page.getByText(/^Undone: Lock /).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await page.getByText(/^Redone: Lock /).waitFor();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('m');
  await page.waitForFunction(() => document.activeElement?.id === 'present-move-to');
  const options = await page.locator('#present-move-to option').allInnerTexts();
  assert.match(await page.getByTestId('present-undo').innerText(), new RegExp(`^Undo: Lock ${long[0]} with ${long[1]}$`));
  assert.ok(options.length > 5, 'mentors offered');
  const text = await page.locator('body').innerText();
  const html = await page.content();
  assert.equal(await page.getByText('Presenter details').count(), 0);
  assert.ok(!html.includes('@'), 'no e-mail address on screen');
  for (const [mentee, mentor] of draft) {
    for (const full of [mentee, mentor]) {
      const at = text.indexOf(full);
      if (full.includes(' ')) assert.ok(at < 0, `full name ${full} on screen: ${text.slice(Math.max(0, at - 200), at + 80)}`);
    }
  }
  // A first name, with the pseudonym when two mentors share it.
  for (const o of options.slice(1)) assert.match(o, /^\S+( \((Mentor|Participant) \d+\))?$/, `option "${o}"`);
  await page.keyboard.press('Escape');
  // Back on the laptop's own screen (setting off), the presenter's details return.
  await page.locator('#main').focus();
  await page.keyboard.press('Tab');
  await page.getByLabel('Mirrored display').click();
  await page.locator('main.mk-present--stage').waitFor({ state: 'detached' });
  await page.getByText('Presenter details of the selected pair').waitFor();
  await saved(page);
  await s.check();
});

test('the control strip hides when idle, comes back on a key press, and the keys work while it is hidden', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await demoWithDraft(page);
  await present(page, { mirrored: true });
  const state = () => strip(page).getAttribute('data-state');
  const box = () => strip(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, opacity: Number(getComputedStyle(el).opacity), focusInside: el.contains(document.activeElement) };
  });
  assert.equal(await state(), 'shown', 'shown at first');

  // Idle: it slides away and focus leaves it for the page.
  await page.locator('[data-testid="control-strip"][data-state="hidden"]').waitFor({ timeout: 8000 });
  await page.waitForTimeout(400);
  let b = await box();
  assert.ok(b.top >= 720 - 1 && b.opacity === 0, `hidden: ${JSON.stringify(b)}`);
  assert.equal(b.focusInside, false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

  // The shortcuts work while it is hidden, and revealing does not bring it back.
  await page.keyboard.press('ArrowRight');
  await atPair(page, 1);
  await page.keyboard.press('ArrowRight');
  await atPair(page, 2);
  await page.waitForTimeout(300);
  assert.equal(await state(), 'hidden');

  // Tab brings it back, focused on its first control.
  await page.keyboard.press('Tab');
  await page.locator('[data-testid="control-strip"][data-state="shown"]').waitFor({ timeout: 2000 });
  await page.waitForTimeout(400);
  b = await box();
  assert.ok(b.bottom <= 720 + 0.5 && b.opacity === 1 && b.focusInside, `shown: ${JSON.stringify(b)}`);
  // Its buttons work from the keyboard: Enter on "Back".
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '\u2190 Back');
  await page.keyboard.press('Enter');
  await atPair(page, 1);

  // Idle again: hidden; the pointer brings it back.
  await page.locator('[data-testid="control-strip"][data-state="hidden"]').waitFor({ timeout: 8000 });
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await page.locator('[data-testid="control-strip"][data-state="shown"]').waitFor({ timeout: 2000 });

  // The strip's "What if" panel holds it (docked below the stage) until closed.
  await page.getByTestId('strip-whatif-toggle').click();
  await page.getByTestId('strip-whatif').waitFor();
  await page.waitForTimeout(3500);
  assert.equal(await state(), 'shown', 'an open panel keeps the strip');
  await page.getByTestId('strip-whatif-toggle').click();
  await page.locator('[data-testid="control-strip"][data-state="hidden"]').waitFor({ timeout: 8000 });
  await s.check();
});

test('axe finds no serious violation on the presenter (both layouts), the rehearsal and the audience window', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await demoWithDraft(page);
  await present(page);
  const [audience] = await Promise.all([
    s.context.waitForEvent('page'),
    page.getByTestId('open-audience').click(),
  ]);
  audience.on('console', (m) => { if (m.type() === 'error') s.problems.push(`audience console error: ${m.text()}`); });
  await audience.locator('[data-testid="slide"][data-kind]').waitFor({ timeout: 20000 });
  await page.locator('#main').focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
  await atPair(page, 3);
  await page.keyboard.press('s');
  await page.keyboard.press('ArrowUp');

  assert.deepEqual(await axeViolations(page), [], 'presenter, laptop layout');
  await audience.getByTestId('change').waitFor();
  assert.deepEqual(await axeViolations(audience), [], 'audience window');
  await page.keyboard.press('Escape');

  await page.getByTestId('rehearse').click();
  await page.getByTestId('rehearse-panel').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'rehearsal, laptop layout');
  await page.getByTestId('rehearse-end').click();

  await page.getByLabel('Mirrored display (the room sees this screen)').click();
  await page.locator('main.mk-present--stage').waitFor();
  await page.getByTestId('strip-whatif-toggle').click();
  await page.getByTestId('strip-whatif').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'presenter, stage first, "What if" open');
  await page.getByTestId('strip-more-toggle').click();
  await page.getByTestId('strip-more').waitFor();
  assert.equal(await page.getByTestId('strip-whatif').count(), 0, 'one panel at a time');
  assert.deepEqual(await axeViolations(page), [], 'presenter, stage first, "More" open');
  await page.getByTestId('strip-more-toggle').click();
  await page.locator('[data-testid="control-strip"][data-state="hidden"]').waitFor({ timeout: 8000 });
  assert.deepEqual(await axeViolations(page), [], 'presenter, stage first, strip hidden');
  await audience.close();
  await s.check();
});

/**
 * Each visible, enabled control of `page` (buttons, links, disclosures, lists, fields and
 * the labels of choices), measured at rest, under the pointer and focused from the
 * keyboard: its text against its background, and the focus ring against what is behind it.
 */
async function controlContrast(page, where) {
  await installContrast(page);
  const controls = await page.locator('button, a[href], summary, select, input, label').elementHandles();
  const out = [];
  for (const el of controls) {
    const ok = await el.evaluate((e) => {
      if (e.disabled || e.closest('[hidden], .mk-visually-hidden')) return false;
      const s = getComputedStyle(e);
      return s.display !== 'none' && s.visibility !== 'hidden' && e.getClientRects().length > 0;
    });
    // (Hidden: not shown in projector mode, and out of the tab order.)
    if (!ok) continue;
    const measure = () => el.evaluate((e) => {
      const c = window.mkContrast;
      const s = getComputedStyle(e);
      const own = e.matches('input[type="checkbox"], input[type="radio"]') ? null : c.ratio(c.parse(s.color), c.background(e));
      const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
        ? c.ratio(c.parse(s.outlineColor), c.background(e.parentElement)) : null;
      return {
        name: (e.textContent.trim() || e.getAttribute('aria-label') || e.id || e.tagName).slice(0, 40),
        hover: e.matches(':hover'), focus: e.matches(':focus-visible'),
        background: s.backgroundColor, text: own, ring,
      };
    });
    await el.scrollIntoViewIfNeeded();
    const rest = await measure();
    const box = await el.boundingBox();
    // The pointer over it (also wakes a hidden strip).
    let hover = null;
    if (box && box.y >= 0) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(250);
      hover = await measure();
      assert.ok(hover.hover, `${where}: "${rest.name}" is under the pointer`);
    }
    let focus = null;
    const focusable = await el.evaluate((e) => e.tagName !== 'LABEL');
    if (focusable) {
      // A key press first, so that focusing counts as keyboard focus (:focus-visible).
      await page.keyboard.press('Shift');
      await el.evaluate((e) => e.focus());
      focus = await measure();
      assert.ok(focus.focus, `${where}: "${rest.name}" shows keyboard focus`);
      // (A focused skip link shows over the top bar: let it go before the next control.)
      await el.evaluate((e) => e.blur());
    }
    out.push({ rest, hover, focus });
  }
  return out;
}

function assertContrast(report, where) {
  assert.ok(report.length >= 8, `${where}: controls measured (${report.length})`);
  for (const { rest, hover, focus } of report) {
    for (const [state, m] of [['at rest', rest], ['under the pointer', hover], ['focused', focus]]) {
      if (!m) continue;
      if (m.text !== null) assert.ok(m.text >= 7, `${where}: "${m.name}" ${state}: text contrast ${m.text.toFixed(2)} (< 7)`);
    }
    if (focus) {
      assert.ok(focus.ring !== null, `${where}: "${rest.name}" has a focus ring`);
      assert.ok(focus.ring >= 7, `${where}: "${rest.name}" focus ring contrast ${focus.ring.toFixed(2)} (< 7)`);
    }
  }
}

test('every projector control keeps 7:1 contrast at rest, under the pointer and focused', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await demoWithDraft(page);
  await present(page);
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await atPair(page, 1);

  // Issue 15: the primary button under the pointer was black on dark blue.
  const open = page.getByTestId('open-audience');
  await open.scrollIntoViewIfNeeded();
  const before = await open.evaluate((e) => getComputedStyle(e).backgroundColor);
  const laptop = await controlContrast(page, 'laptop layout');
  const primary = laptop.find((r) => r.rest.name === 'Open audience window');
  assert.ok(primary?.hover, 'the primary button was measured under the pointer');
  assert.notEqual(primary.hover.background, before, 'hovering changes the primary button');
  assertContrast(laptop, 'laptop layout');

  await page.locator('#main').focus();
  await page.keyboard.press('Tab');
  await page.getByLabel('Mirrored display (the room sees this screen)').click();
  await page.locator('main.mk-present--stage').waitFor();
  await page.getByTestId('strip-whatif-toggle').click();
  await page.getByTestId('strip-whatif').waitFor();
  assertContrast(await controlContrast(page, 'stage first, "What if"'), 'stage first, "What if"');
  await page.getByTestId('strip-more-toggle').click();
  await page.getByTestId('strip-more').waitFor();
  assertContrast(await controlContrast(page, 'stage first, "More"'), 'stage first, "More"');

  const [audience] = await Promise.all([
    s.context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open audience window' }).click(),
  ]);
  await audience.locator('[data-testid="slide"][data-kind]').waitFor({ timeout: 20000 });
  // The pointer wakes its strip, as a presenter's would.
  await audience.mouse.move(200, 200);
  await audience.mouse.move(210, 210);
  await audience.locator('[data-testid="control-strip"][data-state="shown"]').waitFor();
  await audience.waitForTimeout(300);
  const audienceControls = await controlContrast(audience, 'audience window');
  assert.equal(audienceControls.length, 1, 'the audience window has one control (full screen)');
  for (const { rest, hover, focus } of audienceControls) {
    for (const m of [rest, hover, focus]) assert.ok(m.text >= 7, `audience: "${m.name}" ${m.text}`);
    assert.ok(focus.ring >= 7);
  }
  await audience.close();
  await s.check();
});

test('a rehearsal steps through the slides with a timed estimate and changes nothing', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  const draft = await demoWithDraft(page);
  await present(page);
  const [audience] = await Promise.all([
    s.context.waitForEvent('page'),
    page.getByTestId('open-audience').click(),
  ]);
  await audience.locator('[data-testid="slide"][data-kind="title"]').waitFor({ timeout: 20000 });
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await atPair(page, 1);
  await saved(page);
  const stored = await storageSnapshot(page);

  await page.getByTestId('rehearse').click();
  const panel = page.getByTestId('rehearse-panel');
  await panel.waitFor();
  assert.equal(await page.getByTestId('rehearse-pairs').innerText(), String(draft.length));
  // Before any pair is timed: the planned pace (20 s, then 30 s) times the pairs.
  assert.equal(await page.getByTestId('rehearse-pace').innerText(), '20 s per pair (planned)');
  await page.getByLabel('Planned seconds per pair').fill('30');
  await page.getByLabel('Planned seconds per pair').press('Enter');
  await page.getByLabel('Planned seconds per pair').blur();
  const total = draft.length * 30;
  const words = `${Math.floor(total / 60)} min${total % 60 ? ` ${total % 60} s` : ''}`;
  await page.getByTestId('rehearse-estimate').getByText(`about ${words}`).waitFor();
  // It starts at the title, on this screen only.
  await page.locator('[data-testid="slide"][data-kind="title"]').waitFor();
  assert.match(await page.getByTestId('present-position').innerText(), /^Rehearsal: Title$/);

  // Step through: each pair's slide is timed.
  await page.locator('#main').focus();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('present-position').getByText('Rehearsal: Pair 1 of').waitFor();
  await page.waitForTimeout(2100);
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('present-position').getByText('Rehearsal: Pair 2 of').waitFor();
  const pace = await page.getByTestId('rehearse-pace').innerText();
  const m = pace.match(/^(\d+) s per pair \(timed on 1 pair\(s\)\)$/);
  assert.ok(m && Number(m[1]) >= 2 && Number(m[1]) <= 6, `measured pace: ${pace}`);
  assert.match(await page.getByTestId('rehearse-estimate').innerText(), /^about \d+ (min|s)/);
  assert.match(await page.getByTestId('rehearse-clock').innerText(), /^0:0[2-9]$/);

  // No edits in a rehearsal: S says so and nothing is previewed.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('s');
  await page.getByText('This is a rehearsal: the draft cannot be changed').first().waitFor();
  assert.equal(await page.getByTestId('change').count(), 0);
  await page.keyboard.press('End');
  await page.locator('[data-testid="slide"][data-kind="summary"]').waitFor();

  // The audience window kept the live stage (pair 1) all along.
  await audience.getByTestId('stage-announcement').getByText(/^Pair 1 of /).waitFor();
  assert.equal(await audience.getByTestId('slide').getAttribute('data-kind'), 'pair');

  // Ending it returns to the live stage where it was; nothing was saved.
  await page.getByTestId('rehearse-end').click();
  await panel.waitFor({ state: 'detached' });
  await atPair(page, 1);
  assert.match(await page.getByTestId('present-position').innerText(), /^Pair 1 of \d+$/);
  assert.deepEqual(await storageSnapshot(page), stored, 'the program in storage is unchanged');
  await audience.close();
  await s.check();
});
