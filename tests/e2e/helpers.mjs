// Shared helpers for the end-to-end tests.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const SHOTS = path.resolve(import.meta.dirname, '../../target/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

/** Saves a full-page screenshot to target/screenshots/<name>.png. */
export async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Watches a page for errors and for requests that leave the app's origin.
 * Call `check()` at the end of a test.
 */
export function guard(page, origin) {
  const errors = [];
  const foreign = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => {
    const url = r.url();
    if (!(url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))) foreign.push(url);
  });
  return {
    errors,
    check() {
      expect(errors, 'no page errors').toEqual([]);
      expect(foreign, 'no request outside the app').toEqual([]);
    },
  };
}

/** Presses Tab until `predicate` (run in the page on document.activeElement) is true. */
export async function tabTo(page, predicate, arg, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(predicate, arg)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached the target (${predicate})`);
}

/** The checked value of every radio group on the page: { name: index }. */
export async function checkedRadios(page) {
  return page.evaluate(() => {
    const out = {};
    for (const r of document.querySelectorAll('input[type=radio]')) {
      if (r.checked) out[r.name] = r.id;
    }
    return out;
  });
}

/** Counts non-white pixels of a canvas. */
export async function inkedPixels(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++;
    return n;
  }, selector);
}

/** Snapshot of every Faro record in localStorage. */
export async function storage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('faro.')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** Clicks radio number `index` of the question with element id `qid` (ids may hold dots). */
export async function choose(page, qid, index) {
  await page.locator(`[id="${qid}-${index}"]`).check();
}

/**
 * Answers every visible, unanswered question of the current page with the mouse.
 * `pick(fieldsetId, kind, count)` returns the radio index to choose (or a text for
 * free-text questions). New questions revealed by an answer are answered too.
 */
export async function answerVisible(page, pick) {
  for (let guard = 0; guard < 200; guard++) {
    const next = await page.evaluate(() => {
      for (const f of document.querySelectorAll('fieldset.question')) {
        const radios = f.querySelectorAll('input[type=radio]');
        const text = f.querySelector('textarea');
        if (radios.length && ![...radios].some((r) => r.checked)) {
          const kind = f.classList.contains('yes-no') ? 'yes_no' : f.classList.contains('nps') ? 'nps' : f.classList.contains('rating') ? 'rating' : 'choice';
          return { id: f.id, kind, count: radios.length };
        }
        if (text && text.value === '' && !f.dataset.skipped) return { id: f.id, kind: 'text', count: 0 };
      }
      return null;
    });
    if (!next) return;
    const choice = pick(next.id, next.kind, next.count);
    if (next.kind === 'text') {
      if (choice) await page.locator(`[id="${next.id}-text"]`).fill(choice);
      else await page.evaluate((id) => { document.getElementById(id).dataset.skipped = '1'; }, next.id);
    } else {
      await choose(page, next.id, choice);
    }
  }
  throw new Error('answerVisible did not settle');
}

/** Starts a new assessment from the home page and fills the company profile. */
export async function startAssessment(page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'Inizia una nuova autovalutazione' }).click();
  for (const [id, v] of [['size_class', 'small'], ['nace_section', 'C'], ['competence_area', 'sustainable_manufacturing'], ['age_class', 'y10_24'],
    ['region', 'lombardia'], ['rd_intensity', 'p1_3'], ['revenue_growth', 'g2_10'], ['new_offer_share', 's11_25']]) {
    await page.locator(`#p-${id}`).selectOption(v);
  }
}

/** Clicks the pager's "next" link and waits for the new page's heading. */
export async function nextPage(page) {
  const before = await page.locator('main h1').innerText();
  await page.locator('a[rel=next]').click();
  await page.waitForFunction((b) => document.querySelector('main h1')?.innerText !== b, before);
}

/** Counts pixels of a canvas close to an RGB colour. */
export async function colourPixels(page, selector, [r, g, b], tolerance = 40) {
  return page.evaluate(({ sel, r, g, b, tolerance }) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - r) < tolerance && Math.abs(d[i + 1] - g) < tolerance && Math.abs(d[i + 2] - b) < tolerance) n++;
    }
    return n;
  }, { sel: selector, r, g, b, tolerance });
}

/** Text of a PDF (pdftotext from poppler-utils). */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * The assessment file Faro 0.1.0 wrote (questionnaire 1.0.0), with the two outcome
 * questions questionnaire 2.0.0 added answered, as a company reopening it would: the
 * answers carry over and the assessment is complete again.
 */
export function upgradedFixture(fixtures) {
  const a = JSON.parse(fs.readFileSync(`${fixtures}/assessment.json`, 'utf8'));
  a.assessment.profile.revenue_growth = 'g2_10';
  a.assessment.profile.new_offer_share = 's11_25';
  return a;
}
