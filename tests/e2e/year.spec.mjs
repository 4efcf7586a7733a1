// A cluster's year: a company follows up its plan and sees its progress next year;
// staff import members' share files and read the service demand; staff load earlier
// survey years, record "you said, we did" and print the evidence pack.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { shot, guard, answerVisible, nextPage, pdfText, startAssessment } from './helpers.mjs';

const DATA = path.join(import.meta.dirname, 'data');

async function answerAll(page, levelOf) {
  let n = 0;
  for (let s = 0; s < 5; s++) {
    await answerVisible(page, () => levelOf(n++));
    await nextPage(page);
  }
}

test('a company follows up its plan, starts next year and sees its progress', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await startAssessment(page);
  await nextPage(page);
  await answerAll(page, (n) => [0, 1, 1, 2][n % 4]);
  await page.getByRole('link', { name: 'Vedi i risultati' }).click();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await expect(page.getByTestId('clauses')).toContainText('5. Leadership');
  await page.getByRole('link', { name: "Al piano d'azione" }).click();
  await page.getByRole('button', { name: "Proponi il piano d'azione" }).click();
  const items = page.locator('li.plan-item');
  await expect(items.first()).toBeVisible();
  const finished = await items.first().locator('h3').innerText();
  await items.first().getByLabel('Stato').selectOption('Done');

  // Next year, starting from this year's answers.
  await page.goBack();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await page.getByLabel('Parti dalle risposte di questa autovalutazione').check();
  await page.getByRole('button', { name: "Inizia l'autovalutazione dell'anno prossimo" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Profilo dell'azienda");
  await expect(page.locator('#p-size_class')).toHaveValue('small');
  await nextPage(page);
  await expect(page.getByTestId('carried').first()).toContainText("Risposta riportata dall'anno scorso");
  await shot(page, '70-carried-answers');
  // The company improves its strategy a lot, the rest it confirms as it was.
  for (let s = 0; s < 5; s++) {
    for (const fieldset of await page.locator('fieldset.question').all()) {
      if (s === 0) await fieldset.locator('input[type=radio]').nth(4).check();
    }
    // One answer confirmed on its own, the rest of the page at once.
    if (s === 1) await page.getByRole('button', { name: 'Conferma', exact: true }).first().click();
    const all = page.getByRole('button', { name: 'Conferma tutte le risposte riportate di questa pagina' });
    if (await all.count()) await all.click();
    await expect(page.getByTestId('carried')).toHaveCount(0);
    await nextPage(page);
  }
  await expect(page.getByTestId('carried-count')).toHaveCount(0);
  await page.getByRole('link', { name: 'Vedi i risultati' }).click();
  const table = page.getByTestId('progress-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tr', { hasText: "Strategia dell'innovazione" }).first()).toContainText('variazione reale');
  await expect(table.locator('tr', { hasText: 'Fattori abilitanti' }).first()).toContainText('entro una risposta');
  await page.waitForTimeout(300);
  await shot(page, '71-progress');

  // Last year's plan, reviewed; the new proposal leaves out what was finished.
  await page.getByRole('link', { name: "Al piano d'azione" }).click();
  const review = page.getByTestId('last-year-plan');
  await expect(review).toContainText(finished);
  await review.getByLabel('Valore raggiunto').first().fill('12 interviste');
  await review.getByLabel('Valore raggiunto').first().blur();
  await page.getByRole('button', { name: "Proponi il piano d'azione" }).click();
  await expect(page.locator('li.plan-item').first()).toBeVisible();
  const proposed = await page.locator('li.plan-item:not(.reviewed) h3').allInnerTexts();
  expect(proposed).not.toContain(finished);
  await shot(page, '72-plan-follow-up');
  watch.check();
});

test('staff import members\' shared plans from two years and read the service demand', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./#/staff/members');
  const files = fs.readdirSync(path.join(DATA, 'shares')).map((f) => path.join(DATA, 'shares', f));
  expect(files).toHaveLength(12);
  await page.locator('#import-shares').setInputFiles(files);
  const report = page.getByTestId('share-report');
  const rows = report.locator(':scope > li');
  await expect(rows).toHaveCount(12);
  await expect(rows.filter({ hasText: ': importato' })).toHaveCount(9);
  await expect(rows.filter({ hasText: 'già presente' })).toHaveCount(1);
  await expect(report.locator(':scope > li.bad')).toHaveCount(2);
  await expect(rows.filter({ hasText: '11-no-consent.json' })).toContainText('consenso');
  await expect(page.getByTestId('shares-stored')).toContainText('9 autovalutazioni condivise');
  // The demand: six members (each counted once, its latest year).
  const demand = page.getByTestId('demand-0');
  await expect(demand).toContainText('Valutazione della capacità di innovazione');
  await expect(demand.locator('p, caption').first()).toBeVisible();
  await expect(page.getByText('Calcolato su 6 autovalutazioni condivise').first()).toBeVisible();
  // By size: 3 small and 3 medium, each under five: both hidden.
  await expect(page.getByTestId('demand-1')).toContainText('meno di 5');
  await page.locator('#members-year').selectOption('2026');
  await expect(page.getByTestId('demand-too-few')).toBeVisible();
  await page.locator('#members-year').selectOption('');
  await expect(page.getByTestId('members-bench-used')).toContainText('Usate 6');
  await page.getByRole('button', { name: 'Costruisci il benchmark degli associati' }).click();
  await expect(page.getByTestId('benchmark-candidate')).toContainText('6 aziende');
  await shot(page, '73-service-demand');
  watch.check();
});

test('staff load three years of the survey, record what they did, and print the evidence pack', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(path.join(DATA, 'responses-400.csv'));
  await expect(page.getByTestId('import-report')).toContainText('400 importate');
  await page.locator('#members').fill('600');
  await page.goto('./#/staff/dashboard');
  await page.locator('#last-year').setInputFiles([path.join(DATA, 'results-2025.json'), path.join(DATA, 'results-2026.json')]);
  await expect(page.getByTestId('loaded-years')).toContainText('2025');
  await expect(page.getByTestId('yoy')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quest\'anno rispetto al 2026' })).toBeVisible();
  const commitment = page.getByTestId('commitment').first();
  await expect(commitment).toBeVisible();
  await commitment.getByLabel('Cosa faremo / abbiamo fatto').fill('Due incontri in più nel 2027');
  await commitment.getByLabel('Responsabile').fill('Direzione');
  await commitment.getByLabel('Responsabile').blur();
  await page.waitForTimeout(300);
  await shot(page, '74-dashboard-years');

  await page.goto('./#/staff/evidence');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dossier di evidenze');
  await expect(page.getByTestId('evidence-0')).toContainText('Tasso di risposta');
  await page.waitForTimeout(300);
  await shot(page, '75-evidence-pack');
  await page.emulateMedia({ media: 'print' });
  const pdf = test.info().outputPath('evidence.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  for (const expected of ['Dossier di evidenze', 'Metodo', 'Periodo di raccolta', 'Tasso di risposta', 'Andamento negli anni', '2025', '2026',
    'Ci avete detto, abbiamo fatto', 'Sportello bandi', 'Due incontri in', 'Riservatezza', 'Limiti']) {
    expect(text, expected).toContain(expected);
  }
  fs.copyFileSync(pdf, `${process.cwd()}/target/screenshots/76-evidence-pack.pdf`);
  watch.check();
});
