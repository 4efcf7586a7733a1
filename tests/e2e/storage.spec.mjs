// Storage that survives: a full or disabled storage keeps the app working in memory
// with a one-click rescue export; backup and restore round-trip and never overwrite;
// local storage holds 500 survey responses and several assessments with plans.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { shot, guard, answerVisible, nextPage, storage } from './helpers.mjs';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/v1');

test('a full storage is reported, the app keeps working, and everything can be exported', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('faro.test.full', '1'));
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'è pieno' });
  await expect(banner).toBeVisible();
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  await page.locator('#assessment-name').fill('Solo in memoria');
  await page.locator('#p-size_class').selectOption('small');
  await nextPage(page);
  await answerVisible(page, () => 3);
  await expect(page.locator('.progress')).toContainText('10 su 54');
  await shot(page, '40-storage-full');
  const [d] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Esporta tutto' }).click()]);
  const backup = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
  expect(backup.format).toBe('faro-backup');
  const saved = Object.entries(backup.records).find(([k]) => k.startsWith('faro.assessment.'));
  expect(saved[1].data.name).toBe('Solo in memoria');
  expect(Object.keys(saved[1].data.answers)).toHaveLength(10);
  // Nothing of it reached the real storage, as the banner said.
  expect(Object.keys(await storage(page)).filter((k) => k.startsWith('faro.assessment.'))).toHaveLength(0);
  // The results are in the full app: the page changes hands, and what lived only in
  // memory goes along, banner and export included.
  await page.evaluate(() => { location.hash = location.hash.replace(/\/s\/\d+$/, '/results'); });
  await expect(page.locator('main h1')).toHaveText('Risultati');
  await expect(page.getByText('Per vedere i risultati rispondete prima alle domande obbligatorie.')).toBeVisible();
  await expect(banner).toBeVisible();
  const [again] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Esporta tutto' }).click()]);
  const kept = Object.entries(JSON.parse(fs.readFileSync(await again.path(), 'utf8')).records).find(([k]) => k.startsWith('faro.assessment.'));
  expect(Object.keys(kept[1].data.answers)).toHaveLength(10);
  watch.check();
});

test('storage switched off: the app says so and still works', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('disabled', 'SecurityError'); } });
  });
  const page = await context.newPage();
  await page.goto(baseURL);
  await expect(page.getByRole('alert').filter({ hasText: 'non consente di salvare' })).toBeVisible();
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  await expect(page.locator('main h1')).toHaveText("Profilo dell'azienda");
  await context.close();
});

test('backup and restore round-trip, merge by id, and never overwrite', async ({ page, browser, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./');
  await page.locator('#import-assessment').setInputFiles(path.join(FIXTURES, 'assessment.json'));
  await expect(page.locator('.notice')).toContainText('Importata');
  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(path.join(FIXTURES, 'responses.json'));
  await expect(page.getByTestId('import-report')).toContainText('12 importate');
  await page.goto('./#/');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica una copia di sicurezza' }).click()]);
  const file = test.info().outputPath('backup.json');
  await d.saveAs(file);
  const records = Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).records);
  expect(records.filter((k) => k.startsWith('faro.response.'))).toHaveLength(12);

  const other = await (await browser.newContext()).newPage();
  await other.goto(baseURL);
  await other.locator('#restore-backup').setInputFiles(file);
  await expect(other.locator('.data-tools .ok')).toContainText(`${records.length} elementi aggiunti, 0 già presenti`);
  await expect(other.locator('.card h3')).toHaveText('Fixture 1');
  await other.locator('#restore-backup').setInputFiles(file);
  await expect(other.locator('.data-tools .ok')).toContainText(`0 elementi aggiunti, ${records.length} già presenti`);
  // The same assessment changed elsewhere: kept side by side as a copy, never overwritten.
  const changed = JSON.parse(fs.readFileSync(file, 'utf8'));
  const key = Object.keys(changed.records).find((k) => k.startsWith('faro.assessment.'));
  changed.records[key].data.name = 'Fixture 1';
  changed.records[key].data.importance = { strategy: 'high' };
  const changedFile = test.info().outputPath('changed.json');
  fs.writeFileSync(changedFile, JSON.stringify(changed));
  await other.locator('#restore-backup').setInputFiles(changedFile);
  await expect(other.locator('.data-tools .ok')).toContainText('1 aggiunti come copia');
  await expect(other.locator('.card h3')).toHaveText(['Fixture 1', 'Fixture 1 (2)']);
  // The fixture of the released backup format restores too.
  const third = await (await browser.newContext()).newPage();
  await third.goto(baseURL);
  await third.locator('#restore-backup').setInputFiles(path.join(FIXTURES, 'backup.json'));
  await expect(third.locator('.data-tools .ok')).toContainText('3 elementi aggiunti');
  await expect(third.locator('html')).toHaveAttribute('lang', 'it');
  watch.check();
});

test('local storage holds 500 survey responses and a dozen assessments with plans', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  // 500 responses: the fixture's rows repeated with new ids.
  const csv = fs.readFileSync(path.join(FIXTURES, 'responses.csv'), 'utf8').trim().split('\n');
  const rows = [csv[0]];
  for (let i = 0; i < 500; i++) {
    const row = csv[1 + (i % (csv.length - 1))].split(';');
    row[0] = `cap-${i}`;
    rows.push(row.join(';'));
  }
  const big = test.info().outputPath('500.csv');
  fs.writeFileSync(big, rows.join('\n'));
  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(big);
  await expect(page.getByTestId('import-report')).toContainText('500 importate');
  // Twelve assessments, each with a plan.
  const base = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'assessment.json'), 'utf8'));
  const files = [];
  for (let i = 0; i < 12; i++) {
    const a = structuredClone(base);
    a.assessment.id = `capacity-${i}`;
    a.assessment.name = `Capacità ${i}`;
    const f = test.info().outputPath(`a${i}.json`);
    fs.writeFileSync(f, JSON.stringify(a));
    files.push(f);
  }
  await page.goto('./#/');
  await page.locator('#import-assessment').setInputFiles(files);
  await expect(page.locator('.card')).toHaveCount(12);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const bytes = await page.evaluate(() => {
    let n = 0;
    for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); n += 2 * (k.length + localStorage.getItem(k).length); }
    return n;
  });
  console.log(`local storage used by 500 responses + 12 assessments with plans: ${(bytes / 1024 / 1024).toFixed(2)} MB (UTF-16)`);
  expect(bytes).toBeLessThan(5 * 1024 * 1024);
  await expect(page.getByTestId('persistence')).toContainText('MB');
  watch.check();
});

test('a file too large for storage is analysed in memory and counted in the dashboard', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  const csv = fs.readFileSync(path.join(FIXTURES, 'responses.csv'), 'utf8').trim().split('\n');
  const rows = [csv[0]];
  for (let i = 0; i < 10000; i++) {
    const row = csv[1 + (i % (csv.length - 1))].split(';');
    row[0] = `big-${i}`;
    rows.push(row.join(';'));
  }
  const big = test.info().outputPath('10000.csv');
  fs.writeFileSync(big, rows.join('\n'));
  expect(fs.statSync(big).size).toBeGreaterThan(2 * 1024 * 1024);
  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(big);
  await expect(page.getByTestId('import-report')).toContainText('10000 importate');
  await expect(page.locator('.notice')).toContainText('analizzate in memoria');
  // Importing it again finds every response already there.
  await page.locator('#import-responses').setInputFiles(big);
  await expect(page.getByTestId('import-report')).toContainText('0 importate, 10000 già presenti');
  await page.getByRole('link', { name: 'Cruscotto' }).click();
  await expect(page.getByTestId('survey-headline')).toContainText('10000 risposte');
  expect(Object.keys(await storage(page)).filter((k) => k.startsWith('faro.response.'))).toHaveLength(0);
  watch.check();
});
