// Makes one self-contained HTML file from a release build, for USB sticks and e-mail:
// opened by double-click (file://) it runs with no server and no network.
// Usage: node scripts/single-file.mjs dist dist-single/faro.html
//
// Everything is inlined: the stylesheet, the rescue script, the wasm-bindgen glue and
// the app's wasm (base64), the tools worker (as a blob URL made at start-up) and the
// bundled benchmark. A Content-Security-Policy allows exactly these inline scripts (by
// hash) and no connection at all. The service worker is left out: it needs http(s).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [distDir = 'dist', out = 'dist-single/faro.html'] = process.argv.slice(2);
const read = (f) => fs.readFileSync(path.join(distDir, f));
const text = (f) => read(f).toString('utf8');
const sha256 = (s) => createHash('sha256').update(s).digest('base64');
// A JavaScript string literal that is safe inside <script>.
const literal = (s) => JSON.stringify(s).replaceAll('</', '<\\/').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
const fail = (message) => {
  console.error(`single-file: ${message}`);
  process.exit(1);
};

let html = text('index.html');
const files = fs.readdirSync(distDir);
const find = (re, what) => files.find((f) => re.test(f)) || fail(`no ${what} in ${distDir} (run make build first)`);
const appJs = find(/^faro-[0-9a-f]+\.js$/, 'app JavaScript');
const appWasm = find(/^faro-[0-9a-f]+_bg\.wasm$/, 'app wasm');
const css = find(/^style-[0-9a-f]+\.css$/, 'stylesheet');
const rescue = find(/^rescue-[0-9a-f]+\.js$/, 'rescue script');
const fullApp = find(/^full-app-[0-9a-f]+\.js$/, 'full-app loader');

// 1. Data, the tools worker and the full app's wasm (decoded only when a staff page is
//    first opened), made available to the app as window.__faroInline.
const workerSource = `${text('faro-tools.js')}
wasm_bindgen({ module_or_path: Uint8Array.from(atob(${literal(read('faro-tools_bg.wasm').toString('base64'))}), (c) => c.charCodeAt(0)) });
`;
const inlineData = `window.__faroInline = {
  "data/synthetic.json": ${literal(text('data/synthetic.json'))},
  "faro-tools_loader.js": URL.createObjectURL(new Blob([${literal(workerSource)}], { type: "text/javascript" })),
  get "faro-full_bg.wasm"() {
    return Uint8Array.from(atob(${literal(read('faro-full_bg.wasm').toString('base64'))}), (c) => c.charCodeAt(0));
  }
};`;
// The full app's glue (it declares the global `wasm_bindgen`) and its loader.
const fullAppSource = `${text('faro-full.js')}
${text(fullApp)}`;

// 2. The app: wasm-bindgen's module with its exports turned into plain declarations,
//    started with the wasm bytes instead of a URL.
let glue = text(appJs);
const exported = [...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
glue = glue
  .replace(/^export function /gm, 'function ')
  .replace(/^export class /gm, 'class ')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export default [\w$]+;?\s*$/gm, '');
if (/^export /m.test(glue)) fail(`unexpected export left in ${appJs}`);
const start = `${glue}
const faroWasm = await __wbg_init({ module_or_path: Uint8Array.from(atob(${literal(read(appWasm).toString('base64'))}), (c) => c.charCodeAt(0)) });
window.wasmBindings = { ${exported.join(', ')} };
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: faroWasm } }));
`;

// 3. Rewrite the page.
const scripts = [text(rescue), inlineData, start, fullAppSource];
html = html
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${text(css)}</style>`)
  .replace(/<script src="\.\/rescue-[^"]*"[^>]*><\/script>/, () => `<script>${scripts[0]}</script>`)
  .replace(/<script src="\.\/pwa-[^"]*"[^>]*><\/script>\s*/, '')
  .replace(/<script src="\.\/full-app-[^"]*"[^>]*><\/script>/, () => `<script>${scripts[3]}</script>`)
  .replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script>${scripts[1]}</script>\n<script type="module">${scripts[2]}</script>`)
  .replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, '')
  .replace(/<link rel="icon"[^>]*>/, () => `<link rel="icon" href="data:image/svg+xml;base64,${read('icons/icon.svg').toString('base64')}">`)
  .replace(/<!--[\s\S]*?-->/g, '');
const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${scripts.map((s) => `'sha256-${sha256(s)}'`).join(' ')}`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'worker-src blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
for (const s of scripts) if (!html.includes(s)) fail('a script was not inlined');
if (/src="\.\//.test(html) || /href="\.\//.test(html)) fail('a reference to a separate file is left');

fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, html);
console.log(`single-file: ${out} (${(html.length / 1024 / 1024).toFixed(1)} MB), exports: ${exported.join(', ')}`);
