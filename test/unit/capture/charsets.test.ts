import { describe, expect, it } from 'vitest';
import { emlToDraft } from '../../../extension/capture/eml';
import { decodeHtml } from '../../../extension/capture/file';

/**
 * Each character set a vCIO's saved pages and e-mails come in, as bytes (encoded once with Python's codecs: Node can
 * only encode UTF-8), with the text they must read as. The e-mail subject is the text's first ten characters as an
 * RFC 2047 encoded word in the same charset.
 */
const SAMPLES = [
  {
    charset: 'shift_jis',
    text: '見積書：年間 12,000 円（税別）',
    hex: '8ca990cf8f918146944e8ad42031322c30303020897e816990c595ca816a',
    subject: 'jKmQz4+RgUaUTorUIDEyLA==',
  },
  {
    charset: 'gbk',
    text: '防火墙续订报价：每年 12,000 元',
    hex: 'b7c0bbf0c7bdd0f8b6a9b1a8bcdba3bac3bfc4ea2031322c30303020d4aa',
    subject: 't8C78Me90Pi2qbGovNujusO/xOo=',
  },
  {
    charset: 'big5',
    text: '防火牆續約報價：每年 12,000 元',
    hex: 'a8bea4f5c0f0c4f2acf9b3f8bbf9a147a843a67e2031322c30303020a4b8',
    subject: 'qL6k9cDwxPKs+bP4u/mhR6hDpn4=',
  },
  {
    charset: 'koi8-r',
    text: 'Продление лицензии: 12 000 руб.',
    hex: 'f0d2cfc4ccc5cec9c520ccc9c3c5cedac9c93a2031322030303020d2d5c22e',
    subject: '8NLPxMzFzsnFIA==',
  },
  {
    charset: 'iso-8859-1',
    text: 'Résiliation : préavis de 30 jours, « tarif » 900 F',
    hex: '52e973696c696174696f6e203a207072e961766973206465203330206a6f7572732c20ab20746172696620bb203930302046',
    subject: 'UulzaWxpYXRpbw==',
  },
  {
    charset: 'windows-1252',
    text: 'Offre – 900 € « HT » ‘net’',
    hex: '4f66667265209620393030208020ab20485420bb20916e657492',
    subject: 'T2ZmcmUgliA5MA==',
  },
];

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe.each(SAMPLES)('text in $charset', ({ charset, text, hex: bytes, subject }) => {
  const body = hex(bytes);

  it('reads a saved page declaring it with <meta charset>, <meta http-equiv> or its MIME type', () => {
    const page = (head: string) => join(ascii(`<html><head>${head}<title>Quote</title></head><body><p>`), body);
    expect(decodeHtml(page(`<meta charset="${charset}">`))).toContain(text);
    const equiv = `<meta http-equiv="Content-Type" content="text/html; charset=${charset.toUpperCase()}">`;
    expect(decodeHtml(page(equiv))).toContain(text);
    expect(decodeHtml(page(''), `text/html; charset=${charset}`)).toContain(text);
  });

  it('reads an e-mail whose part and encoded-word subject use it', async () => {
    const headers =
      `From: Vendor <sales@vendor.example>\r\nTo: vcio@msp.example\r\n` +
      `Subject: =?${charset}?B?${subject}?=\r\nDate: Thu, 03 Dec 2026 14:00:00 +0000\r\n` +
      `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`;
    const draft = await emlToDraft(join(ascii(headers), body, ascii('\r\n')));
    expect(draft.markdown).toContain(text);
    expect(draft.email?.subject.trim()).toBe([...text].slice(0, 10).join('').trim());
  });
});
