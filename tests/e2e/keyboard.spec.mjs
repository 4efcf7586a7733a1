// Keyboard only: the plan editor and a kiosk survey (the assessment itself is taken by
// keyboard in assessment.spec.mjs).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { guard, tabTo, nextPage, upgradedFixture } from './helpers.mjs';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/v1');
const focused = (page, id) => tabTo(page, (i) => document.activeElement?.id === i, id, 300);

test.use({ locale: 'it-IT' });

test('the plan editor works with the keyboard alone', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  const a = upgradedFixture(FIXTURES);
  delete a.assessment.plan;
  const file = test.info().outputPath('a.json');
  fs.writeFileSync(file, JSON.stringify(a));
  await page.goto('./');
  await page.locator('#import-assessment').setInputFiles(file);
  await expect(page.locator('.notice')).toContainText('Importata');
  await page.goto(`./#/a/${a.assessment.id}/plan`);
  await expect(page.getByRole('button', { name: "Proponi il piano d'azione" })).toBeVisible();
  await tabTo(page, () => document.activeElement?.textContent?.includes("Proponi il piano d'azione") && document.activeElement.tagName === 'BUTTON');
  await page.keyboard.press('Enter');
  const first = page.locator('li.plan-item').first();
  await expect(first).toBeVisible();
  const itemId = (await first.locator('input[id^="owner-"]').getAttribute('id')).slice('owner-'.length);
  await focused(page, `owner-${itemId}`);
  await page.keyboard.type('Marco Bianchi');
  await focused(page, `due-${itemId}`);
  // Chromium's date field follows the system locale (C.UTF-8 here: month/day/year).
  await page.keyboard.type('06302027');
  await focused(page, `status-${itemId}`);
  await page.keyboard.press('ArrowDown');
  await tabTo(page, () => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent === 'Scarta');
  await page.keyboard.press('Space');
  await expect(first).toHaveClass(/dropped/);
  await focused(page, 'own-title');
  await page.keyboard.type('Formare due tecnici sul BIM');
  await page.keyboard.press('Enter');
  await expect(page.locator('li.plan-item h3').last()).toHaveText('Formare due tecnici sul BIM');
  await expect(first.locator(`#owner-${itemId}`)).toHaveValue('Marco Bianchi');
  await expect(first.locator(`#due-${itemId}`)).toHaveValue('2027-06-30');
  await expect(first.locator(`#status-${itemId}`)).toHaveValue('OnTrack');
  watch.check();
});

test('a kiosk respondent completes the survey with the keyboard alone', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./#/staff');
  await page.locator('#kiosk-label').fill('Tastiera');
  await page.locator('#kiosk-new-code').fill('5555');
  await page.getByRole('button', { name: 'Avvia la sessione' }).click();
  for (const id of ['sp-member_type', 'sp-competence_area', 'sp-membership_years', 'sp-org_contact']) {
    await focused(page, id);
    await page.keyboard.press('ArrowDown');
  }
  const keyboardNext = async () => {
    const before = await page.locator('main h1').innerText();
    await tabTo(page, () => document.activeElement?.getAttribute('rel') === 'next');
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => document.querySelector('main h1')?.innerText !== b, before);
  };
  await keyboardNext();
  for (let section = 1; section <= 8; section++) {
    // Answer radio groups one by one; a "yes" reveals the satisfaction question after it.
    for (let guardN = 0; guardN < 100; guardN++) {
      const name = await page.evaluate(() => {
        for (const f of document.querySelectorAll('fieldset.question[role=radiogroup]')) {
          const radios = [...f.querySelectorAll('input[type=radio]')];
          if (!radios.some((r) => r.checked)) return radios[0].name;
        }
        return null;
      });
      if (!name) break;
      await tabTo(page, (n) => document.activeElement?.name === n, name, 200);
      await page.keyboard.press('Space');
    }
    await keyboardNext();
  }
  await tabTo(page, () => document.activeElement?.textContent === 'Invia le risposte');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grazie!');
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 1');
  watch.check();
});

test('a missing question chosen on the review page gets the keyboard focus, a new page its heading', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./');
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Profilo dell'azienda");
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const id = page.url().match(/#\/a\/([^/]+)/)[1];
  await page.goto(page.url().replace(/#.*$/, `#/a/${id}/review`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riepilogo');
  const third = page.locator('main li a', { hasText: '3. ' }).first();
  await tabTo(page, (text) => document.activeElement?.textContent?.startsWith(text), '3. ');
  await expect(third).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/s\/1$/);
  // The third question of the first dimension, not the page heading.
  await expect(page.locator('fieldset.question').nth(2)).toBeFocused();
  await nextPage(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  watch.check();
});
