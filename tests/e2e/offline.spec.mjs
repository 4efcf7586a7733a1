// Offline everywhere: the installed app with the network off, a new version announced
// and applied without losing data, and the single HTML file opened from disk.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { shot, guard, answerVisible, nextPage, inkedPixels } from './helpers.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function completeAssessment(page) {
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  for (const [id, v] of [['size_class', 'medium'], ['nace_section', 'D'], ['competence_area', 'smart_energy'], ['age_class', 'y25plus'], ['region', 'lombardia'], ['revenue_growth', 'prefer_not'], ['new_offer_share', 's1_10']]) {
    await page.locator(`#p-${id}`).selectOption(v);
  }
  await nextPage(page);
  let n = 0;
  for (let s = 0; s < 5; s++) {
    await answerVisible(page, () => (n++ * 3) % 5);
    await nextPage(page);
  }
  await page.getByRole('link', { name: 'Vedi i risultati' }).click();
  await expect(page.getByTestId('overall-score')).toBeVisible();
}

async function kioskOneRespondent(page) {
  await page.goto(page.url().replace(/#.*$/, '#/staff'));
  await page.locator('#kiosk-label').fill('Offline');
  await page.locator('#kiosk-new-code').fill('9999');
  await page.getByRole('button', { name: 'Avvia la sessione' }).click();
  await page.locator('#sp-member_type').selectOption('research');
  await page.locator('#sp-competence_area').selectOption('none');
  await page.locator('#sp-membership_years').selectOption('lt1');
  await page.locator('#sp-org_contact').selectOption('yes');
  await nextPage(page);
  for (let s = 1; s <= 8; s++) {
    await answerVisible(page, (id, kind, count) => (id.endsWith('.used') ? 1 : kind === 'text' ? null : Math.min(2, count - 1)));
    await nextPage(page);
  }
  await page.getByRole('button', { name: 'Invia le risposte' }).click();
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 1');
  await page.getByRole('button', { name: 'Termina la sessione (staff)' }).click();
  await page.locator('#kiosk-code').fill('9999');
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByTestId('response-counts')).toContainText('1 risposte inviate');
}

test('the app works with the network off after one visit', async ({ page, context, baseURL }) => {
  const watch = guard(page, baseURL);
  await page.goto('./');
  await expect(page.locator('main h1')).toBeVisible();
  // Wait until the service worker has cached everything and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main h1')).toContainText('innovazione');
  await completeAssessment(page);
  await expect(page.getByTestId('provenance')).toContainText('Insieme di riferimento simulato');
  expect(await inkedPixels(page, '[data-testid=radar]')).toBeGreaterThan(5000);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (XLSX)' }).click()]);
  expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Autovalutazione (JSON)' }).click()]);
  expect(JSON.parse(fs.readFileSync(await json.path(), 'utf8')).format).toBe('faro-assessment');
  await kioskOneRespondent(page);
  await shot(page, '30-offline-staff');
  await context.setOffline(false);
  watch.check();
});

/** Serves a copy of dist/ on its own port, so the test can deploy a "new version". */
async function serveCopy(port) {
  const dir = fs.mkdtempSync('/tmp/faro-deploy-');
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { dir, stop: () => server.kill() };
}

test('a new deployment is announced, and reloading keeps every answer', async ({ page }) => {
  const port = 8190 + Math.floor(Math.random() * 50);
  const site = await serveCopy(port);
  try {
    const base = `http://127.0.0.1:${port}/`;
    const watch = guard(page, base);
    await page.goto(base);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
    await page.locator('#p-size_class').selectOption('micro');
    await page.locator('#assessment-name').fill('Prima del rilascio');
    // A first install is not an update: no banner yet.
    await expect(page.getByText('È disponibile una nuova versione di Faro')).toHaveCount(0);
    // Deploy a new version: any change to the files makes a new service worker.
    const sw = path.join(site.dir, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    // A real deployment lands later than the first visit. Python's server compares
    // modification times to the second and answers 304 to the browser's update check when
    // the copy and this write fall in the same second, so date the new file a minute on.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(sw, later, later);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByText('È disponibile una nuova versione di Faro')).toBeVisible({ timeout: 15000 });
    await shot(page, '31-update-banner');
    // The page reloads itself once the new worker has taken over; wait for that load,
    // not for the current page's (already reached) load state.
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Ricarica ora' }).click();
    await reloaded;
    await expect(page.locator('#assessment-name')).toHaveValue('Prima del rilascio');
    await expect(page.locator('#p-size_class')).toHaveValue('micro');
    expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('faro-')).length)).toBe(1);
    watch.check();
  } finally {
    site.stop();
  }
});

test('the single HTML file runs from disk with no server', async ({ page }) => {
  const file = path.join(ROOT, 'dist-single/faro.html');
  expect(fs.existsSync(file), 'make dist ran').toBe(true);
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) foreign.push(r.url()); });
  await page.goto(`file://${file}`);
  await expect(page.locator('main h1')).toContainText('innovazione');
  await completeAssessment(page);
  await expect(page.getByTestId('provenance')).toContainText('2000');
  // Autosave under file://: a reload finds the results again.
  await page.reload();
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await page.getByRole('link', { name: "Al piano d'azione" }).click();
  await page.getByRole('button', { name: "Proponi il piano d'azione" }).click();
  await expect(page.locator('li.plan-item').first()).toBeVisible();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel (XLSX)' }).click()]);
  expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Autovalutazione (JSON)' }).click()]);
  const exported = await json.path();
  await page.goto(`file://${file}#/`);
  await page.locator('#import-assessment').setInputFiles(exported);
  await expect(page.locator('.notice')).toContainText('già presente');
  await kioskOneRespondent(page);
  await shot(page, '32-single-file');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});
