import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaIcs, escapeText, foldLine, icsUtc, unfold } from '../../../shared/export';
import { client, NOW, planned } from './fixture';

const octets = (s: string) => new TextEncoder().encode(s).length;
const physicalLines = (ics: string) => ics.split('\r\n').slice(0, -1);

describe('foldLine', () => {
  it('keeps every physical line within 75 octets and unfolds back to the original (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'🦷'.repeat(30)}${'歯'.repeat(30)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      // A cut character would not survive a round trip through UTF-8 on its own.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(physical))).toBe(physical);
      expect(physical).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('leaves a short line alone and starts continuations with one space', () => {
    expect(foldLine('UID:abc@docket')).toBe('UID:abc@docket');
    const folded = foldLine(`DESCRIPTION:${'a'.repeat(100)}`).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 38]);
    expect(folded[1]).toMatch(/^ a/);
  });

  it('does not cut an escape sequence in two', () => {
    const line = `DESCRIPTION:${'a'.repeat(62)}\\n\\n`;
    expect(foldLine(line).split('\r\n')[0]).toBe(`DESCRIPTION:${'a'.repeat(62)}`);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('tab\there\u0000\u001b[31m')).toBe('tab\there[31m');
    expect(escapeText('Pause: 10:00')).toBe('Pause: 10:00');
  });
});

describe('agendaIcs', () => {
  const ics = agendaIcs({ client, meeting: planned, agenda: '# Agenda\n\n- Firewall; budget, 2027\n', now: NOW });

  it('uses CRLF everywhere and no bare line feed or carriage return', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(ics)) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('is one VEVENT in a VCALENDAR with the meeting times in UTC', () => {
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain(`UID:${planned.id}@docket`);
    expect(lines).toContain('DTSTAMP:20261201T150000Z');
    expect(lines).toContain('DTSTART:20261208T140000Z');
    expect(lines).toContain('DTEND:20261208T153000Z'); // 90 minutes
    expect(lines).toContain('SUMMARY:Northwind Dental governance meeting');
    expect(lines).toContain('DESCRIPTION:# Agenda\\n\\n- Firewall\\; budget\\, 2027');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.slice(-2)).toEqual(['END:VCALENDAR', '']);
  });

  it('follows the meeting through daylight saving time (09:00 Toronto is 13:00 UTC in July)', () => {
    const july = { ...planned, startsAt: '2026-07-14T13:00:00.000Z', title: 'Budget, FY2027' };
    const lines = unfold(agendaIcs({ client, meeting: july, agenda: '', now: NOW, productId: '-//Test//EN' })).split(
      '\r\n',
    );
    expect(lines).toContain('DTSTART:20260714T130000Z');
    expect(lines).toContain('DTEND:20260714T143000Z');
    expect(lines).toContain('PRODID:-//Test//EN');
    expect(lines).toContain('SUMMARY:Northwind Dental governance meeting — Budget\\, FY2027');
  });

  it('marks a cancelled meeting cancelled', () => {
    const text = agendaIcs({ client, meeting: { ...planned, status: 'cancelled' }, agenda: '', now: NOW });
    expect(text).toContain('\r\nSTATUS:CANCELLED\r\n');
  });

  it('formats instants as RFC 5545 UTC date-times', () => {
    expect(icsUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
    expect(() => icsUtc(new Date('nope'))).toThrow(RangeError);
  });
});
