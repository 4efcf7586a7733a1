// The member-satisfaction survey: a kiosk session with three respondents, a reload in
// the middle, the staff exit, merging device files, the dashboard, the assembly report,
// and hostile text shown as text and neutralised in exports.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { shot, guard, answerVisible, nextPage, checkedRadios, inkedPixels, pdfText, tabTo } from './helpers.mjs';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x")';

/** How respondent `who` answers: uses the first six services, rates around 4. */
function picker(who) {
  let n = 0;
  return (id, kind, count) => {
    n++;
    if (id.endsWith('.used')) {
      // Used (0), not used (1), or "didn't know it existed" (2) for the last services.
      const service = id.split('.')[1];
      const order = ['b2b_networking', 'een_partner_search', 'funding_desk', 'innovation_assessment', 'thematic_events', 'investment_deepdives'];
      return order.includes(service) ? 0 : ['press_relations', 'newsletters'].includes(service) ? 2 : 1;
    }
    if (kind === 'rating') return Math.min(count - 1, 2 + ((n + who) % 3));
    if (kind === 'nps') return [10, 9, 6, 8, 10][who % 5];
    if (kind === 'text') {
      if (who !== 1) return null;
      if (id.endsWith('works_best')) return XSS;
      if (id.endsWith('improve')) return FORMULA;
      return null;
    }
    return 0;
  };
}

async function fillProfile(page) {
  await page.locator('#sp-member_type').selectOption('company_small');
  await page.locator('#sp-competence_area').selectOption('smart_energy');
  await page.locator('#sp-membership_years').selectOption('y3_5');
  await page.locator('#sp-org_contact').selectOption('yes');
}

/** Fills the survey from the profile page to the thank-you screen. */
async function completeSurvey(page, who, { reloadAfterSection = 0 } = {}) {
  await fillProfile(page);
  await nextPage(page);
  for (let section = 1; section <= 8; section++) {
    await answerVisible(page, picker(who));
    if (section === reloadAfterSection) {
      const before = await checkedRadios(page);
      await page.reload();
      await expect(page.locator('fieldset.question').first()).toBeVisible();
      expect(await checkedRadios(page)).toEqual(before);
      await expect(page.getByTestId('kiosk-count')).toBeVisible();
    }
    await nextPage(page);
  }
  await expect(page.getByText('Tutte le risposte obbligatorie sono date')).toBeVisible();
  await page.getByRole('button', { name: 'Invia le risposte' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grazie!');
}

test('the staff area is fetched only when a staff page is opened, and then takes over the page', async ({ page, baseURL }) => {
  const watch = guard(page, baseURL);
  const staffFiles = [];
  page.on('request', (r) => { if (/faro-full/.test(r.url())) staffFiles.push(r.url()); });
  await page.goto('./#/survey');
  await expect(page.locator('main h1')).toBeVisible();
  await page.locator('main h1').click();
  expect(staffFiles, 'the respondent never fetches the staff area').toEqual([]);
  // The keyboard reaches the link (which starts the download) and follows it.
  await tabTo(page, () => document.activeElement?.getAttribute('href') === '#/staff');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('response-counts')).toBeVisible();
  expect(staffFiles.some((u) => u.endsWith('faro-full_bg.wasm'))).toBe(true);
  // Focus lands on the new page's heading, as after any navigation.
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page.locator('main h1')).toHaveText('Risposte al questionario su questo dispositivo');
  // The full app now serves every page: back to the survey, language switch, forward.
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Compila il questionario' })).toBeVisible();
  await page.getByRole('button', { name: 'EN' }).click();
  await page.goForward();
  await expect(page.locator('main h1')).toHaveText('Survey responses on this device');
  expect(await page.locator('header.top').count(), 'one app on the page').toBe(1);
  watch.check();
});

test('a staff area that cannot be fetched says so, and opens once it can', async ({ page }) => {
  await page.route('**/faro-full_bg.wasm', (r) => r.abort());
  await page.goto('./#/staff');
  await expect(page.getByRole('status').filter({ hasText: 'Questa parte di Faro non si è caricata' })).toBeVisible();
  await shot(page, '24-staff-not-loaded');
  await page.unroute('**/faro-full_bg.wasm');
  await page.goto('./#/survey');
  await page.getByRole('link', { name: /Area staff/ }).click();
  await expect(page.getByTestId('response-counts')).toBeVisible();
});

test('kiosk collection, merging devices, dashboard and assembly report', async ({ page, browser, baseURL }) => {
  const watch = guard(page, baseURL);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });

  // Staff start a kiosk session.
  await page.goto('./#/staff');
  await page.locator('#kiosk-label').fill('Assemblea 2027');
  await page.locator('#kiosk-new-code').fill('2468');
  await page.getByRole('button', { name: 'Avvia la sessione' }).click();
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 0');
  await expect(page.getByRole('navigation', { name: "Sezioni dell'applicazione" })).toBeHidden();
  await shot(page, '20-kiosk-profile');

  // Respondent 1.
  await completeSurvey(page, 1);
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 1');
  await shot(page, '21-kiosk-thanks');

  // Respondent 2 sees nothing of respondent 1, and a reload mid-way loses nothing.
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  await expect(page.locator('#sp-member_type')).toHaveValue('');
  await fillProfile(page);
  await nextPage(page);
  expect(await checkedRadios(page)).toEqual({});
  await page.goBack();
  await page.goBack();
  await page.goBack();
  // Going back never reaches respondent 1's answers: kiosk mode keeps to the current person.
  expect(await page.locator('text=' + XSS).count()).toBe(0);
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 1');
  const here = page.url();
  expect(here).toContain('#/survey/');
  await page.goto(here.replace(/\/\d+$/, '/0'));
  await completeSurvey(page, 2, { reloadAfterSection: 2 });
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 2');

  // Respondent 3.
  await page.getByRole('button', { name: 'Nuovo partecipante' }).click();
  await completeSurvey(page, 3);
  await expect(page.getByTestId('kiosk-count')).toHaveText('Risposte raccolte: 3');

  // Leaving needs the code.
  await page.getByRole('button', { name: 'Termina la sessione (staff)' }).click();
  await expect(page.locator('#kiosk-code')).toBeFocused();
  await page.locator('#kiosk-code').fill('1111');
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('alert')).toHaveText('Codice errato.');
  await page.locator('#kiosk-code').fill('2468');
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.locator('.notice')).toContainText('Sessione chiusa: 3 risposte raccolte.');
  await expect(page.getByTestId('response-counts')).toContainText('3 risposte inviate');

  // Staff export this device's responses for another device, after a confirmation that
  // says what the file holds.
  await page.getByRole('button', { name: 'Esporta per un altro dispositivo Faro (JSON)' }).click();
  await expect(page.getByRole('group', { name: /serve solo a unire le risposte/ })).toBeVisible();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Sì, procedi' }).click()]);
  expect(d.suggestedFilename()).toMatch(/^faro-raw-responses-transfer-/);
  const deviceA = test.info().outputPath('device-a.json');
  await d.saveAs(deviceA);
  const a = JSON.parse(fs.readFileSync(deviceA, 'utf8'));
  expect(a.responses).toHaveLength(3);
  // Raw responses for other software: the first line says what they are; free text is
  // left out unless staff ask for it, and then it is neutralised.
  const raw = async () => {
    await page.getByRole('button', { name: 'Scarica le risposte grezze (CSV)' }).click();
    const [c] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Sì, procedi' }).click()]);
    expect(c.suggestedFilename()).toMatch(/^faro-raw-responses-\d/);
    return fs.readFileSync(await c.path(), 'utf8').replace(/^\uFEFF/, '');
  };
  const unlinked = await raw();
  expect(unlinked.split('\n')[0]).toMatch(/^# Risposte grezze al questionario/);
  expect(unlinked).not.toContain('HYPERLINK');
  await page.getByLabel(/Includi le risposte libere/).check();
  const linked = await raw();
  expect(linked).toContain(`'${FORMULA.replaceAll('"', '""')}`);
  watch.check();

  // A second device: another profile merges device A, a device B sharing one response,
  // and a corrupt file.
  const b = structuredClone(a);
  b.responses = [a.responses[0], { ...a.responses[1], id: 'deviceb-1' }, { ...a.responses[2], id: 'deviceb-2' }];
  const deviceB = test.info().outputPath('device-b.json');
  fs.writeFileSync(deviceB, JSON.stringify(b));
  const corrupt = test.info().outputPath('corrupt.json');
  fs.writeFileSync(corrupt, fs.readFileSync(deviceA, 'utf8').slice(0, 500));
  const other = await (await browser.newContext()).newPage();
  const watch2 = guard(other, baseURL);
  other.on('dialog', (dlg) => { dialogs.push(dlg.message()); dlg.dismiss(); });
  await other.goto('./#/staff');
  await other.locator('#import-responses').setInputFiles([deviceA, deviceB, corrupt]);
  const report = other.getByTestId('import-report');
  await expect(report).toContainText('device-a.json: 3 importate, 0 già presenti, 0 scartate.');
  await expect(report).toContainText('device-b.json: 2 importate, 1 già presenti, 0 scartate.');
  await expect(report).toContainText('corrupt.json: 0 importate, 0 già presenti, 1 scartate.');
  await expect(report).toContainText('si interrompe prima della fine');
  await expect(other.getByTestId('response-counts')).toContainText('5 risposte inviate');
  await other.locator('#members').fill('150');
  await expect(other.getByTestId('response-rate')).toContainText('5 organizzazioni su 150');
  await shot(other, '22-staff-responses');

  // The dashboard.
  await other.goto('./#/staff/dashboard');
  await expect(other.getByTestId('survey-headline')).toContainText('5 risposte');
  await expect(other.getByTestId('survey-headline')).toContainText('3%: 5 organizzazioni su 150 associati');
  await expect(other.getByTestId('nps')).toContainText('promotori');
  await other.waitForTimeout(300);
  expect(await inkedPixels(other, '[data-testid=stacked]')).toBeGreaterThan(3000);
  expect(await inkedPixels(other, '[data-testid=matrix]')).toBeGreaterThan(3000);
  await expect(other.getByTestId('services-table')).toContainText('Incontri di networking B2B');
  // Hostile text is shown as text: the characters are there, no element was created.
  const comments = other.getByTestId('comments');
  await expect(comments).toContainText(XSS);
  await expect(comments).toContainText(FORMULA);
  expect(await comments.locator('img').count()).toBe(0);
  await shot(other, '23-dashboard');

  // The assembly report, printed.
  await other.goto('./#/staff/report');
  await expect(other.getByTestId('survey-headline')).toContainText('5 risposte');
  await other.waitForTimeout(400);
  await other.emulateMedia({ media: 'print' });
  const pdf = test.info().outputPath('assembly.pdf');
  await other.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  for (const expected of ['RISULTATI DEL QUESTIONARIO', 'Net Promoter Score', 'Servizi', 'Importanza e soddisfazione', 'Per tipo di associato', 'Commenti', 'Incontri di networking']) {
    expect(text, expected).toContain(expected);
  }
  fs.copyFileSync(pdf, `${process.cwd()}/target/screenshots/24-assembly.pdf`);
  expect(dialogs, 'no script ran from an answer').toEqual([]);
  watch2.check();
});
