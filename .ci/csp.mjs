// Trunk post-build hook: gives index.html a Content-Security-Policy.
//
// The policy makes "no network requests at runtime" a rule the browser enforces, not only a
// habit of the code: the page may load its own files and nothing else (no CDN, font,
// analytics or any other origin), and may send nothing anywhere (connect-src 'self').
// Trunk writes the app's start-up script inline, and its text changes with every build (it
// names the hashed .js and .wasm files), so this hook allows exactly that script by its
// SHA-256 hash. 'wasm-unsafe-eval' lets the page compile its WebAssembly (it does not allow
// eval). Styles only come from the page's own style sheets.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.error('csp.mjs: index.html already has a Content-Security-Policy');
  process.exit(1);
}

// Every inline script (no src attribute), hashed exactly as the browser will see it.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
if (hashes.length === 0) {
  console.error('csp.mjs: no inline start-up script found in index.html');
  process.exit(1);
}

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

// Before anything it governs: right after the charset declaration.
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) {
  console.error('csp.mjs: <meta charset="utf-8"> not found in index.html');
  process.exit(1);
}
html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(file, html);
console.log(`csp.mjs: Content-Security-Policy added (${hashes.length} inline script hash(es))`);
