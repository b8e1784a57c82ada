import { describe, expect, it } from 'vitest';
import type { CaptureImage } from '../../../shared/domain';
import { evidenceImagePaths, handoffFiles, isSafePath, parseClientLog } from '../../../shared/export';
import { log, TODAY } from './fixture';

const image = (n: number, type: CaptureImage['type']): CaptureImage => ({
  sha256: String(n).repeat(64).slice(0, 64),
  type,
  size: 1000 + n,
  width: 640,
  height: 480,
  alt: `Pricing tiers ${n}`,
  src: `https://portal.acme.test/img/${n}.png`,
  screenshot: false,
});

describe('evidence images in the handoff pack', () => {
  const [first, second, ...rest] = log.captures;
  const withImages = {
    ...log,
    captures: [
      { ...first!, images: [image(1, 'image/png'), image(2, 'image/jpeg')] },
      { ...second!, images: [image(1, 'image/png')] }, // the same logo in two captures
      ...rest,
    ],
  };

  it('go under evidence-images/, once per image, named by hash, at safe paths', () => {
    const paths = evidenceImagePaths(withImages.captures);
    expect([...paths.values()]).toEqual([
      `evidence-images/${'1'.repeat(64)}.png`,
      `evidence-images/${'2'.repeat(64)}.jpg`,
    ]);
    for (const path of paths.values()) expect(isSafePath(path)).toBe(true);
  });

  it('the README counts the images the pack holds, and those not yet in this browser', () => {
    const files = handoffFiles({ log: withImages, today: TODAY, imagesHeld: new Set(['1'.repeat(64)]) });
    expect(files['README.md']).toContain(
      '- `evidence-images/` — 1 image kept with the evidence (pricing graphics, screenshots), each named by its SHA-256',
    );
    expect(files['README.md']).toContain('1 more had not reached this browser when the pack was made.');
    const parsed = parseClientLog(files['client-log.json']!);
    const back = parsed.ok ? parsed.log.captures.find((c) => c.id === first!.id) : null;
    expect(back?.images?.map((i) => i.sha256)).toEqual(['1'.repeat(64), '2'.repeat(64)]);
  });

  it('a log without images says nothing about them', () => {
    expect(handoffFiles({ log, today: TODAY })['README.md']).not.toContain('evidence-images');
  });
});
