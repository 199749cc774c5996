// Writes the PWA icons as PNGs with nothing but zlib, so the build needs no image tooling.
// Run `npm run icons -w @bigtix/web`; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BG = [0x0d, 0x47, 0xa1]; // theme primary, dark blue
const FG = [0xff, 0xff, 0xff];
const ACCENT = [0xff, 0xb3, 0x00];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const i = y * (size * 4 + 1) + 1 + x * 4;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
      raw[i + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A ticket: a white rounded card with two side notches and a perforation, inside `scale` of the icon. */
function ticket(u, v, scale) {
  const s = (1 - scale) / 2;
  const x = (u - s) / scale,
    y = (v - s) / scale;
  if (x < 0.08 || x > 0.92 || y < 0.26 || y > 0.74) return null;
  const corner = 0.06;
  const cx = Math.min(Math.max(x, 0.08 + corner), 0.92 - corner);
  const cy = Math.min(Math.max(y, 0.26 + corner), 0.74 - corner);
  if ((x - cx) ** 2 + (y - cy) ** 2 > corner ** 2) return null;
  if ((x - 0.08) ** 2 + (y - 0.5) ** 2 < 0.07 ** 2 || (x - 0.92) ** 2 + (y - 0.5) ** 2 < 0.07 ** 2) return null;
  if (Math.abs(x - 0.66) < 0.012 && Math.floor(y * 40) % 2 === 0) return BG;
  if (x > 0.2 && x < 0.56 && Math.abs(y - 0.44) < 0.035) return ACCENT;
  if (x > 0.2 && x < 0.48 && Math.abs(y - 0.56) < 0.025) return BG;
  return FG;
}

function icon(size, { maskable }) {
  return png(size, (u, v) => {
    // Maskable icons are cropped to a circle of 80%: keep the ticket inside it and paint edge to edge.
    const scale = maskable ? 0.62 : 0.86;
    if (!maskable) {
      const r = 0.18,
        cx = Math.min(Math.max(u, r), 1 - r),
        cy = Math.min(Math.max(v, r), 1 - r);
      if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
    }
    const c = ticket(u, v, scale) ?? BG;
    return [...c, 255];
  });
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon-192.png'), icon(192, { maskable: false }));
writeFileSync(join(out, 'icon-512.png'), icon(512, { maskable: false }));
writeFileSync(join(out, 'maskable-512.png'), icon(512, { maskable: true }));
writeFileSync(join(out, 'apple-touch-icon.png'), icon(180, { maskable: true }));
console.log('icons written to', out);
