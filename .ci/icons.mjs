// The app's PNG icons, drawn from public/favicon.svg by a small rasteriser, so the icons
// can never drift from the SVG and no binary file is kept in the repository. Deterministic:
// the same SVG always gives the same pixels (plain double arithmetic, 4x4 samples per
// pixel), and no tool or network is needed.
//
// It reads the subset of SVG the icon uses (a viewBox; <rect> with rx, <circle>, <path> with
// M/L/H/V/C/S/Z commands, absolute or relative; solid #rgb or #rrggbb fills) and refuses anything
// else, so a richer icon fails the build loudly instead of rendering wrongly.
import { deflateSync } from 'node:zlib';

const SAMPLES = 4;

function attrs(text) {
  const out = {};
  for (const m of text.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function color(fill) {
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(fill ?? '');
  if (!m) throw new Error(`icons.mjs: unsupported fill ${JSON.stringify(fill)} (use #rgb or #rrggbb)`);
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const n = parseInt(hex, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function arc(cx, cy, r, from, to, steps) {
  const pts = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}

function rectPolygon({ x = '0', y = '0', width, height, rx = '0' }) {
  const [X, Y, W, H] = [x, y, width, height].map(Number);
  const r = Math.min(Number(rx), W / 2, H / 2);
  if (r === 0) return [[X, Y], [X + W, Y], [X + W, Y + H], [X, Y + H]];
  const q = Math.PI / 2;
  return [
    ...arc(X + W - r, Y + r, r, -q, 0, 24),
    ...arc(X + W - r, Y + H - r, r, 0, q, 24),
    ...arc(X + r, Y + H - r, r, q, 2 * q, 24),
    ...arc(X + r, Y + r, r, 2 * q, 3 * q, 24),
  ];
}

function cubic(p0, p1, p2, p3, steps = 32) {
  const pts = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    pts.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return pts;
}

/** The polygons of a path's `d` (one per subpath). */
function pathPolygons(d) {
  const tokens = d.match(/[MmLlHhVvCcSsZz]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const polys = [];
  let poly = [];
  let cur = [0, 0];
  let start = [0, 0];
  let lastCtrl = null;
  let cmd = null;
  let i = 0;
  const num = () => {
    const v = Number(tokens[i++]);
    if (!Number.isFinite(v)) throw new Error(`icons.mjs: bad number in path ${JSON.stringify(d)}`);
    return v;
  };
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i])) cmd = tokens[i++];
    if (cmd === null) throw new Error(`icons.mjs: path must start with a command: ${JSON.stringify(d)}`);
    const rel = cmd === cmd.toLowerCase();
    const at = (x, y) => (rel ? [cur[0] + x, cur[1] + y] : [x, y]);
    switch (cmd.toLowerCase()) {
      case 'm': {
        if (poly.length > 2) polys.push(poly);
        cur = at(num(), num());
        start = cur;
        poly = [cur];
        cmd = rel ? 'l' : 'L';
        lastCtrl = null;
        break;
      }
      case 'l':
        cur = at(num(), num());
        poly.push(cur);
        lastCtrl = null;
        break;
      case 'h':
        cur = [rel ? cur[0] + num() : num(), cur[1]];
        poly.push(cur);
        lastCtrl = null;
        break;
      case 'v':
        cur = [cur[0], rel ? cur[1] + num() : num()];
        poly.push(cur);
        lastCtrl = null;
        break;
      case 'c': {
        const c1 = at(num(), num());
        const c2 = at(num(), num());
        const end = at(num(), num());
        poly.push(...cubic(cur, c1, c2, end));
        lastCtrl = c2;
        cur = end;
        break;
      }
      case 's': {
        const c1 = lastCtrl ? [2 * cur[0] - lastCtrl[0], 2 * cur[1] - lastCtrl[1]] : cur;
        const c2 = at(num(), num());
        const end = at(num(), num());
        poly.push(...cubic(cur, c1, c2, end));
        lastCtrl = c2;
        cur = end;
        break;
      }
      case 'z':
        if (poly.length > 2) polys.push(poly);
        poly = [];
        cur = start;
        lastCtrl = null;
        cmd = null;
        break;
      default:
        throw new Error(`icons.mjs: unsupported path command ${cmd}`);
    }
  }
  if (poly.length > 2) polys.push(poly);
  return polys;
}

/** The icon's shapes, in drawing order: `{ polys, rgb, background }` in viewBox units. */
export function parseIcon(svg) {
  const view = /viewBox="([^"]+)"/.exec(svg);
  if (!view) throw new Error('icons.mjs: the SVG needs a viewBox');
  const [vx, vy, vw, vh] = view[1].trim().split(/[\s,]+/).map(Number);
  if (vx !== 0 || vy !== 0 || vw !== vh) throw new Error('icons.mjs: the viewBox must be square at 0 0');
  const shapes = [];
  for (const m of svg.matchAll(/<([a-zA-Z]+)\b([^>]*?)\/?>/g)) {
    const [, tag, rest] = m;
    const a = attrs(rest);
    if (tag === 'svg') continue;
    if (tag === 'rect') shapes.push({ polys: [rectPolygon(a)], rgb: color(a.fill), rect: a });
    else if (tag === 'circle') {
      const [cx, cy, r] = [a.cx, a.cy, a.r].map(Number);
      shapes.push({ polys: [arc(cx, cy, r, 0, 2 * Math.PI, 128)], rgb: color(a.fill) });
    } else if (tag === 'path') shapes.push({ polys: pathPolygons(a.d), rgb: color(a.fill) });
    else throw new Error(`icons.mjs: unsupported element <${tag}>`);
  }
  if (shapes.length === 0) throw new Error('icons.mjs: the SVG draws nothing');
  return { size: vw, shapes };
}

/** Fraction (0..SAMPLES²) of each pixel's samples inside the polygons (even-odd). */
function coverage(polys, size) {
  const cov = new Uint16Array(size * size);
  const edges = [];
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) edges.push([poly[i], poly[(i + 1) % poly.length]]);
  }
  const xs = [];
  for (let sy = 0; sy < size * SAMPLES; sy++) {
    const y = (sy + 0.5) / SAMPLES;
    xs.length = 0;
    for (const [[x0, y0], [x1, y1]] of edges) {
      if ((y0 <= y && y < y1) || (y1 <= y && y < y0)) xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
    }
    xs.sort((a, b) => a - b);
    const py = Math.floor(sy / SAMPLES);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k] * SAMPLES - 0.5));
      const to = Math.min(size * SAMPLES - 1, Math.floor(xs[k + 1] * SAMPLES - 0.5));
      for (let sx = from; sx <= to; sx++) cov[py * size + Math.floor(sx / SAMPLES)]++;
    }
  }
  return cov;
}

/**
 * Renders the icon at `size` pixels (RGBA). `maskable`: the first shape (the rounded
 * background) fills the whole square and the rest shrinks into the maskable safe zone (the
 * middle 80%), as launchers crop such icons to their own shape.
 */
export function render(icon, size, { maskable = false } = {}) {
  const scale = size / icon.size;
  const px = new Float64Array(size * size * 4); // premultiplied RGBA, 0..1
  icon.shapes.forEach((shape, index) => {
    let polys;
    if (maskable && index === 0) {
      polys = [[[0, 0], [size, 0], [size, size], [0, size]]];
    } else {
      const k = maskable ? 0.8 : 1;
      const c = icon.size / 2;
      polys = shape.polys.map((p) => p.map(([x, y]) => [(c + (x - c) * k) * scale, (c + (y - c) * k) * scale]));
    }
    const cov = coverage(polys, size);
    const [r, g, b] = shape.rgb.map((v) => v / 255);
    for (let i = 0; i < size * size; i++) {
      const a = cov[i] / (SAMPLES * SAMPLES);
      if (a === 0) continue;
      px[i * 4] = r * a + px[i * 4] * (1 - a);
      px[i * 4 + 1] = g * a + px[i * 4 + 1] * (1 - a);
      px[i * 4 + 2] = b * a + px[i * 4 + 2] * (1 - a);
      px[i * 4 + 3] = a + px[i * 4 + 3] * (1 - a);
    }
  });
  const out = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const a = px[i * 4 + 3];
    out[i * 4 + 3] = Math.round(a * 255);
    if (a > 0) for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(Math.min(1, px[i * 4 + c] / a) * 255);
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no filtering) of `rgba` pixels. */
export function encodePng(rgba, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every PNG icon the manifest and index.html name, by file name. */
export function iconFiles(svg) {
  const icon = parseIcon(svg);
  return {
    'icon-192.png': encodePng(render(icon, 192), 192),
    'icon-512.png': encodePng(render(icon, 512), 512),
    'icon-maskable-512.png': encodePng(render(icon, 512, { maskable: true }), 512),
    // iOS home screens: opaque, full square (the system rounds the corners).
    'apple-touch-icon.png': encodePng(render(icon, 180, { maskable: true }), 180),
  };
}
