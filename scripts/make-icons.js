#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in icons (assets/icon-<size>.png): a blue rounded square with a white check mark.
 * Uses only Node built-ins (zlib for the PNG IDAT stream); the output is deterministic, so the
 * committed PNGs can be regenerated with `node scripts/make-icons.js` and compared byte for byte.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 4; // 4x4 samples per pixel for anti-aliasing
const OUT_DIR = path.join(__dirname, "..", "assets");

// Geometry in unit coordinates (0..1 across the icon).
const MARGIN = 1 / 16;
const CORNER_RADIUS = 0.2;
const CHECK_POINTS = [
  [0.27, 0.53],
  [0.43, 0.69],
  [0.74, 0.36],
];
const CHECK_HALF_WIDTH = 0.065;
const TOP_COLOR = [0x2b, 0x88, 0xd8]; // gradient from this (top) ...
const BOTTOM_COLOR = [0x0f, 0x6c, 0xbd]; // ... to this (bottom)
const MARK_COLOR = [0xff, 0xff, 0xff];

function insideRoundedSquare(x, y) {
  const lo = MARGIN;
  const hi = 1 - MARGIN;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + CORNER_RADIUS), hi - CORNER_RADIUS);
  const cy = Math.min(Math.max(y, lo + CORNER_RADIUS), hi - CORNER_RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER_RADIUS ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(Math.max(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0), 1);
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideCheckMark(x, y) {
  for (let i = 0; i + 1 < CHECK_POINTS.length; i++) {
    if (distanceToSegment(x, y, CHECK_POINTS[i], CHECK_POINTS[i + 1]) <= CHECK_HALF_WIDTH) return true;
  }
  return false;
}

/** Returns the RGBA pixels (row-major, 4 bytes per pixel) of one icon. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (insideCheckMark(x, y)) mark++;
          }
        }
      }
      const t = (py + 0.5) / size;
      const background = TOP_COLOR.map((top, c) => top + (BOTTOM_COLOR[c] - top) * t);
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        // Colour averaged over the covered samples; alpha is the square's coverage.
        const value = square === 0 ? 0 : (background[c] * (square - mark) + MARK_COLOR[c] * mark) / square;
        pixels[offset + c] = Math.round(value);
      }
      pixels[offset + 3] = Math.round((255 * square) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit truecolour with alpha, no interlacing, filter 0 on every row). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const rowLength = size * 4;
  const raw = Buffer.alloc((rowLength + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (rowLength + 1)] = 0;
    pixels.copy(raw, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

main();
