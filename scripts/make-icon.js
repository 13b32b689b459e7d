// Draws media/icon.png (128x128): two quotation marks on a rounded square. The marks are
// outlined with Bézier curves and filled with 4x4 supersampling, and the PNG is written with
// zlib alone so that no image library or native tool is needed to regenerate the icon.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SAMPLES = 4;

/** Flattens a cubic Bézier from p0 to p3 into points (p0 excluded). */
function cubic(p0, p1, p2, p3, steps = 24) {
  const points = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return points;
}

/** Even-odd point-in-polygon test. */
function insidePolygon(polygon, x, y) {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// One opening mark in glyph units: a ball of radius 1 at the origin and a tail that rises
// from the ball's left side and tapers to a point at the upper right, like a printed “6”.
const TAIL = [
  [-1, 0.05],
  ...cubic([-1, 0.05], [-1.05, -1.25], [-0.35, -2.05], [0.85, -2.35]),
  ...cubic([0.85, -2.35], [0.05, -1.85], [-0.3, -1.35], [-0.25, -0.9]),
  [0.2, -0.6],
];

/** True when glyph-space point (x, y) lies in one quotation mark. */
function inMark(x, y) {
  return x * x + y * y <= 1 || insidePolygon(TAIL, x, y);
}

/** True when pixel-space point lies inside the rounded square background. */
function inBackground(x, y) {
  const r = 26;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Two marks side by side, scaled so the pair sits optically centred on the square.
const SCALE = 18;
const MARKS = [
  { x: 41, y: 78, color: [255, 255, 255] },
  { x: 87, y: 78, color: [255, 196, 77] },
];

function pixel(x, y) {
  let bg = 0;
  const marks = MARKS.map(() => 0);
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = x + (sx + 0.5) / SAMPLES;
      const py = y + (sy + 0.5) / SAMPLES;
      if (!inBackground(px, py)) continue;
      bg++;
      MARKS.forEach((m, i) => { if (inMark((px - m.x) / SCALE, (py - m.y) / SCALE)) marks[i]++; });
    }
  }
  const total = SAMPLES * SAMPLES;
  // A vertical gradient from deep blue to indigo gives the flat square some depth.
  const t = y / SIZE;
  let rgb = [Math.round(33 + 14 * t), Math.round(64 - 22 * t), Math.round(130 - 22 * t)];
  MARKS.forEach((m, i) => {
    const a = bg ? marks[i] / bg : 0;
    rgb = rgb.map((c, k) => Math.round(c * (1 - a) + m.color[k] * a));
  });
  return [...rgb, Math.round((255 * bg) / total)];
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png() {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = [0];
    for (let x = 0; x < SIZE; x++) row.push(...pixel(x, y));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'media', 'icon.png');
fs.writeFileSync(out, png());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
