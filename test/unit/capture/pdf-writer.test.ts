import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { makePdf } from '../../fixtures/make-pdf';
import { proposalPdf } from '../../fixtures/pdf/proposal-pages';

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

describe('makePdf (test fixture writer)', () => {
  it('writes a cross-reference table whose offsets point at their objects', () => {
    const text = latin1(makePdf([['One (1)', 'back\\slash'], ['Two']], { title: 'T' }));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n\r$/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBeGreaterThan(5);
    for (const offset of entries) expect(text.slice(offset)).toMatch(/^\d+ 0 obj\n/);
    expect(text).toContain('(One \\(1\\)) Tj');
    expect(text).toContain('(back\\\\slash) Tj');
  });

  it('writes WinAnsi characters as octal escapes', () => {
    expect(latin1(makePdf([['12 000 € – café']]))).toContain('(12 000 \\200 \\226 caf\\351) Tj');
  });

  it('matches the checked-in proposal fixture (regenerate it if this fails after an edit)', async () => {
    const onDisk = new Uint8Array(await readFile(new URL('../../fixtures/pdf/proposal.pdf', import.meta.url)));
    expect(onDisk).toEqual(proposalPdf());
  });
});
