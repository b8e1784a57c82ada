import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { emlToDraft } from '../../../extension/capture/eml';
import { fileToDraft } from '../../../extension/capture/file';
import { decodeHtml, META_SCAN_BYTES, metaCharsets, mimeCharset } from '../../../extension/capture/html-charset';

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** 見積書：年間 12,000 円 in Shift_JIS. */
const SJIS = hex('8ca990cf8f918146944e8ad42031322c30303020897e');
const SJIS_TEXT = '見積書：年間 12,000 円';
const page = (head: string) => join(ascii(`<html><head>${head}<title>Quote</title></head><body><p>`), SJIS);

describe('decodeHtml: declarations', () => {
  it('honours a <meta charset> after kilobytes of inline style and script (the spec prescan stops at 1 KB)', () => {
    const style = `<style>${'.a{color:red}'.repeat(700)}</style><script>var x = "${'y'.repeat(2000)}";</script>`;
    const bytes = page(`${style}<meta charset="shift_jis">`);
    expect(new TextDecoder('latin1').decode(bytes).indexOf('<meta charset')).toBeGreaterThan(4096);
    expect(decodeHtml(bytes)).toContain(SJIS_TEXT);
  });

  it('looks no further than the head, nor past its cap, nor into comments and scripts', () => {
    const inBody = join(ascii('<html><head><title>Q</title></head><body><p>Use <meta charset="shift_jis"> '), SJIS);
    expect(metaCharsets(inBody)).toEqual([]);
    expect(metaCharsets(ascii('<!-- <meta charset="gbk"> --><script>"<meta charset=big5>"</script>'))).toEqual([]);
    const far = ascii(`<head>${' '.repeat(META_SCAN_BYTES)}<meta charset="shift_jis">`);
    expect(metaCharsets(far)).toEqual([]);
  });

  it('reads the charset of a Content-Type with quotes and other parameters', () => {
    expect(mimeCharset('text/html; foo="a;charset=koi8-r"; charset="Shift_JIS"; q=1')).toBe('Shift_JIS');
    expect(mimeCharset('text/html;CHARSET = "big\\5"')).toBe('big5');
    expect(mimeCharset('text/html; notcharset=gbk')).toBeNull();
    expect(decodeHtml(page(''), 'text/html; format=flowed; charset="shift_jis"; delsp=yes')).toContain(SJIS_TEXT);
  });

  it('passes over a label it cannot read to the next declaration', () => {
    const warnings: string[] = [];
    expect(decodeHtml(page('<meta charset="shift_jis">'), 'text/html; charset=x-klingon', warnings)).toContain(
      SJIS_TEXT,
    );
    expect(warnings).toEqual([]);
  });

  it('falls back to UTF-8 with a warning for a charset it cannot read, and never throws', () => {
    for (const label of ['x-klingon', 'iso-2022-kr', 'utf-7', '']) {
      const warnings: string[] = [];
      const text = decodeHtml(
        join(ascii(`<meta charset="${label}"><p>`), new TextEncoder().encode('café €')),
        '',
        warnings,
      );
      expect(text).toContain('café €');
      if (label)
        expect(warnings).toEqual([
          `This page says its text is in "${label}", which Docket cannot read; it was read as UTF-8.`,
        ]);
    }
  });

  it('reads cp932 as Shift_JIS and a <meta> claiming UTF-16 as UTF-8, as browsers do', () => {
    expect(decodeHtml(page('<meta charset="cp932">'))).toContain(SJIS_TEXT);
    expect(decodeHtml(join(ascii('<meta charset="utf-16"><p>'), new TextEncoder().encode('café')))).toContain('café');
  });

  it('reads an undeclared page that is not UTF-8 as windows-1252, and says so', () => {
    const warnings: string[] = [];
    expect(decodeHtml(ascii('<p>Caf\xe9 \x80 12</p>'), '', warnings)).toBe('<p>Café € 12</p>');
    expect(warnings[0]).toMatch(/does not say its character set and is not UTF-8/);
  });

  it('shows the decoding warning on the saved page draft', async () => {
    const bytes = join(
      ascii('<html><head><meta charset="x-klingon"><title>Quote</title></head><body><p>'),
      new TextEncoder().encode('Total 12 000 € per year for the backup plan.'),
    );
    const parseHtml = (html: string, url: string) => new JSDOM(html, { url }).window.document;
    const draft = await fileToDraft({ name: 'quote.html', type: '', bytes }, { parseHtml, pdfjs: {} as never });
    expect(draft.markdown).toContain('12 000 €');
    expect(draft.warnings).toContain(
      'This page says its text is in "x-klingon", which Docket cannot read; it was read as UTF-8.',
    );
  });
});

const headers = (subject: string, type: string) =>
  `From: =?ISO-8859-1?Q?Ren=E9_Tremblay?= <rene@fournisseur.example>\r\nTo: dana@northwind.example\r\n` +
  `Subject: ${subject}\r\nDate: Tue, 24 Nov 2026 10:08:00 -0500\r\nMIME-Version: 1.0\r\nContent-Type: ${type}\r\n\r\n`;

describe('e-mails: encoded words and parts', () => {
  it('reads Q-encoded words: _ as space, adjacent words joined, charsets mixed in one header', async () => {
    const subject =
      '=?ISO-8859-1?Q?R=E9siliation_du?= =?ISO-8859-1?Q?_contrat?=\r\n =?UTF-8?Q?_=E2=80=94_?= =?KOI8-R?B?896j1A==?=';
    const draft = await emlToDraft(ascii(headers(subject, 'text/plain; charset=utf-8') + 'Bonjour.\r\n'));
    expect(draft.email?.subject).toBe('Résiliation du contrat — Счёт');
    expect(draft.email?.from).toEqual({ name: 'René Tremblay', address: 'rene@fournisseur.example' });
  });

  it('keeps an encoded word in a charset it does not know readable, without throwing', async () => {
    const draft = await emlToDraft(ascii(headers('=?x-klingon?Q?Offre_n=B0_12?= sent', 'text/plain') + 'Body.\r\n'));
    expect(draft.email?.subject).toBe('Offre n° 12 sent');
  });

  it('decodes each part in its own charset and transfer encoding (Shift_JIS base64 HTML, KOI8-R quoted-printable text)', async () => {
    const body =
      '--XX\r\nContent-Type: text/plain; format=flowed; charset="KOI8-R"; delsp=yes\r\n' +
      'Content-Transfer-Encoding: quoted-printable\r\n\r\n' +
      '=F0=D2=CF=C4=CC=C5=CE=C9=C5 =CC=C9=C3=C5=CE=DA=C9=C9: 12 000 =D2=D5=C2.\r\n' +
      '--XX\r\nContent-Type: text/html; charset=Shift_JIS\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
      'PHA+jKmQz4+RgUaUTorUIDEyLDAwMCCJfoFpkMWVyoFqPC9wPg==\r\n--XX--\r\n';
    const mixed = await emlToDraft(ascii(headers('Quote', 'multipart/mixed; boundary="XX"') + body));
    expect(mixed.markdown).toContain('Продление лицензии: 12 000 руб.');
    expect(mixed.markdown).toContain('見積書：年間 12,000 円（税別）');
    const alternative = await emlToDraft(ascii(headers('Quote', 'multipart/alternative; boundary="XX"') + body));
    expect(alternative.markdown).toBe('見積書：年間 12,000 円（税別）');
  });
});
