// The Trunk post-build hook (Trunk.toml): finishes dist/ in one process, because Trunk runs
// the hooks of one stage side by side and these steps all edit index.html, in this order:
// the matching worker's files get a content hash (.ci/offline.mjs), the manifest's icons are
// drawn, the Content-Security-Policy is added (.ci/csp.mjs), and last the service worker is
// written with the list and hash of every file of the finished build.
import { addCsp } from './csp.mjs';
import { hashWorker, writeIcons, writeServiceWorker } from './offline.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR;
if (!dir || !source) {
  console.error('post-build.mjs: TRUNK_STAGING_DIR and TRUNK_SOURCE_DIR must be set (run it as a Trunk post_build hook)');
  process.exit(1);
}
try {
  hashWorker(dir);
  writeIcons(dir, source);
  addCsp(dir);
  writeServiceWorker(dir, source);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
