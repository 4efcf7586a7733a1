import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const errors = [];
page.on('pageerror', e => errors.push(String(e)));
page.on('console', m => { if (m.type() === 'error') errors.push(m.type()+': '+m.text()); });
await page.goto('http://127.0.0.1:8099/');
await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/shots/profile.png', fullPage: true });
for (const [label, value] of [['Dimensione', 'small'], ['Settore', 'C']]) {}
const selects = await page.locator('select').all();
for (const s of selects) { const opts = await s.locator('option').all(); await s.selectOption({ index: 2 }); }
await page.getByRole('link', { name: 'Avanti' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/shots/section1.png', fullPage: false });
// answer all questions level 3 on every section
for (let s = 0; s < 5; s++) {
  const groups = await page.locator('fieldset.question').all();
  for (const g of groups) { await g.locator('input[type=radio]').nth(2 + (s%2)).check(); }
  await page.getByRole('link', { name: /Avanti|Riepilogo/ }).last().click();
  await page.waitForTimeout(300);
}
await page.screenshot({ path: '/tmp/shots/review.png', fullPage: true });
await page.getByRole('link', { name: 'Vedi i risultati' }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/shots/results.png', fullPage: true });
console.log('url', page.url());
console.log('errors:', errors.join('\n'));
await browser.close();
