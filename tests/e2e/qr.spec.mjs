// Animated QR transfer with a fake camera: the sender's frames are captured from its
// canvas and written as a Y4M video, which Chromium plays as its camera
// (--use-file-for-fake-video-capture); the receiving page must store exactly the sent
// response, also with a fifth of the frames dropped, and nothing from a damaged video.
import { test, expect, chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { shot, storage } from './helpers.mjs';

const DATA = path.join(import.meta.dirname, 'data');
const OUT = path.resolve(import.meta.dirname, '../../target/e2e');
const [W, H, SIDE] = [640, 480, 480];

/** The sender's cycle of frames, each as 600×600 grey bytes, in the order shown. */
async function senderFrames(page) {
  const n = Number((await page.locator('.qr-sender [role=status]').innerText()).match(/(\d+) codic/)[1]);
  const frames = await page.evaluate(async (count) => {
    const canvas = document.querySelector('[data-testid=qr-canvas]');
    const ctx = canvas.getContext('2d');
    const seen = new Map();
    const order = [];
    while (order.length < count) {
      const url = canvas.toDataURL();
      if (!seen.has(url)) {
        const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const grey = new Uint8Array(rgba.length / 4);
        for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4];
        seen.set(url, true);
        let bin = '';
        for (let i = 0; i < grey.length; i += 8192) bin += String.fromCharCode(...grey.subarray(i, i + 8192));
        order.push(btoa(bin));
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    return order;
  }, n);
  return frames.map((b64) => Buffer.from(b64, 'base64'));
}

/** Writes a Y4M video of `frames` (600×600 grey) scaled into 640×480, ten a second. */
function writeY4m(file, frames, damage = false) {
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  for (const grey of frames) {
    const y = Buffer.alloc(W * H, 255);
    const x0 = (W - SIDE) / 2;
    for (let dy = 0; dy < SIDE; dy++) {
      for (let dx = 0; dx < SIDE; dx++) {
        y[dy * W + x0 + dx] = grey[Math.floor((dy * 600) / SIDE) * 600 + Math.floor((dx * 600) / SIDE)];
      }
    }
    // Damage: a grey block over the middle third of every code.
    if (damage) for (let dy = 160; dy < 320; dy++) y.fill(128, dy * W + x0 + 160, dy * W + x0 + 320);
    parts.push(Buffer.from('FRAME\n'), y, chroma);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
}

/** Opens the receiving page in a browser whose camera plays `video`; returns it. */
async function receiver(video, baseURL, url = './#/receive') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Avvia la fotocamera' }).click();
  return { browser, page };
}

async function responsesIn(page) {
  return Object.entries(await storage(page)).filter(([k]) => k.startsWith('faro.response.')).map(([, v]) => JSON.parse(v).data);
}

test('a survey response crosses by animated QR; dropped frames still arrive; a damaged video stores nothing', async ({ page, baseURL }) => {
  // The sending device: one response, imported from a file, sent by QR.
  const lines = fs.readFileSync(path.join(DATA, 'responses-400.csv'), 'utf8').split('\n');
  const one = path.join(OUT, 'one-response.csv');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(one, `${lines[0]}\n${lines[1]}\n`);
  await page.goto('./#/staff');
  await page.locator('#import-responses').setInputFiles(one);
  await expect(page.getByTestId('import-report')).toContainText('1');
  const [sent] = await responsesIn(page);
  await page.getByRole('button', { name: 'Invia con QR' }).click();
  await page.getByRole('button', { name: 'Sì' }).click();
  await expect(page.locator('.qr-sender [role=status]')).toContainText('codici nel ciclo');
  await shot(page, '84-qr-sender');
  const frames = await senderFrames(page);

  const whole = path.join(OUT, 'qr-whole.y4m');
  writeY4m(whole, frames);
  let { browser, page: rx } = await receiver(whole, baseURL);
  await expect(rx.getByTestId('qr-progress').or(rx.getByTestId('qr-done'))).toBeVisible();
  await shot(rx, '85-qr-receiver');
  await expect(rx.getByTestId('qr-done')).toContainText('1 nuove risposte', { timeout: 60_000 });
  await shot(rx, '86-qr-received');
  expect(await responsesIn(rx)).toEqual([sent]);
  await browser.close();

  // The single HTML file opened from disk reads the camera too (Chromium allows it there).
  const single = path.resolve(import.meta.dirname, '../../dist-single/faro.html');
  ({ browser, page: rx } = await receiver(whole, baseURL, `file://${single}#/receive`));
  await expect(rx.getByTestId('qr-done')).toContainText('1 nuove risposte', { timeout: 60_000 });
  expect(await responsesIn(rx)).toEqual([sent]);
  await browser.close();

  const dropped = path.join(OUT, 'qr-dropped.y4m');
  writeY4m(dropped, frames.filter((_, k) => k % 5 !== 2));
  ({ browser, page: rx } = await receiver(dropped, baseURL));
  await expect(rx.getByTestId('qr-done')).toContainText('1 nuove risposte', { timeout: 60_000 });
  expect(await responsesIn(rx)).toEqual([sent]);
  await browser.close();

  const damaged = path.join(OUT, 'qr-damaged.y4m');
  writeY4m(damaged, frames, true);
  ({ browser, page: rx } = await receiver(damaged, baseURL));
  await expect(rx.getByTestId('qr-progress')).toBeVisible();
  await rx.waitForTimeout(8000);
  await expect(rx.getByTestId('qr-done')).toHaveCount(0);
  expect(await responsesIn(rx)).toEqual([]);
  await browser.close();
});
