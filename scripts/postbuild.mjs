// Trunk post-build hook (see Trunk.toml). In the staging directory of a build it
//  1. puts the SHA-256 hashes of index.html's inline scripts (Trunk's loader) into the
//     Content-Security-Policy, so no other inline script can run;
//  2. writes sw.js from the template with the list of every file of the build and a
//     version made from their contents (a new deployment is a new version).
// Usage: node scripts/postbuild.mjs [staging-dir]   (Trunk sets TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: no staging directory (TRUNK_STAGING_DIR or argument)');
  process.exit(2);
}

const sha256 = (data) => createHash('sha256').update(data).digest('base64');

// 1. CSP hashes of inline scripts.
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${sha256(code)}'`).join(' ');
const placeholder = "'wasm-unsafe-eval' SCRIPT_HASHES";
if (!html.includes(placeholder)) {
  console.error('postbuild: the Content-Security-Policy of index.html has no SCRIPT_HASHES placeholder');
  process.exit(1);
}
html = html.replace(placeholder, `'wasm-unsafe-eval' ${hashes}`);
fs.writeFileSync(indexPath, html);

// 2. The service worker's file list.
function walk(d, prefix = '') {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? walk(path.join(d, e.name), rel) : [rel];
  });
}
const files = walk(dir).filter((f) => f !== 'sw.js').sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(fs.readFileSync(path.join(dir, f)));
const list = ['./', ...files.map((f) => `./${f}`)];
const swPath = path.join(dir, 'sw.js');
const template = fs.readFileSync(swPath, 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__FILES__', JSON.stringify(list, null, 2));
fs.writeFileSync(swPath, sw);
console.log(`postbuild: ${inline.length} inline script(s) hashed, ${list.length} files in the service worker`);
