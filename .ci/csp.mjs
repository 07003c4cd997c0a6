// Post-build step (run by .ci/post-build.mjs, a Trunk post-build hook): gives index.html a
// Content-Security-Policy.
//
// The policy makes "no network requests at runtime" a rule the browser enforces, not only a
// habit of the code: the page may load its own files and nothing else (no CDN, font,
// analytics or any other origin), and may send nothing anywhere (connect-src 'self').
// Trunk writes the app's start-up script inline, and its text changes with every build (it
// names the hashed .js and .wasm files), so this step allows exactly that script by its
// SHA-256 hash. 'wasm-unsafe-eval' lets the page compile its WebAssembly (it does not allow
// eval). Styles only come from the page's own style sheets. The matching worker and the
// service worker are the page's own scripts (worker-src 'self'), and so is the web app
// manifest (manifest-src 'self').
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Adds the policy to `dir`/index.html; throws (with the reason) when it cannot. */
export function addCsp(dir) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  if (html.includes('http-equiv="Content-Security-Policy"')) {
    throw new Error('csp.mjs: index.html already has a Content-Security-Policy');
  }

  // Every inline script (no src attribute), hashed exactly as the browser will see it.
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  if (hashes.length === 0) {
    throw new Error('csp.mjs: no inline start-up script found in index.html');
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
    throw new Error('csp.mjs: <meta charset="utf-8"> not found in index.html');
  }
  html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  writeFileSync(file, html);
  console.log(`csp.mjs: Content-Security-Policy added (${hashes.length} inline script hash(es))`);
}

// Run on its own: `TRUNK_STAGING_DIR=dist node .ci/csp.mjs`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)');
    process.exit(1);
  }
  try {
    addCsp(dir);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
