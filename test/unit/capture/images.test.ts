// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { imageSource, largestOfSrcset } from '../../../extension/capture/image-source';
import { imagesOfMarkdown, keepImages, sniffImageType } from '../../../extension/capture/images/keep';
import { htmlToMarkdown } from '../../../extension/capture/markdown';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
const png = (seed: number, size = 64) => b64([...PNG, ...Array.from({ length: size }, (_, i) => (i * seed) & 255)]);
const read = (src: string, base64: string, side = 400) => ({
  src,
  ok: true as const,
  base64,
  width: side,
  height: side,
});

describe('lazy-loaded images', () => {
  const first = (html: string) => {
    document.body.innerHTML = html;
    return imageSource(document.querySelector('img')!);
  };

  it('take the real address from data-src, srcset or <picture>, not the placeholder', () => {
    expect(first('<img src="data:image/gif;base64,R0lGOD" data-src="/img/tiers.png">')).toBe('/img/tiers.png');
    expect(first('<img src="/assets/lazy-placeholder.gif" data-lazy-src="/q.jpg">')).toBe('/q.jpg');
    expect(first('<img data-srcset="/a-400.jpg 400w, /a-1200.jpg 1200w">')).toBe('/a-1200.jpg');
    expect(first('<picture><source srcset="/p.webp 1x, /p@2x.webp 2x"><img src=""></picture>')).toBe('/p@2x.webp');
    expect(first('<img src="/real.png" data-src="/other.png">')).toBe('/real.png');
    expect(first('<img alt="nothing">')).toBeNull();
  });

  it('a srcset with commas inside its addresses still picks the largest', () => {
    expect(largestOfSrcset('https://cdn.test/w_400,q_80/x.jpg 400w, https://cdn.test/w_900,q_80/x.jpg 900w')).toBe(
      'https://cdn.test/w_900,q_80/x.jpg',
    );
  });

  it('reach the Markdown as the real image', () => {
    const md = htmlToMarkdown('<p><img alt="Tiers" src="data:image/gif;base64,R0l" data-src="/img/tiers.png"></p>', {
      baseUrl: 'https://portal.acme.test/quotes/1',
    });
    expect(md).toBe('![Tiers](https://portal.acme.test/img/tiers.png)');
  });
});

describe('keeping images', () => {
  it('lists the images a capture shows, each once, with their alt text', () => {
    const md = '![A \\[1\\]](https://a.test/1.png) text ![](https://a.test/2.png)\n![again](https://a.test/1.png)';
    expect(imagesOfMarkdown(md)).toEqual([
      { src: 'https://a.test/1.png', alt: 'A [1]' },
      { src: 'https://a.test/2.png', alt: '' },
    ]);
  });

  it('tells formats by their bytes, and refuses SVG and HTML', () => {
    expect(sniffImageType(Uint8Array.from(PNG))).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('\0\0\0\x1cftypavif'))).toBe('image/avif');
    expect(sniffImageType(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<!doctype html>'))).toBeNull();
  });

  it('keeps identical bytes once, drops pixels and icons, and says what it left and why', async () => {
    const wanted = ['1', '2', '3', '4', '5', '6', '7'].map((n) => ({
      src: `https://a.test/${n}.png`,
      alt: `img ${n}`,
    }));
    const big = b64([...PNG, ...new Array(3000).fill(7)]);
    const { images, warnings } = await keepImages(
      wanted,
      [
        read('https://a.test/1.png', png(3)),
        read('https://a.test/2.png', png(3)), // the same bytes under another address
        { ...read('https://a.test/3.png', png(5)), width: 1, height: 1 }, // a tracking pixel
        { src: 'https://a.test/4.png', ok: false, reason: 'blocked' },
        read('https://a.test/5.png', big),
        read('https://a.test/6.png', b64(Array.from(new TextEncoder().encode('<svg onload="x()"></svg>')))),
        read('https://a.test/7.png', png(7)),
      ],
      { maxImageBytes: 2000 },
    );
    expect(images.map((i) => [i.meta.src, i.meta.alt, i.meta.type])).toEqual([
      ['https://a.test/1.png', 'img 1', 'image/png'],
      ['https://a.test/7.png', 'img 7', 'image/png'],
    ]);
    expect(images[0]!.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(images[0]!.meta.size).toBe(images[0]!.bytes.length);
    expect(warnings).toEqual([
      expect.stringMatching(/^1 image over 2 KB not kept \(the limit is under Client settings › Images\)/),
      '1 image from other sites could not be read; the evidence links to them.',
      expect.stringMatching(/^1 image could not be read as a picture/),
    ]);
  });
});
