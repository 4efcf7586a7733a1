// An app that never dies and never runs what it is given: the panic boundary, hostile
// text everywhere users and files can put it, and accessibility checked by axe-core on
// every page and dialog.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { shot, guard, answerVisible, nextPage, upgradedFixture } from './helpers.mjs';

const AXE = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/v1');

// Each payload sets window.__xss if it ever runs.
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  'javascript:window.__xss=1',
  '"><iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<math><mtext><img src=x onerror="window.__xss=1"></mtext></math>',
  "'; window.__xss=1; //",
];

async function noScriptRan(page) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('main img, main iframe, main script, main a[href^="javascript"]').count()).toBe(0);
}

test('a panic shows the rescue screen, exports everything and reloads to the same data', async ({ page, baseURL }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('faro.test.panic-trigger', '1'));
  await page.reload();
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  await page.locator('#assessment-name').fill('Prima del guasto');
  await page.getByRole('button', { name: 'Provoke a panic (test)' }).click();
  const rescue = page.getByRole('alertdialog');
  await expect(rescue).toContainText('Si è verificato un errore');
  await expect(rescue).toContainText('panic provoked by the browser test');
  await shot(page, '50-rescue');
  const [d] = await Promise.all([page.waitForEvent('download'), rescue.getByRole('button', { name: 'Esporta i miei dati' }).click()]);
  const backup = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
  expect(backup.format).toBe('faro-backup');
  expect(JSON.stringify(backup.records)).toContain('Prima del guasto');
  await rescue.getByRole('button', { name: 'Ricarica' }).click();
  await expect(page.locator('#assessment-name')).toHaveValue('Prima del guasto');
  expect(errors.some((e) => e.includes('unreachable'))).toBe(true);
});

test('hostile text in answers, names, files and file names is shown as text and never runs', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const dir = test.info().outputPath('files');
  fs.mkdirSync(dir, { recursive: true });

  // An assessment named with a payload, plan actions written with payloads.
  const base = upgradedFixture(FIXTURES);
  base.assessment.name = PAYLOADS[1];
  base.assessment.plan.items[0].title = PAYLOADS[0];
  base.assessment.plan.items[0].owner = PAYLOADS[2];
  base.assessment.plan.items[0].kpi = PAYLOADS[3];
  const named = path.join(dir, 'assessment.json');
  fs.writeFileSync(named, JSON.stringify(base));
  await page.goto('./');
  await page.locator('#import-assessment').setInputFiles(named);
  await expect(page.locator('.card h3')).toHaveText(PAYLOADS[1]);
  // A file whose name is a payload, with broken content: the error names it as text.
  const evil = path.join(dir, `${PAYLOADS[1].replaceAll('/', '_')}.json`);
  fs.writeFileSync(evil, '{"format":');
  await page.locator('#import-assessment').setInputFiles(evil);
  await expect(page.getByRole('alert')).toContainText('<img src=x onerror=');
  await noScriptRan(page);

  await page.locator('.card h3 a').click();
  await page.goto(page.url().replace(/\/[^/]+$/, '/plan'));
  await expect(page.locator('li.plan-item h3').first()).toHaveText(PAYLOADS[0]);
  await page.locator('#own-title').fill(PAYLOADS[4]);
  await page.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(page.locator('li.plan-item h3').last()).toHaveText(PAYLOADS[4]);
  await page.getByRole('link', { name: 'Rapporto da stampare (PDF)' }).first().click();
  await expect(page.locator('.report')).toContainText(PAYLOADS[0]);
  await noScriptRan(page);

  // A benchmark file whose name is a payload.
  const bench = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'benchmark.json'), 'utf8'));
  bench.meta.name = { it: PAYLOADS[6], en: PAYLOADS[6] };
  const benchFile = path.join(dir, 'bench.json');
  fs.writeFileSync(benchFile, JSON.stringify(bench));
  await page.goto('./#/staff/benchmark');
  await page.locator('#benchmark-file').setInputFiles(benchFile);
  await expect(page.getByTestId('benchmark-candidate')).toContainText('<math><mtext>');
  await noScriptRan(page);

  // A question bank whose title is a payload, checked on the content page (TOML).
  const toml = `[bank]\nid = "evil"\nversion = "1.0.0"\nkind = "assessment"\nlanguages = ["it", "en"]\ntitle = { it = '${PAYLOADS[5]}', en = "x" }\n`;
  const bankFile = path.join(dir, 'evil.toml');
  fs.writeFileSync(bankFile, toml);
  await page.goto('./#/staff/content');
  await page.locator('#content-files').setInputFiles(bankFile);
  await expect(page.getByTestId('content-report')).toContainText('evil.toml');
  await expect(page.getByTestId('content-report')).toContainText('sections');
  await noScriptRan(page);

  // Survey comments with payloads, imported from a device file.
  const responses = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'responses.json'), 'utf8'));
  const col = responses.columns.indexOf('works_best');
  responses.responses.forEach((r, i) => { r.values[col] = PAYLOADS[i % PAYLOADS.length]; });
  const responsesFile = path.join(dir, 'responses.json');
  fs.writeFileSync(responsesFile, JSON.stringify(responses));
  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(responsesFile);
  await expect(page.getByTestId('import-report')).toContainText('12 importate');
  await page.goto('./#/staff/dashboard');
  for (const p of PAYLOADS) await expect(page.getByTestId('comments')).toContainText(p);
  await shot(page, '51-xss-comments');
  await noScriptRan(page);
  expect(dialogs).toEqual([]);
  watch.check();
});

/** Runs axe-core on the page (WCAG 2.1 A and AA) and returns the violations. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

test('axe-core finds no WCAG 2.1 AA violation on any page or dialog', async ({ browser, baseURL }) => {
  // axe is injected as a script, which the app's CSP rightly forbids: bypass it here only.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const results = {};
  const check = async (name) => {
    await page.waitForTimeout(150);
    results[name] = await axe(page);
  };
  await page.goto(baseURL);
  await check('home');
  // A complete assessment, so results, plan and report show every part.
  const complete = test.info().outputPath('assessment.json');
  fs.writeFileSync(complete, JSON.stringify(upgradedFixture(FIXTURES)));
  await page.locator('#import-assessment').setInputFiles(complete);
  await page.locator('.card').getByRole('button', { name: 'Elimina' }).click();
  await check('confirm dialog');
  await page.getByRole('button', { name: 'Annulla' }).click();
  // The safe answer takes the focus every time the question appears, not only the first.
  for (let i = 0; i < 2; i++) {
    await page.locator('.card').getByRole('button', { name: 'Elimina' }).click();
    await expect(page.getByRole('button', { name: 'Annulla' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await page.locator('.card h3 a').click();
  await check('questionnaire page');
  const id = page.url().match(/#\/a\/([^/]+)/)[1];
  for (const [name, route] of [['profile', 'profile'], ['section', 's/4'], ['review', 'review'], ['results', 'results'], ['plan', 'plan'], ['report', 'report']]) {
    await page.goto(`${baseURL}#/a/${id}/${route}`);
    await page.waitForTimeout(400);
    await check(name);
  }
  // The workshop: raters, a turn, the agreement, the projector; QR sending and receiving.
  await page.goto(`${baseURL}#/a/${id}/team`);
  await page.getByRole('button', { name: 'Trasforma questa autovalutazione in workshop' }).click();
  await page.getByLabel('Etichetta del valutatore').fill('Direzione');
  await page.getByRole('button', { name: 'Aggiungi valutatore' }).click();
  await check('workshop');
  await page.getByRole('button', { name: 'Invia con QR' }).click();
  await expect(page.locator('.qr-sender [role=status]')).toContainText('codic');
  await check('QR sender');
  await page.getByRole('link', { name: 'Inizia il turno' }).click();
  await page.locator('fieldset.question input[type=radio]').first().check();
  await check('rater turn');
  await page.getByRole('button', { name: 'Ho finito: passo il dispositivo' }).click();
  await page.getByText('Accordo e consenso (per il facilitatore)').click();
  await check('agreement');
  await page.getByRole('link', { name: 'Discuti al proiettore' }).click();
  await page.getByRole('button', { name: 'Tutte le domande' }).click();
  await check('projector');
  await page.goto(`${baseURL}#/receive`);
  await check('QR receiver');
  await page.goto(`${baseURL}#/privacy`);
  await check('privacy');
  await page.goto(`${baseURL}#/nowhere`);
  await check('not found');
  await page.goto(`${baseURL}#/staff`);
  await check('staff responses');
  // 400 responses, imported as staff would, so the dashboard shows every part.
  await page.locator('#import-responses').setInputFiles(path.join(import.meta.dirname, 'data/responses-400.csv'));
  await expect(page.getByTestId('import-report')).toContainText('400');
  await page.goto(`${baseURL}#/staff/benchmark`);
  await check('staff benchmark');
  await page.goto(`${baseURL}#/staff/content`);
  await check('staff content');
  await page.goto(`${baseURL}#/staff/dashboard`);
  await page.locator('#last-year').setInputFiles([path.join(import.meta.dirname, 'data/results-2025.json'), path.join(import.meta.dirname, 'data/results-2026.json')]);
  await expect(page.getByTestId('yoy')).toBeVisible();
  await check('dashboard');
  await page.goto(`${baseURL}#/staff/report`);
  await check('assembly report');
  await page.goto(`${baseURL}#/staff/evidence`);
  await check('evidence pack');
  await page.goto(`${baseURL}#/staff/members`);
  const shares = path.join(import.meta.dirname, 'data/shares');
  await page.locator('#import-shares').setInputFiles(fs.readdirSync(shares).map((f) => path.join(shares, f)));
  await expect(page.getByTestId('share-report')).toBeVisible();
  await check('members plans');
  await page.goto(`${baseURL}#/survey`);
  await check('survey home');
  await page.goto(`${baseURL}#/staff`);
  await page.locator('#kiosk-label').fill('A11y');
  await page.locator('#kiosk-new-code').fill('1234');
  await page.getByRole('button', { name: 'Avvia la sessione' }).click();
  await check('kiosk profile');
  await page.locator('#sp-member_type').selectOption('research');
  await page.locator('#sp-competence_area').selectOption('none');
  await page.locator('#sp-membership_years').selectOption('lt1');
  await page.locator('#sp-org_contact').selectOption('yes');
  await nextPage(page);
  await answerVisible(page, (id, kind) => (kind === 'text' ? null : 0));
  await check('kiosk section');
  await page.getByRole('button', { name: 'Termina la sessione (staff)' }).click();
  await check('kiosk exit dialog');
  await page.getByRole('button', { name: 'Annulla' }).click();
  await page.getByRole('button', { name: /^EN\b/ }).click();
  await check('kiosk section in English');
  // The rescue screen.
  await page.evaluate(() => window.faroRescue('test message'));
  await check('rescue screen');
  const failing = Object.fromEntries(Object.entries(results).filter(([, v]) => v.length));
  expect(failing, JSON.stringify(failing, null, 1)).toEqual({});
  await context.close();
});

// Issue 9, bug 3: a 20 MB file was called "empty" by the plan importer and the benchmark
// builder, where the size check was missing. Every picker now says it is too large,
// with its size and the limit, and changes nothing.
test('a file over a picker\'s limit is called too large, with both sizes, everywhere', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  const big = (mb, name) => ({ name, mimeType: 'application/json', buffer: Buffer.alloc(mb * 1024 * 1024, 0x20) });
  const tooLarge = (size, limit) => `troppo grande (${size}; limite ${limit})`;
  await page.goto('./#/');
  await page.locator('#import-assessment').setInputFiles(big(20, 'huge-assessment.json'));
  await expect(page.locator('.error-box')).toContainText(tooLarge('20,0 MB', '5,0 MB'));
  const complete = test.info().outputPath('assessment.json');
  fs.writeFileSync(complete, JSON.stringify(upgradedFixture(FIXTURES)));
  await page.locator('#import-assessment').setInputFiles(complete);
  await page.locator('.card h3 a').click();
  const id = page.url().match(/#\/a\/([^/]+)/)[1];
  await page.goto(`./#/a/${id}/plan`);
  await page.locator('#import-plan').setInputFiles(big(20, 'huge-plan.json'));
  await expect(page.locator('.error-box')).toContainText(tooLarge('20,0 MB', '5,0 MB'));
  await page.goto('./#/staff/benchmark');
  const fixture = { name: 'assessment.json', mimeType: 'application/json', buffer: fs.readFileSync(path.join(FIXTURES, 'assessment.json')) };
  await page.locator('#benchmark-inputs').setInputFiles([big(20, 'huge-input.json'), fixture]);
  await expect(page.locator('table.intake')).toContainText(tooLarge('20,0 MB', '5,0 MB'));
  await page.locator('#benchmark-file').setInputFiles(big(33, 'huge-benchmark.json'));
  await expect(page.locator('.error-box')).toContainText(tooLarge('33,0 MB', '32,0 MB'));
  await page.goto('./#/staff/content');
  await page.locator('#content-files').setInputFiles(big(20, 'huge-bank.toml'));
  await expect(page.getByTestId('content-report')).toContainText(tooLarge('20,0 MB', '8,0 MB'));
  await page.getByRole('button', { name: /^EN\b/ }).click();
  await page.locator('#content-files').setInputFiles(big(20, 'huge-bank.toml'));
  await expect(page.getByTestId('content-report')).toContainText('too large (20.0 MB; limit 8.0 MB)');
  watch.check();
});
