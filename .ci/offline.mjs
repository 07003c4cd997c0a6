// Post-build steps for offline use (run by .ci/post-build.mjs, a Trunk post-build hook):
//
// 1. hashWorker: Trunk names the matching worker's files after the binary
//    (mentorkit-worker.js, mentorkit-worker_bg.wasm, mentorkit-worker_loader.js), because a
//    worker's name must be known at run time. This step renames them with a hash of their
//    content and names the loader in <meta name="mentorkit-worker">, where the app reads it,
//    so a page (possibly an old one served offline) only ever starts the worker built with it.
// 2. writeIcons: the PNG icons of the web app manifest, drawn from public/favicon.svg.
// 3. writeServiceWorker (after the CSP, so index.html is final): public/service-worker.js
//    with the build's version and the list of its files, and a
//    <meta name="mentorkit-service-worker"> that tells the app to register it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { iconFiles } from './icons.mjs';

const WORKER = 'mentorkit-worker';
const SERVICE_WORKER = 'service-worker.js';

function addMeta(dir, name, content) {
  const file = join(dir, 'index.html');
  const html = readFileSync(file, 'utf8');
  if (html.includes(`name="${name}"`)) throw new Error(`offline.mjs: index.html already has <meta name="${name}">`);
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('offline.mjs: </head> not found in index.html');
  writeFileSync(file, `${html.slice(0, at)}  <meta name="${name}" content="${content}" />\n  ${html.slice(at)}`);
}

const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** Renames the worker's files with a content hash; returns the loader's new name. */
export function hashWorker(dir) {
  const js = join(dir, `${WORKER}.js`);
  const wasm = join(dir, `${WORKER}_bg.wasm`);
  const loader = join(dir, `${WORKER}_loader.js`);
  for (const f of [js, wasm, loader]) {
    if (!existsSync(f)) throw new Error(`offline.mjs: ${relative(dir, f)} is missing (did Trunk build the worker?)`);
  }
  // The loader Trunk writes: importScripts the bindings, then load the wasm. Anything else
  // means Trunk changed how it loads workers, and this step must be looked at again.
  const expected = `importScripts("./${WORKER}.js");wasm_bindgen("./${WORKER}_bg.wasm");`;
  if (readFileSync(loader, 'utf8') !== expected) {
    throw new Error(`offline.mjs: unexpected ${WORKER}_loader.js; expected ${expected}`);
  }
  const h = hash(readFileSync(js), readFileSync(wasm));
  const base = `${WORKER}-${h}`;
  renameSync(js, join(dir, `${base}.js`));
  renameSync(wasm, join(dir, `${base}_bg.wasm`));
  renameSync(loader, join(dir, `${base}_loader.js`));
  writeFileSync(join(dir, `${base}_loader.js`), `importScripts("./${base}.js");wasm_bindgen("./${base}_bg.wasm");`);
  addMeta(dir, 'mentorkit-worker', `./${base}_loader.js`);
  console.log(`offline.mjs: matching worker files named ${base}*`);
  return `${base}_loader.js`;
}

/** Writes the manifest's PNG icons, drawn from the SVG icon. */
export function writeIcons(dir, sourceDir) {
  const svg = readFileSync(join(sourceDir, 'public', 'favicon.svg'), 'utf8');
  for (const [name, bytes] of Object.entries(iconFiles(svg))) writeFileSync(join(dir, name), bytes);
  console.log('offline.mjs: icons drawn from public/favicon.svg');
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Writes the service worker for this build and tells index.html to register it. */
export function writeServiceWorker(dir, sourceDir) {
  addMeta(dir, 'mentorkit-service-worker', `./${SERVICE_WORKER}`);
  const files = listFiles(dir).filter((f) => f !== 'index.html' && f !== SERVICE_WORKER);
  // The version covers every byte of the build, index.html included: any change gives a
  // new service worker, and with it the "new version" notice.
  const version = hash(...['index.html', ...files].flatMap((f) => [f, '\0', readFileSync(join(dir, f)), '\0']));
  const template = readFileSync(join(sourceDir, 'public', SERVICE_WORKER), 'utf8');
  for (const placeholder of ['__MENTORKIT_VERSION__', '__MENTORKIT_FILES__']) {
    if (!template.includes(placeholder)) throw new Error(`offline.mjs: ${placeholder} missing in public/${SERVICE_WORKER}`);
  }
  const script = template
    .replace("'__MENTORKIT_VERSION__'", JSON.stringify(version))
    .replace('__MENTORKIT_FILES__', JSON.stringify(files.map((f) => `./${f}`), null, 2));
  writeFileSync(join(dir, SERVICE_WORKER), script);
  console.log(`offline.mjs: ${SERVICE_WORKER} version ${version} caches ${files.length + 1} files`);
}
