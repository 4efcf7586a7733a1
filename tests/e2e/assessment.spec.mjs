// The self-assessment, end to end, as a company takes it: keyboard only, in Italian,
// with a reload in the middle, a language switch, results, export, import into a fresh
// browser profile, and a corrupt import that changes nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { shot, guard, tabTo, checkedRadios, inkedPixels, storage } from './helpers.mjs';

/** The level chosen for the n-th question (0 = "don't know"): varied, deterministic. */
const levelFor = (n) => (n % 9 === 4 ? 0 : 1 + ((n * 7) % 5));

/** Answers every question of the current page with the keyboard only. */
async function answerPage(page, counter) {
  const names = await page.$$eval('fieldset.question', (fs) => fs.map((f) => f.id.slice(2)));
  for (const name of names) {
    await tabTo(page, (n) => document.activeElement?.name === n, name);
    await page.keyboard.press('Space');
    const level = levelFor(counter.n++);
    if (level === 0) await page.keyboard.press('ArrowUp');
    for (let i = 1; i < level; i++) await page.keyboard.press('ArrowDown');
  }
  return names.length;
}

/** Follows the "next" link of the pager with the keyboard. */
async function next(page) {
  const before = await page.locator('main h1').innerText();
  await tabTo(page, () => document.activeElement?.getAttribute('rel') === 'next');
  await page.keyboard.press('Enter');
  await page.waitForFunction((b) => document.querySelector('main h1')?.innerText !== b, before);
}

test('a company completes the assessment with the keyboard, reloads, switches language, exports and re-imports', async ({ page, browser, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('innovazione');
  await shot(page, '01-home');

  // Start, keyboard only.
  await tabTo(page, () => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Inizia una nuova'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Profilo dell'azienda");

  // Profile: every select gets its second real option via the arrow keys.
  const selects = await page.$$eval('select', (s) => s.map((x) => x.id));
  for (const id of selects) {
    await tabTo(page, (i) => document.activeElement?.id === i, id);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
  }
  await shot(page, '02-profile');
  await next(page);

  const counter = { n: 0 };
  let answered = 0;
  for (let section = 1; section <= 5; section++) {
    await expect(page).toHaveURL(new RegExp(`/s/${section}$`));
    answered += await answerPage(page, counter);
    if (section === 1) await shot(page, '03-section-1');
    if (section === 2) {
      // A reload in the middle loses nothing and comes back to the same page.
      const before = await checkedRadios(page);
      const url = page.url();
      await page.reload();
      await expect(page.locator('fieldset.question').first()).toBeVisible();
      expect(page.url()).toBe(url);
      expect(await checkedRadios(page)).toEqual(before);
      await expect(page.locator('.progress')).toContainText(`${answered} su 54`);
    }
    await next(page);
  }
  expect(answered).toBe(54);

  // Review: nothing missing, results open.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Riepilogo');
  await expect(page.getByText('Avete risposto a tutte le domande.')).toBeVisible();
  await shot(page, '04-review');

  // Switch to English with the keyboard; answers and progress stay.
  await tabTo(page, () => document.activeElement?.getAttribute('lang') === 'en' && document.activeElement.tagName === 'BUTTON');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await tabTo(page, () => document.activeElement?.tagName === 'A' && document.activeElement.textContent.includes('See the results'));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');
  await expect(page.getByText('Self-assessment, not validated by a third party.')).toBeVisible();
  const overall = await page.getByTestId('overall-score').innerText();
  expect(overall).toMatch(/^\d+/);
  const table = await page.locator('table.scores tbody').innerText();
  await page.waitForTimeout(200);
  expect(await inkedPixels(page, '[data-testid=radar]')).toBeGreaterThan(5000);
  expect(await inkedPixels(page, '[data-testid=subdimension-bars]')).toBeGreaterThan(5000);
  await shot(page, '05-results-en');

  // The choice of language is remembered.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Results');

  // Export the JSON file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Self-assessment (JSON)' }).click(),
  ]);
  const file = test.info().outputPath('assessment.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.format).toBe('faro-assessment');
  expect(exported.schema).toBe(1);
  expect(Object.keys(exported.assessment.answers)).toHaveLength(54);
  watch.check();

  // A fresh browser profile imports it and sees identical scores.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const watch2 = guard(other, baseURL);
  await other.goto('./');
  await expect(other.getByText('Nessuna autovalutazione salvata su questo dispositivo.')).toBeVisible();
  await other.locator('#import-assessment').setInputFiles(file);
  await expect(other.locator('.notice')).toContainText('Importata');
  await other.getByRole('link', { name: 'Risultati' }).click();
  await expect(other.getByTestId('overall-score')).toHaveText(overall);
  await other.getByRole('button', { name: /^EN\b/ }).click();
  await expect.poll(() => other.locator('table.scores tbody').innerText()).toBe(table);
  await shot(other, '06-results-imported');

  // A corrupt file gets a located error and changes nothing stored.
  await other.goto('./#/');
  const before = await storage(other);
  const corrupt = test.info().outputPath('corrupt.json');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(corrupt, text.slice(0, Math.floor(text.length / 2)));
  await other.locator('#import-assessment').setInputFiles(corrupt);
  const error = other.getByRole('alert');
  await expect(error).toContainText('corrupt.json');
  await expect(error).toContainText('cut short');
  await expect(error).toContainText('Nothing already stored was changed.');
  expect(await storage(other)).toEqual(before);
  await shot(other, '07-import-error');
  watch2.check();
  await fresh.close();
});
