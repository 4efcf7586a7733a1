// Browser benchmarks (`make bench`): what the first page load fetches (raw, gzip, brotli),
// side by side with SurveyJS showing the same questions (bytes and time to the first one),
// time to an interactive first question and to a drawn results page (unthrottled and at
// 4× CPU throttling, medians), one assessment scored/benchmarked/planned in the browser,
// and survey import + aggregation + dashboard drawing for 1k / 10k / 100k responses with
// heap figures. Writes BENCHMARKS.md with the native table from target/bench/native.md.
// Usage: node scripts/bench.mjs [dist-dir] [bench-dist-dir]
// (the second: a build with the `bench` feature, whose hooks time the domain work)
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
const HOOKS_DIST = path.resolve(process.argv[3] || path.join(ROOT, 'target/bench-dist'));
const PORT = 8300 + Math.floor(Math.random() * 100);
const BASE = `http://127.0.0.1:${PORT}/`;
const HOOKS_BASE = `http://127.0.0.1:${PORT + 100}/`;
// The peer: SurveyJS's form runtime showing the same questionnaire (scripts/surveyjs/).
const PEER_DIR = path.join(ROOT, 'target/bench/surveyjs');
const PEER_BASE = `http://127.0.0.1:${PORT + 200}/`;
fs.mkdirSync(PEER_DIR, { recursive: true });
for (const [from, to] of [['scripts/surveyjs/index.html', 'index.html'], ['node_modules/survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['node_modules/survey-core/survey-core.fontless.min.css', 'survey-core.min.css'], ['node_modules/survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js']]) {
  fs.copyFileSync(path.join(ROOT, from), path.join(PEER_DIR, to));
}
const RUNS = Number(process.env.BENCH_RUNS || 5);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

const serve = (dir, port) => spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
const servers = [serve(DIST, PORT), serve(HOOKS_DIST, PORT + 100), serve(PEER_DIR, PORT + 200)];
for (const base of [BASE, HOOKS_BASE, PEER_BASE]) {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: ARGS });
const out = [];
const say = (line) => { console.log(line); out.push(line); };
const brotli = (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Every file a page fetches from `base` until `ready` holds: name → bytes. */
async function firstLoad(base, route, ready, seed) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = new Map();
  page.on('response', async (r) => {
    const url = r.url();
    if (!url.startsWith(base) || r.status() !== 200) return;
    try { fetched.set(url.slice(base.length) || 'index.html', await r.body()); } catch { /* redirects */ }
  });
  if (seed) await seed(page);
  await page.goto(`${base}${route}`);
  await page.waitForFunction(ready, null, { polling: 'raf', timeout: 60000 });
  await page.waitForTimeout(500);
  await context.close();
  return fetched;
}

/** Median time from a click on the survey page's staff link to the staff area shown:
 *  the full app fetched (nothing cached), compiled and handed the page. */
async function staffHandover(base, throttle) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${base}#/survey`);
    const link = page.locator('a[href="#/staff"]');
    await link.waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await link.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=response-counts]'), null, { polling: 'raf', timeout: 60000 });
    results.push((await page.evaluate(() => performance.now())) - t0);
    await context.close();
  }
  return median(results);
}

/** Median time from navigation to `ready`, over fresh loads, at a CPU throttling. */
async function timed(base, route, ready, throttle, seed) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    if (seed) await seed(page);
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(`${base}${route}`, { waitUntil: 'commit' });
    await page.waitForFunction(ready, null, { polling: 'raf', timeout: 60000 });
    results.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return median(results);
}

try {
  // An assessment to open straight at its first question and at its results.
  // Faro 0.1.0's file (questionnaire 1.0.0) with the two outcome questions 2.0.0 added
  // answered, as in the e2e tests: complete again, so its results can be drawn.
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/v1/assessment.json'), 'utf8')).assessment;
  Object.assign(fixture.profile, { revenue_growth: 'g2_10', new_offer_share: 's11_25' });
  const seed = (page) => page.addInitScript((a) => {
    localStorage.setItem(`faro.assessment.${a.id}`, JSON.stringify({ schema: 1, data: a }));
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  }, fixture);

  // 1. What the first load fetches.
  const questionReady = () => {
    const input = document.querySelector('fieldset.question input[type=radio]');
    return input && !input.disabled && input.offsetParent !== null;
  };
  const peerReady = () => {
    const input = document.querySelector('.sd-question input[type=radio]');
    return input && !input.disabled && input.offsetParent !== null;
  };
  const fetched = await firstLoad(BASE, `#/a/${fixture.id}/s/1`, questionReady, seed);
  say('## First load (the page and everything it fetches before the first question)');
  say('');
  say('| file | raw | gzip -9 | brotli -q 11 |');
  say('|---|---|---|---|');
  let totals = [0, 0, 0];
  for (const [name, body] of [...fetched.entries()].sort()) {
    const sizes = [body.length, zlib.gzipSync(body, { level: 9 }).length, brotli(body)];
    totals = totals.map((t, i) => t + sizes[i]);
    say(`| ${name} | ${kb(sizes[0])} | ${kb(sizes[1])} | ${kb(sizes[2])} |`);
  }
  say(`| **total** | **${kb(totals[0])}** | **${kb(totals[1])}** | **${kb(totals[2])}** |`);
  const later = ['data/synthetic.json', 'faro-full_bg.wasm', 'faro-full.js', 'faro-tools_bg.wasm', 'faro-tools.js'].filter((f) => fs.existsSync(path.join(DIST, f)));
  say('');
  say('Fetched later, only when used: ' + later.map((f) => `${f} ${kb(brotli(fs.readFileSync(path.join(DIST, f))))} brotli`).join(', ') + '.');
  say('');
  const peerFetched = await firstLoad(PEER_BASE, '', peerReady);
  const peerBytes = [...peerFetched.values()].reduce((t, b) => t + brotli(b), 0);

  // 2. Time to an interactive first question, and to a drawn results page.
  const resultsReady = () => {
    const c = document.querySelector('[data-testid=radar]');
    if (!c || !document.querySelector('[data-testid=provenance]')) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let amber = 0;
    for (let i = 0; i < d.length; i += 16) if (d[i] > 150 && d[i + 2] < 60) amber++;
    return amber > 50;
  };
  say(`## Speed in headless Chromium (median of ${RUNS} fresh loads, files from loopback, no cache)`);
  say('');
  say('| measure | unthrottled | 4× CPU throttling |');
  say('|---|---|---|');
  const q = [await timed(BASE, `#/a/${fixture.id}/s/1`, questionReady, 1, seed), await timed(BASE, `#/a/${fixture.id}/s/1`, questionReady, 4, seed)];
  say(`| navigation → first question interactive | ${ms(q[0])} | ${ms(q[1])} |`);
  const r = [await timed(BASE, `#/a/${fixture.id}/results`, resultsReady, 1, seed), await timed(BASE, `#/a/${fixture.id}/results`, resultsReady, 4, seed)];
  say(`| navigation → results drawn with the benchmark (radar, 3 polygons) | ${ms(r[0])} | ${ms(r[1])} |`);
  const h = [await staffHandover(BASE, 1), await staffHandover(BASE, 4)];
  say(`| staff link clicked → staff area shown (the full app fetched, nothing cached, and started) | ${ms(h[0])} | ${ms(h[1])} |`);

  // The peer, same run: SurveyJS showing the same questions.
  const pq = [await timed(PEER_BASE, '', peerReady, 1), await timed(PEER_BASE, '', peerReady, 4)];
  say('');
  say('## Side by side with SurveyJS (same questionnaire, same Chromium, same run)');
  say('');
  say(`SurveyJS ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/survey-core/package.json'), 'utf8')).version} (survey-core + survey-js-ui, fontless theme) shows Faro's first dimension`);
  say('from the questionnaire the native bench writes (target/bench/surveyjs/survey.json).');
  say('');
  say('| figure | Faro | SurveyJS | ratio | goal |');
  say('|---|---|---|---|---|');
  say(`| fetched before the first question (brotli) | ${kb(totals[2])} | ${kb(peerBytes)} | Faro ${(totals[2] / peerBytes).toFixed(2)}× SurveyJS | ≤ 250 KB |`);
  say(`| navigation → first question interactive | ${ms(q[0])} | ${ms(pq[0])} | ${(pq[0] / q[0]).toFixed(2)}× sooner | ≥ 3.5× sooner |`);
  say(`| the same at 4× CPU throttling | ${ms(q[1])} | ${ms(pq[1])} | ${(pq[1] / q[1]).toFixed(2)}× sooner | Faro ≤ 1 s |`);
  say('');
  say('## Domain work in the browser');
  say('');
  say('| measure | time | |');
  say('|---|---|---|');

  // 3. Domain work in the browser.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await seed(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${HOOKS_BASE}#/a/${fixture.id}/results`);
  await page.waitForFunction(resultsReady, null, { polling: 'raf' });
  const perAssessment = [];
  // The plan page loads the action library the proposal needs.
  await page.goto(`${HOOKS_BASE}#/a/${fixture.id}/plan`);
  await page.waitForFunction(() => window.wasmBindings.faroBenchAssessment(1) >= 0, null, { polling: 100, timeout: 30000 });
  for (let i = 0; i < 3; i++) perAssessment.push(await page.evaluate(() => window.wasmBindings.faroBenchAssessment(300)));
  say(`| one assessment scored, benchmarked and planned (mean of 300, in wasm) | ${ms(median(perAssessment))} | |`);
  say('');
  say('## Survey at scale in Chromium (unthrottled)');
  say('');
  say('| responses | import CSV (read + check into columns) / aggregate | synthetic: aggregate | dashboard drawn | JS heap | wasm memory |');
  say('|---|---|---|---|---|---|');
  await page.goto(`${HOOKS_BASE}#/staff/dashboard`);
  await page.waitForSelector('main h1');
  for (const n of [1000, 10000, 100000]) {
    const imp = Array.from(await page.evaluate((n) => window.wasmBindings.faroBenchSurveyImport(n, 11), n));
    const t0 = await page.evaluate(() => performance.now());
    const agg = Array.from(await page.evaluate((n) => window.wasmBindings.faroBenchSurvey(n, 3), n));
    const drawn = await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res(performance.now())))));
    await page.waitForFunction((n) => document.querySelector('[data-testid=survey-headline]')?.textContent.includes(String(n)), n);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasmMem = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength || 0);
    say(`| ${n.toLocaleString('en')} | ${imp.map((x) => ms(x)).join(' / ')} | ${ms(agg[1])} | ${ms(drawn - t0 - agg[0])} | ${(metrics.JSHeapUsedSize / 1048576).toFixed(0)} MB | ${(wasmMem / 1048576).toFixed(0)} MB |`);
  }
  say('');
  say('"dashboard drawn": from handing the dataset to the page (its generation excluded) to the');
  say('second animation frame after every table and canvas was rendered; it includes the');
  say('aggregation twice (once timed on its own, once by the page).');
  await context.close();
} finally {
  await browser.close();
  servers.forEach((s) => s.kill());
}

const nativeTable = fs.existsSync(path.join(ROOT, 'target/bench/native.md')) ? fs.readFileSync(path.join(ROOT, 'target/bench/native.md'), 'utf8') : '(native benchmarks not run)\n';
const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const doc = `# Benchmarks

Written by \`make bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${execFileSync('nproc').toString().trim()} cores,
${chromiumVersion}. The peer, SurveyJS, is measured in the same run where the work is
the same (first load, first question); its dashboard figures are in ../shared/ANCHORS.md.
Budgets are in ARCHITECTURE.md § Budgets. Figures vary a few percent between runs; compare
ratios measured in one run.

${out.join('\n')}

## Native (Rust, release build)

${nativeTable}
${fs.readFileSync(path.join(ROOT, 'scripts/bench-levers.md'), 'utf8')}`;
fs.writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), doc);
console.log('\nwrote BENCHMARKS.md');
