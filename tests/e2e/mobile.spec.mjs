// On a phone, as a member opening the link would (375 × 740): the first question of a
// section is on the first screen; results, plan, report and dashboard read without
// sideways scrolling (tables scroll inside their own box); charts are drawn at the size
// they are shown, so their labels keep their size. Screenshots: target/screenshots/6*.
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { SHOTS, shot, guard, answerVisible, nextPage, startAssessment } from './helpers.mjs';

test.use({ viewport: { width: 375, height: 740 } });

/** The page does not scroll sideways, and no canvas is scaled down from its drawing. */
async function fitsThePhone(page, name) {
  await page.waitForTimeout(300);
  const { scroll, inner, canvases } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
    canvases: [...document.querySelectorAll('canvas')].map((c) => ({ id: c.dataset.testid, drawn: c.width / 2, shown: c.getBoundingClientRect().width })),
  }));
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, .steps'))
    .slice(0, 8).map((e) => `${e.tagName.toLowerCase()}.${e.className} «${e.textContent.slice(0, 30)}» (${Math.round(e.getBoundingClientRect().right)} px)`));
  expect(scroll, `${name}: page wider than the phone: ${wide.join(', ')}`).toBeLessThanOrEqual(inner);
  for (const c of canvases) {
    expect(c.shown, `${name}: ${c.id} wider than the phone`).toBeLessThanOrEqual(inner);
    expect(Math.abs(c.drawn - c.shown), `${name}: ${c.id} drawn at ${c.drawn}px, shown at ${c.shown}px`).toBeLessThan(2);
  }
  await shot(page, name);
}

test('results, plan, report and dashboard read on a phone; a question shows on the first screen', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await startAssessment(page);
  await nextPage(page);
  // The first question of the section: its heading and first answer on the first screen.
  await page.screenshot({ path: path.join(SHOTS, '60-mobile-question-first-screen.png') });
  const first = page.locator('fieldset.question').first();
  const box = await first.locator('input[type=radio]').first().boundingBox();
  expect(box.y + box.height, 'first answer of the first question within the first screen').toBeLessThanOrEqual(740);
  await fitsThePhone(page, '60-mobile-question');
  let n = 0;
  for (let s = 0; s < 5; s++) {
    await answerVisible(page, () => [1, 2, 3, 2, 4][n++ % 5]);
    await nextPage(page);
  }
  await page.getByRole('link', { name: 'Vedi i risultati' }).click();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await expect(page.getByTestId('provenance')).toBeVisible();
  await fitsThePhone(page, '61-mobile-results');

  await page.getByRole('link', { name: "Al piano d'azione" }).click();
  await page.getByRole('button', { name: "Proponi il piano d'azione" }).click();
  await expect(page.locator('li.plan-item').first()).toBeVisible();
  await fitsThePhone(page, '62-mobile-plan');

  await page.goto(page.url().replace(/\/plan$/, '/report'));
  await expect(page.getByTestId('report-radar')).toBeVisible();
  await fitsThePhone(page, '63-mobile-report');

  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(path.join(import.meta.dirname, 'data/responses-400.csv'));
  await expect(page.getByTestId('import-report')).toContainText('400 importate');
  await fitsThePhone(page, '64-mobile-staff');
  await page.goto('./#/staff/dashboard');
  await expect(page.getByTestId('survey-headline')).toContainText('400 risposte');
  await fitsThePhone(page, '65-mobile-dashboard');
  watch.check();
});
