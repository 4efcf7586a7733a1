// Shared helpers for the end-to-end tests.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

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
