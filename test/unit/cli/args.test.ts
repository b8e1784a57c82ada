import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClipArgs, parseNow } from '../../../cli/args';
import { expandPaths, mimeTypeOf } from '../../../cli/files';
import { amountText, formLines, humanLine, jsonLine, wordCount, type FormPrefill } from '../../../cli/output';
import type { CaptureDraft } from '../../../shared/domain';

describe('parseClipArgs', () => {
  it('takes files, --url and --json in any order', () => {
    expect(parseClipArgs(['a.pdf', '--json', 'b.eml', '--url', 'https://mail.google.com/mail/u/0/'])).toEqual({
      ok: true,
      args: {
        paths: ['a.pdf', 'b.eml'],
        url: 'https://mail.google.com/mail/u/0/',
        json: true,
        clients: null,
        now: expect.any(Date),
      },
    });
    expect(parseClipArgs(['a.pdf'])).toEqual({
      ok: true,
      args: { paths: ['a.pdf'], url: null, json: false, clients: null, now: expect.any(Date) },
    });
  });

  it('takes --clients and --now; without --now, now is the current time', () => {
    expect(parseClipArgs(['--clients', 'clients.json', 'a.pdf', '--now', '2026-12-04T15:00:00Z'])).toEqual({
      ok: true,
      args: {
        paths: ['a.pdf'],
        url: null,
        json: false,
        clients: 'clients.json',
        now: new Date('2026-12-04T15:00:00Z'),
      },
    });
    const before = Date.now();
    const parsed = parseClipArgs(['a.pdf']);
    expect(parsed.ok && parsed.args.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(parsed.ok && parsed.args.now.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('reads --now as a date (midnight UTC) or an instant with its offset, and nothing else', () => {
    expect(parseNow('2026-12-04')?.toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(parseNow('2026-12-04T10:00-05:00')?.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(parseNow('2026-12-04T15:00:00.250Z')?.toISOString()).toBe('2026-12-04T15:00:00.250Z');
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-12-04T25:00Z',
      '2026-12-04T15:00',
      'tomorrow',
      '12/04/2026',
      '',
    ]) {
      expect(parseNow(bad), bad).toBeNull();
    }
  });

  it('asks for help with --help or -h', () => {
    expect(parseClipArgs(['--help'])).toEqual({ ok: false, help: true, error: null });
    expect(parseClipArgs(['a.pdf', '-h'])).toEqual({ ok: false, help: true, error: null });
  });

  it.each([
    [[], 'No files given.'],
    [['--json'], 'No files given.'],
    [['a.pdf', '--verbose'], /Unknown option '--verbose'/],
    [['a.pdf', '--url'], /--url/],
    [['a.pdf', '--url', 'portal.acme-cloud.com'], '--url "portal.acme-cloud.com" is not an absolute URL.'],
    [['a.pdf', '--clients'], /--clients/],
    [['a.pdf', '--clients', ''], '--clients needs a file.'],
    [
      ['a.pdf', '--now', '2026-02-30'],
      '--now "2026-02-30" is not a date such as 2026-12-04 or a UTC instant such as 2026-12-04T15:00:00Z.',
    ],
    [['a.pdf', '--now', 'yesterday'], /^--now "yesterday" is not a date/],
  ] as const)('%j is a usage error', (argv, message) => {
    const parsed = parseClipArgs([...argv]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.help).toBe(false);
      if (typeof message === 'string') expect(parsed.error).toBe(message);
      else expect(parsed.error).toMatch(message);
    }
  });
});

describe('expandPaths', () => {
  it('replaces a folder by the supported files directly inside it, sorted, and passes other paths through', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'docket-clip-'));
    for (const name of ['b.pdf', 'a.EML', 'c.htm', 'notes.txt']) await writeFile(join(dir, name), 'x');
    await mkdir(join(dir, 'sub.pdf'));
    await writeFile(join(dir, 'sub.pdf', 'deep.pdf'), 'x');
    expect(await expandPaths([dir, 'missing.pdf', 'notes.txt'])).toEqual([
      join(dir, 'a.EML'),
      join(dir, 'b.pdf'),
      join(dir, 'c.htm'),
      'missing.pdf',
      'notes.txt',
    ]);
  });

  it('gives the MIME type a browser would report for a dropped file', () => {
    expect([mimeTypeOf('x.EML'), mimeTypeOf('x.html'), mimeTypeOf('x.pdf'), mimeTypeOf('x.txt')]).toEqual([
      'message/rfc822',
      'text/html',
      'application/pdf',
      '',
    ]);
  });
});

describe('output lines', () => {
  const draft: CaptureDraft = {
    kind: 'pdf',
    source: { url: null, title: 'Quote "Q-7"', site: 'q.pdf' },
    markdown: '## Page 1\n\nTotal: $4,500/month — 36 months',
    excerpt: '',
    email: null,
    pdf: { pageCount: 1 },
    file: null,
    warnings: ['a', 'b'],
  };

  it('counts words, not Markdown markers or dashes', () => {
    expect(wordCount(draft.markdown)).toBe(6);
    expect(wordCount('')).toBe(0);
  });

  it('writes the human line as file, kind, quoted title, words and warnings', () => {
    expect(humanLine('in/q.pdf', draft)).toBe('in/q.pdf  pdf  "Quote \\"Q-7\\""  6 words  [a; b]');
    expect(humanLine('in/q.pdf', { ...draft, markdown: 'One', warnings: [] })).toBe(
      'in/q.pdf  pdf  "Quote \\"Q-7\\""  1 word',
    );
  });

  it('writes one JSON object with the path, the draft and the hints', () => {
    const line = jsonLine('in/q.pdf', draft, { title: 'Q-7' });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ path: 'in/q.pdf', ...draft, hints: { title: 'Q-7' } });
  });

  it('leaves the form out of the JSON line unless given', () => {
    expect(Object.keys(JSON.parse(jsonLine('in/q.pdf', draft, {})) as object)).not.toContain('form');
  });
});

describe('form lines', () => {
  const form: FormPrefill = {
    client: { id: 'c-1', name: 'Maple Ridge Dental Group', why: "mapleridgedental.ca is Maple Ridge Dental Group's" },
    vendor: { name: 'Bluepeak IT', why: null },
    kind: { value: 'quote', why: 'the title says "Quote"' },
    amount: { value: 7850, currency: 'CAD', recurrence: 'monthly' },
    amountWhy: 'the document’s total (“Total”)',
    oneTime: { value: 12500, currency: 'CAD', recurrence: 'one-time' },
    decideBy: '2026-12-27',
    decideByWhy: 'valid until: “Valid until: December 27, 2026”',
    meetingId: 'c-1@2027-01-05',
    meetingDate: '2027-01-05',
    section: 'urgent',
    title: 'Quote Q-88231',
  };

  it('prints every prefilled field as an indented label and value, with the reasons', () => {
    expect(formLines(form)).toEqual([
      "    client: Maple Ridge Dental Group — mapleridgedental.ca is Maple Ridge Dental Group's",
      '    vendor: Bluepeak IT',
      '    kind: quote — the title says "Quote"',
      '    amount: CAD 7,850.00 monthly — the document’s total (“Total”)',
      '    one-time fee: CAD 12,500.00 one-time',
      '    decide-by: 2026-12-27 — valid until: “Valid until: December 27, 2026”',
      '    meeting: 2027-01-05',
      '    section: urgent',
      '    title: Quote Q-88231',
    ]);
  });

  it('says when a field was not hinted but defaulted by the form, and when there is nothing', () => {
    const lines = formLines({
      ...form,
      client: { ...form.client!, why: null },
      vendor: null,
      kind: { value: 'other', why: null },
      amount: null,
      amountWhy: null,
      oneTime: null,
      decideBy: null,
      decideByWhy: null,
      meetingId: null,
      meetingDate: null,
    });
    expect(lines.slice(0, 6)).toEqual([
      '    client: Maple Ridge Dental Group — no hint: the form’s first client',
      '    vendor: none',
      '    kind: other — no hint: the form’s default',
      '    amount: none',
      '    decide-by: none',
      '    meeting: none',
    ]);
  });

  it('writes amounts with the currency’s own decimals', () => {
    expect(amountText({ value: 1250.5, currency: 'USD', recurrence: 'one-time' })).toBe('USD 1,250.50 one-time');
    expect(amountText({ value: 120000, currency: 'JPY', recurrence: 'yearly' })).toBe('JPY 120,000 yearly');
    expect(amountText(null)).toBe('none');
  });
});
