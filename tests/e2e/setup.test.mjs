// Program set-up on the Overview: the profile-question designer and the skills vocabulary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, useBrowser, openPage, appReady, saved } from './harness.mjs';

useBrowser();

async function newProgram(s, name) {
  await s.page.goto(server.origin + '/');
  await appReady(s.page);
  await s.page.getByLabel('Name', { exact: true }).fill(name);
  await s.page.getByRole('button', { name: 'Create program' }).click();
  await s.page.getByRole('heading', { level: 1, name }).waitFor();
  await s.page.getByRole('heading', { level: 2, name: 'Profile questions' }).waitFor();
}

const questions = (page) => page.locator('section[aria-labelledby="questions-title"]');
const skills = (page) => page.locator('section[aria-labelledby="skills-title"]');

test('design a sensitive single-choice question, remove it with undo, reload', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await newProgram(s, 'Set-up pilot');
  const card = questions(page);

  await card.getByRole('button', { name: 'Add a question' }).click();
  // The form opens with the keyboard in its first field.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-new-label');
  // Bad input 41: an empty label and a duplicate option are refused where they happened.
  await card.getByRole('button', { name: 'Add question' }).click();
  await card.getByText('The question needs a label.').waitFor();
  assert.equal(await page.locator('#q-new-label').getAttribute('aria-invalid'), 'true');
  await page.locator('#q-new-label').fill('Which office are you in?');
  await card.getByLabel('Type').selectOption('single_choice');
  await card.getByLabel('Options (one per line)').fill('Berlin\nLisbon\nberlin');
  await card.getByRole('button', { name: 'Add question' }).click();
  await card.getByText('The option “berlin” is listed twice.').waitFor();
  assert.equal(await page.locator('#q-new-options').getAttribute('aria-invalid'), 'true');
  await card.getByLabel('Options (one per line)').fill('Berlin\nLisbon\n\nRemote');
  await card.getByLabel(/^Sensitive/).check();
  await card.getByLabel('Use for matching').check();
  await card.getByRole('button', { name: 'Add question' }).click();

  const row = card.locator('.mk-question', { hasText: 'Which office are you in?' });
  await row.waitFor();
  await row.getByText('Single choice: Berlin, Lisbon, Remote').waitFor();
  await row.locator('.mk-badge--sensitive', { hasText: 'Sensitive' }).waitFor();
  await row.getByText('Used for matching').waitFor();

  // Edit inline: a scale whose minimum is not below its maximum is refused, nothing saved.
  await card.getByRole('button', { name: 'Edit Which office are you in?' }).click();
  await card.getByLabel('Type').selectOption('scale');
  await card.getByLabel('Minimum').fill('5');
  await card.getByLabel('Maximum').fill('1');
  await card.getByRole('button', { name: 'Save question' }).click();
  await card.getByText('The scale minimum 5 must be below the maximum 1.').waitFor();
  await page.keyboard.press('Escape');
  await row.getByText('Single choice: Berlin, Lisbon, Remote').waitFor();
  // Closing the form puts the keyboard back on its Edit button.
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Edit Which office are you in?');

  // Remove with undo.
  await card.getByRole('button', { name: 'Remove Which office are you in?' }).click();
  await row.waitFor({ state: 'detached' });
  await page.locator('.mk-notice', { hasText: 'Removed “Which office are you in?”' })
    .getByRole('button', { name: 'Undo' }).click();
  await card.locator('.mk-question', { hasText: 'Which office are you in?' }).waitFor();
  await saved(page);

  await page.reload();
  await appReady(page);
  const again = questions(page).locator('.mk-question', { hasText: 'Which office are you in?' });
  await again.waitFor();
  await again.locator('.mk-badge--sensitive').waitFor();
  await again.getByText('Single choice: Berlin, Lisbon, Remote').waitFor();
  await s.check();
});

test('add, rename and re-cluster skills; duplicate names are refused inline', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await newProgram(s, 'Skills pilot');
  const card = skills(page);

  await card.getByLabel('Skill name').fill('Public speaking');
  await card.getByLabel('Cluster', { exact: true }).fill('Communication');
  await card.getByRole('button', { name: 'Add skill' }).click();
  await card.locator('.mk-skill-group', { hasText: 'Communication' })
    .locator('.mk-skill__name', { hasText: 'Public speaking' }).waitFor();
  // The name field is ready for the next skill; Enter submits.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'skill-new-name');
  await page.keyboard.type('Negotiation');
  await page.keyboard.press('Enter');
  await card.locator('.mk-skill__name', { hasText: 'Negotiation' }).waitFor();

  // Bad input 41: a duplicate name (any case) is refused where it was typed; nothing added.
  const count = await card.locator('.mk-skill').count();
  await card.getByLabel('Skill name').fill('public SPEAKING');
  await card.getByRole('button', { name: 'Add skill' }).click();
  await card.getByText('There is already a skill called “Public speaking”.').waitFor();
  assert.equal(await page.locator('#skill-new-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await card.locator('.mk-skill').count(), count);

  // Rename, refusing a duplicate first.
  await card.getByRole('button', { name: 'Rename Negotiation' }).click();
  const input = card.getByLabel('New name for Negotiation');
  assert.equal(await input.evaluate((el) => el === document.activeElement), true);
  await input.fill('Public Speaking');
  await input.press('Enter');
  await card.locator('.mk-skill .mk-field__error', { hasText: 'There is already a skill called “Public speaking”.' }).waitFor();
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  await input.fill('Negotiating');
  await input.press('Enter');
  await card.locator('.mk-skill__name', { hasText: 'Negotiating' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Rename Negotiating');

  // Move it to another cluster.
  await card.getByLabel('Cluster of Negotiating').fill('Leadership');
  await card.getByLabel('Cluster of Negotiating').press('Tab');
  await card.locator('.mk-skill-group', { hasText: 'Leadership' })
    .locator('.mk-skill__name', { hasText: 'Negotiating' }).waitFor();

  // Remove with undo, then the reload keeps everything.
  await card.getByRole('button', { name: 'Remove Negotiating' }).click();
  await card.locator('.mk-skill__name', { hasText: 'Negotiating' }).waitFor({ state: 'detached' });
  await page.locator('.mk-notice', { hasText: 'Removed the skill “Negotiating”' })
    .getByRole('button', { name: 'Undo' }).click();
  await card.locator('.mk-skill__name', { hasText: 'Negotiating' }).waitFor();
  await saved(page);
  await page.reload();
  await appReady(page);
  await skills(page).locator('.mk-skill-group', { hasText: 'Leadership' })
    .locator('.mk-skill__name', { hasText: 'Negotiating' }).waitFor();
  await s.check();
});

test('on the demo, edits that clean answers or skill lists say so and can be undone', async () => {
  const s = await openPage(browser, server.origin);
  const { page } = s;
  await page.goto(server.origin + '/');
  await appReady(page);
  await page.getByRole('button', { name: 'Explore the demo program' }).click();
  const qcard = questions(page);
  await qcard.waitFor();

  // Dropping an option people chose removes their answers, says how many, offers Undo.
  const row = qcard.locator('.mk-question', { hasText: 'Preferred meeting format' });
  await row.getByText('Video call, In person, No preference').waitFor();
  await qcard.getByRole('button', { name: 'Edit Preferred meeting format' }).click();
  await qcard.getByLabel('Options (one per line)').fill('Video call\nIn person');
  await qcard.getByRole('button', { name: 'Save question' }).click();
  await row.getByText('Single choice: Video call, In person').waitFor();
  const notice = page.locator('.mk-notice', { hasText: 'Saved “Preferred meeting format”.' });
  await notice.getByText(/\d+ answers? (was|were) removed\./).waitFor();
  await notice.getByRole('button', { name: 'Undo' }).click();
  await row.getByText('Video call, In person, No preference').waitFor();

  // Removing a skill people use asks first, naming how many.
  const scard = skills(page);
  await scard.getByRole('button', { name: 'Remove Rust' }).click();
  const confirm = scard.getByRole('group', { name: 'Remove Rust?' });
  await confirm.getByText(/^\d+ (people use|person uses) “Rust”\. Remove it from their profiles too\?$/).waitFor();
  // The question has the keyboard; "Keep it" (the safe answer) changes nothing.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Keep it');
  await page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached' });
  await scard.getByRole('button', { name: 'Remove Rust' }).click();
  await scard.getByRole('button', { name: 'Remove skill' }).click();
  await scard.locator('.mk-skill__name', { hasText: /^Rust$/ }).waitFor({ state: 'detached' });
  const removed = page.locator('.mk-notice', { hasText: 'Removed the skill “Rust”.' });
  await removed.getByText(/skill entr(y|ies) on people's profiles (was|were) removed/).waitFor();
  await removed.getByRole('button', { name: 'Undo' }).click();
  await scard.locator('.mk-skill__name', { hasText: /^Rust$/ }).waitFor();
  await s.check();
});
