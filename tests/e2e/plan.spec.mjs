// Benchmark comparison, the Action Plan editor, every export, the printed report, and
// staff building a benchmark from many assessment files.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { shot, guard, answerVisible, nextPage, colourPixels, pdfText } from './helpers.mjs';

/** Completes a new assessment with the mouse: small manufacturing company, varied levels. */
async function completeAssessment(page, levelOf) {
  await page.goto('./#/');
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  await page.locator('#p-size_class').selectOption('small');
  await page.locator('#p-nace_section').selectOption('C');
  await page.locator('#p-competence_area').selectOption('sustainable_manufacturing');
  await page.locator('#p-age_class').selectOption('y10_24');
  await page.locator('#p-region').selectOption('lombardia');
  await page.locator('#p-rd_intensity').selectOption('p1_3');
  await page.locator('#p-revenue_growth').selectOption('g2_10');
  await page.locator('#p-new_offer_share').selectOption('s11_25');
  await nextPage(page);
  let n = 0;
  for (let s = 0; s < 5; s++) {
    await answerVisible(page, () => levelOf(n++));
    await nextPage(page);
  }
  await page.getByRole('link', { name: 'Vedi i risultati' }).click();
  await expect(page.getByTestId('overall-score')).toBeVisible();
}

async function download(page, action, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = test.info().outputPath(name);
  await d.saveAs(file);
  return file;
}

test('a company compares itself with its peers, edits its plan, exports it and prints the report', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await completeAssessment(page, (n) => [0, 1, 1, 2, 3][n % 5]);

  // The comparison: provenance always visible, the company's own group by default.
  await expect(page.getByTestId('provenance')).toContainText('Insieme di riferimento simulato');
  await expect(page.getByTestId('provenance')).toContainText('2000');
  const group = page.locator('#peer-group');
  await expect(group).toHaveValue('size=small&sector=C');
  // Another group can be picked; the table follows.
  await group.selectOption('size=small');
  await expect(group).toHaveValue('size=small');
  await page.waitForTimeout(300);
  // Three polygons: the company (blue), the peer average (amber), the champions (green).
  expect(await colourPixels(page, '[data-testid=radar]', [0x0b, 0x5c, 0xad])).toBeGreaterThan(300);
  expect(await colourPixels(page, '[data-testid=radar]', [0xb3, 0x5c, 0x00])).toBeGreaterThan(300);
  expect(await colourPixels(page, '[data-testid=radar]', [0x1e, 0x7a, 0x3c])).toBeGreaterThan(150);
  await expect(page.locator('table.comparison tbody tr')).toHaveCount(6);
  await expect(page.locator('table.comparison tbody tr').first()).toContainText('°');
  await shot(page, '10-results-benchmark');

  // The plan: propose, drop one, add one, set owner and dates.
  await page.getByRole('link', { name: "Al piano d'azione" }).click();
  await page.getByRole('button', { name: "Proponi il piano d'azione" }).click();
  const items = page.locator('li.plan-item');
  await expect(items.first()).toBeVisible();
  const proposed = await items.count();
  expect(proposed).toBeGreaterThanOrEqual(6);
  expect(proposed).toBeLessThanOrEqual(8);
  await expect(page.locator('.plan-summary')).toContainText('risultati rapidi');
  await expect(items.first().locator('.why')).toContainText('Priorità calcolata');
  const dropped = await items.nth(1).locator('h3').innerText();
  await items.nth(1).getByRole('button', { name: 'Scarta' }).click();
  await expect(items.nth(1)).toHaveClass(/dropped/);
  await page.locator('#own-title').fill('Nominare un responsabile ESG');
  await page.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(items).toHaveCount(proposed + 1);
  // A long word (a link) in a KPI must not widen the printed page.
  await items.last().getByLabel('Indicatore (KPI)').fill('https://intranet.esempio.it/qualita/indicatori/responsabilita-sociale-ambientale-2027');
  const first = items.first();
  const firstTitle = await first.locator('h3').innerText();
  await first.getByLabel('Responsabile').fill('Giulia Rossi');
  await first.getByLabel('Inizio').fill('2027-03-01');
  await first.getByLabel('Scadenza').fill('2027-06-30');
  await first.getByLabel('Stato').selectOption('OnTrack');
  await first.getByLabel('Obiettivo').fill('20 %');
  await shot(page, '11-plan-editor');

  // A reload finds the plan as it was left.
  await page.reload();
  await expect(items).toHaveCount(proposed + 1);
  await expect(items.first().getByLabel('Responsabile')).toHaveValue('Giulia Rossi');
  await expect(items.first().getByLabel('Scadenza')).toHaveValue('2027-06-30');
  await expect(items.first().getByLabel('Stato')).toHaveValue('OnTrack');
  await expect(items.nth(1)).toHaveClass(/dropped/);
  await expect(items.last().locator('h3')).toHaveText('Nominare un responsabile ESG');

  // Every export.
  const xlsx = await download(page, () => page.getByRole('button', { name: 'Excel (XLSX)' }).click(), 'report.xlsx');
  const bytes = fs.readFileSync(xlsx);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.length).toBeGreaterThan(5000);
  const scoresCsv = fs.readFileSync(await download(page, () => page.getByRole('button', { name: 'Punteggi (CSV)' }).click(), 'scores.csv'), 'utf8');
  expect(scoresCsv).toContain('Insieme di riferimento simulato');
  expect(scoresCsv).toContain('Area;Punteggio;Copertura %;Affidabile');
  const planCsv = fs.readFileSync(await download(page, () => page.getByRole('button', { name: 'Piano (CSV)', exact: true }).click(), 'plan.csv'), 'utf8');
  expect(planCsv).toContain('Giulia Rossi');
  expect(planCsv).toContain('Nominare un responsabile ESG');
  expect(planCsv).not.toContain(dropped);
  const md = fs.readFileSync(await download(page, () => page.getByRole('button', { name: 'Markdown' }).click(), 'report.md'), 'utf8');
  expect(md).toContain("## Piano d'azione");
  expect(md).toContain('Insieme di riferimento simulato');
  const assessment = JSON.parse(fs.readFileSync(await download(page, () => page.getByRole('button', { name: 'Autovalutazione (JSON)' }).click(), 'a.json'), 'utf8'));
  expect(assessment.assessment.plan.items.length).toBe(proposed + 1);
  const planFile = await download(page, () => page.getByRole('button', { name: 'Piano (JSON)', exact: true }).click(), 'plan.json');
  expect(JSON.parse(fs.readFileSync(planFile, 'utf8')).format).toBe('faro-plan');
  // The plan file re-imports: importing it into the same plan changes nothing.
  await page.locator('#import-plan').setInputFiles(planFile);
  await expect(page.locator('.notice')).toContainText(`0 azioni aggiunte, ${proposed + 1} già presenti`);

  // The printed report (Chromium's own print to PDF).
  await page.getByRole('link', { name: 'Rapporto da stampare (PDF)' }).first().click();
  await expect(page.locator('.report-head h1')).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, '12-report');
  await page.emulateMedia({ media: 'print' });
  // On an A4 page (182 mm between the margins, 688 CSS px) nothing is wider than the
  // page, long words included.
  await page.setViewportSize({ width: 688, height: 900 });
  await page.waitForTimeout(300);
  const overflow = await page.evaluate(() => [...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`));
  expect(overflow, 'wider than the printed page').toEqual([]);
  const pdf = test.info().outputPath('report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  for (const expected of ["RAPPORTO DI AUTOVALUTAZIONE", 'Indice complessivo di gestione', "Piano d'azione", 'Giulia Rossi', firstTitle.split(' ').slice(0, 2).join(' '),
    'non convalidata da terzi', 'Insieme di riferimento simulato', 'I vostri punti di forza']) {
    expect(text, expected).toContain(expected);
  }
  const overall = (await page.evaluate(() => document.querySelector('.report .big-number').innerText)).split('/')[0].trim();
  expect(text).toContain(overall);
  fs.copyFileSync(pdf, `${process.cwd()}/target/screenshots/12-report.pdf`);
  watch.check();
});

test('staff build a benchmark from 20 assessment files, 3 of them bad', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await completeAssessment(page, (n) => n % 5);
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Autovalutazione (JSON)' }).click()]);
  const base = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
  const dir = test.info().outputPath('inputs');
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  const sizes = ['micro', 'small', 'medium'];
  for (let i = 0; i < 17; i++) {
    const f = structuredClone(base);
    f.assessment.id = `company-${i}`;
    f.assessment.name = `Azienda ${i}`;
    f.assessment.profile.size_class = sizes[i % 3];
    for (const [k, v] of Object.entries(f.assessment.answers)) {
      if (v.value.level) v.value.level = 1 + ((i + k.length) % 5);
    }
    const file = `${dir}/company-${i}.json`;
    fs.writeFileSync(file, JSON.stringify(f));
    files.push(file);
  }
  fs.writeFileSync(`${dir}/broken.json`, '{"format": "faro-assessment", "schema": 1, "assess');
  const incomplete = structuredClone(base);
  incomplete.assessment.id = 'incomplete';
  incomplete.assessment.answers = {};
  fs.writeFileSync(`${dir}/incomplete.json`, JSON.stringify(incomplete));
  fs.copyFileSync(new URL('../../assets/benchmark/synthetic.json', import.meta.url), `${dir}/not-an-assessment.json`);
  files.push(`${dir}/broken.json`, `${dir}/incomplete.json`, `${dir}/not-an-assessment.json`);
  expect(files).toHaveLength(20);

  await page.goto('./#/staff/benchmark');
  await expect(page.getByTestId('active-benchmark')).toContainText('Insieme di riferimento simulato');
  await page.locator('#benchmark-inputs').setInputFiles(files);
  await expect(page.getByTestId('intake-summary')).toHaveText('17 accettati, 0 doppioni, 3 scartati.');
  const rejected = page.locator('table.intake td.bad');
  await expect(rejected).toHaveCount(3);
  await expect(page.locator('table.intake')).toContainText('broken.json');
  await expect(page.locator('table.intake')).toContainText('incomplete.json');
  await expect(page.locator('table.intake')).toContainText('not-an-assessment.json');
  await expect(page.locator('table.intake')).toContainText('faro-benchmark');
  await page.locator('#bench-name').fill('Soci LE2C 2027');
  await page.getByRole('button', { name: 'Costruisci il benchmark' }).click();
  const candidate = page.getByTestId('benchmark-candidate').first();
  await expect(candidate).toContainText('17 aziende');
  await shot(page, '13-benchmark-builder');
  const built = JSON.parse(fs.readFileSync(await (await Promise.all([page.waitForEvent('download'), candidate.getByRole('button', { name: 'Scarica il file' }).click()]))[0].path(), 'utf8'));
  expect(built.meta.total_n).toBe(17);
  expect(JSON.stringify(built)).not.toContain('company-1');
  expect(built.groups.every((g) => g.n >= 5)).toBe(true);
  await candidate.getByRole('button', { name: 'Rendi attivo su questo dispositivo' }).click();
  await expect(page.getByTestId('active-benchmark')).toContainText('Soci LE2C 2027');
  await expect(page.getByTestId('active-benchmark')).not.toContainText('simulato');
  watch.check();
});
