// Workshops: three raters answer on one device in turns, the facilitator reconciles the
// questions they disagree on at the projector, and the consensus flows into results and
// plan while the exports hold no rater's own answers.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { shot, guard, storage, startAssessment } from './helpers.mjs';

// Radio index per rater and question: odd questions everyone says level 3; even ones
// two raters say 2 and the third says 5 (AD = 1.33 > 0.83: flagged).
const LEVEL = { A: (n) => (n % 2 ? 2 : 1), B: (n) => (n % 2 ? 2 : 1), C: (n) => (n % 2 ? 2 : 4) };

async function takeTurn(page, label) {
  await page.getByTestId('raters').locator('li').filter({ has: page.getByRole('heading', { name: label, exact: true }) }).getByRole('link', { name: 'Inizia il turno' }).click();
  await expect(page.locator('main')).toContainText(`Turno di ${label}`);
  let n = 0;
  for (let s = 0; s < 5; s++) {
    // Hidden from the next: a new rater's turn starts with nothing checked.
    expect(await page.locator('fieldset.question input[type=radio]:checked').count()).toBe(0);
    for (const f of await page.locator('fieldset.question').all()) {
      await f.locator('input[type=radio]').nth(LEVEL[label](n++)).check();
    }
    if (s < 4) {
      const before = await page.locator('main h1').innerText();
      await page.locator('a[rel=next]').click();
      await page.waitForFunction((b) => document.querySelector('main h1')?.innerText !== b, before);
    }
  }
  if (label === 'A') await shot(page, '80-rater-turn');
  await page.getByRole('button', { name: 'Ho finito: passo il dispositivo' }).click();
  await expect(page.locator('main h1')).toHaveText('Workshop');
  return n;
}

test('three raters in turns, consensus at the projector, exports without individual answers', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  await startAssessment(page);
  const id = page.url().match(/#\/a\/([^/]+)/)[1];
  await page.getByRole('link', { name: 'Conducetela come workshop' }).click();
  await page.getByRole('button', { name: 'Trasforma questa autovalutazione in workshop' }).click();
  for (const label of ['A', 'B', 'C']) {
    await page.getByLabel('Etichetta del valutatore').fill(label);
    await page.getByRole('button', { name: 'Aggiungi valutatore' }).click();
  }
  let questions = 0;
  for (const label of ['A', 'B', 'C']) questions = await takeTurn(page, label);
  await expect(page.getByTestId('raters')).toContainText(`${questions} di ${questions} risposte`);

  // The agreement: the even questions are flagged, never who answered what.
  await page.getByText('Accordo e consenso (per il facilitatore)').click();
  const flaggedRows = page.locator('[data-testid=agreement-table] tr.flagged');
  await expect(flaggedRows).toHaveCount(Math.ceil(questions / 2));
  await expect(page.getByTestId('agreement-table')).not.toContainText(/\bA\b.*\bB\b/);
  await expect(flaggedRows.first()).toContainText('2: 2 · 3: 0 · 4: 0 · 5: 1');
  await expect(flaggedRows.first()).toContainText('1,33');
  await shot(page, '81-agreement');
  await page.getByRole('button', { name: 'Prendi la mediana dove i valutatori concordano' }).click();
  await expect(page.locator('[role=status]').filter({ hasText: 'prendono come consenso' })).toContainText(`${Math.floor(questions / 2)} domande`);

  // The projector: each flagged question, the group agrees level 3.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('link', { name: 'Discuti al proiettore' }).click();
  await expect(page.locator('.projector-count')).toHaveText(`Domanda 1 di ${Math.ceil(questions / 2)}`);
  await shot(page, '82-projector');
  await page.screenshot({ path: 'target/screenshots/82-projector-viewport.png' });
  for (let k = 0; k < Math.ceil(questions / 2); k++) {
    await page.locator('.projector-level input[type=radio]').nth(2).check();
    if (k === 0) await page.getByLabel('Nota di dissenso (facoltativa)').fill('C vede più avanti la strategia');
    await page.getByRole('button', { name: 'Registra e prosegui' }).click();
  }
  await expect(page.getByRole('status')).toContainText('Ogni domanda mostrata ha un consenso');
  await page.setViewportSize({ width: 1100, height: 900 });

  // Results and plan from the consensus, with the spread across raters.
  await page.goto(`./#/a/${id}/results`);
  await expect(page.getByTestId('overall-score')).toHaveText(/50 \/ 100/);
  await expect(page.getByTestId('team-raters')).toContainText('Consenso di 3 valutatori');
  await shot(page, '83-results-spread');
  await page.getByRole('link', { name: "Al piano d'azione" }).click();
  await page.getByRole('button', { name: "Proponi il piano d'azione" }).click();
  await expect(page.locator('li.plan-item').first()).toBeVisible();

  // Exports: the assessment file holds the consensus and the raters' labels only.
  await page.goto('./');
  const card = page.locator('li.card').first();
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Esporta (JSON)' }).click()]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8')).assessment;
  expect(Object.keys(file.answers).length).toBe(questions);
  expect(file.team.raters.map((r) => r.label)).toEqual(['A', 'B', 'C']);
  for (const r of file.team.raters) expect(r.answers).toEqual({});
  expect(file.team.consensus[Object.keys(file.team.consensus)[0]].dissent).toBeDefined();
  // The raw team file only on purpose, after a question.
  await page.goto(`./#/a/${id}/team`);
  await page.getByText('Accordo e consenso (per il facilitatore)').click();
  await page.getByRole('button', { name: 'File grezzo del team (risposte di ciascun valutatore)' }).click();
  const [raw] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Sì' }).click()]);
  const team = JSON.parse(fs.readFileSync(await raw.path(), 'utf8')).assessment.team;
  expect(Object.keys(team.raters[2].answers).length).toBe(questions);
  // The stored record keeps every rater's own answers beside the consensus.
  const stored = JSON.parse((await storage(page))[`faro.assessment.${id}`]).data;
  expect(Object.keys(stored.team.raters[0].answers).length).toBe(questions);
  watch.check();
});

test('left unattended, a kiosk form asks, counts down and gives the next person a fresh form', async ({ page }) => {
  await page.clock.install();
  await page.goto('./#/staff');
  await page.locator('#idle-seconds').fill('60');
  await page.locator('#idle-seconds').dispatchEvent('change');
  await page.locator('#idle-keep').selectOption('discard');
  await page.locator('#kiosk-label').fill('Workshop');
  await page.locator('#kiosk-new-code').fill('2468');
  await page.getByRole('button', { name: 'Avvia la sessione' }).click();
  await page.locator('#sp-member_type').selectOption('company_small');
  const first = page.url();
  const responses = async () => Object.keys(await storage(page)).filter((k) => k.startsWith('faro.response.')).length;
  expect(await responses()).toBe(1);

  // A minute with no touch: the question, with its countdown (a third of the time: 20 s).
  await page.clock.runFor(61_000);
  const dialog = page.getByRole('alertdialog', { name: "C'è ancora qualcuno?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/Tra (20|19|18) secondi/);
  await shot(page, '87-still-there');
  // Someone answers: the form stays as it was.
  await dialog.getByRole('button', { name: 'Sono ancora qui' }).click();
  await expect(dialog).toHaveCount(0);
  expect(page.url()).toBe(first);
  await expect(page.locator('#sp-member_type')).toHaveValue('company_small');

  // Nobody: the form closes, the answers are discarded (as staff set) and a fresh one opens.
  await page.clock.runFor(61_000 + 21_000);
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => page.url()).not.toBe(first);
  await expect(page.locator('#sp-member_type')).toHaveValue('');
  expect(await responses()).toBe(1);
});
