// Draws Docket's toolbar icon (a clipped page with a check) as PNGs, with no image library: run once, commit the PNGs.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++)
      pixel((x + 0.5) / size, (y + 0.5) / size).forEach((v, i) => (row[1 + x * 4 + i] = v));
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const blue = [31, 95, 191, 255];
const white = [255, 255, 255, 255];
const clear = [0, 0, 0, 0];
function icon(x, y) {
  const r = 0.18;
  const inside =
    (x > r || y > r || (x - r) ** 2 + (y - r) ** 2 < r * r) &&
    (x < 1 - r || y > r || (x - 1 + r) ** 2 + (y - r) ** 2 < r * r) &&
    (x > r || y < 1 - r || (x - r) ** 2 + (y - 1 + r) ** 2 < r * r) &&
    (x < 1 - r || y < 1 - r || (x - 1 + r) ** 2 + (y - 1 + r) ** 2 < r * r);
  if (!inside) return clear;
  // a check mark: two strokes
  const d1 = Math.abs(y - 0.52 - (x - 0.28)) / Math.SQRT2;
  const d2 = Math.abs(y - 0.7 + (x - 0.45)) / Math.SQRT2;
  const onCheck = (d1 < 0.07 && x > 0.24 && x < 0.47) || (d2 < 0.07 && x > 0.42 && x < 0.78);
  return onCheck ? white : blue;
}
for (const size of [16, 32, 48, 128]) writeFileSync(`extension/public/icon/${size}.png`, png(size, icon));
