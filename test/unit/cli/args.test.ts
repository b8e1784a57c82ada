import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClipArgs } from '../../../cli/args';
import { expandPaths, mimeTypeOf } from '../../../cli/files';
import { humanLine, jsonLine, wordCount } from '../../../cli/output';
import type { CaptureDraft } from '../../../shared/domain';

describe('parseClipArgs', () => {
  it('takes files, --url and --json in any order', () => {
    expect(parseClipArgs(['a.pdf', '--json', 'b.eml', '--url', 'https://mail.google.com/mail/u/0/'])).toEqual({
      ok: true,
      args: { paths: ['a.pdf', 'b.eml'], url: 'https://mail.google.com/mail/u/0/', json: true },
    });
    expect(parseClipArgs(['a.pdf'])).toEqual({ ok: true, args: { paths: ['a.pdf'], url: null, json: false } });
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
});
