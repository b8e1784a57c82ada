import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportClientLog, MAX_ERRORS, parseClientLog } from '../../../shared/export';
import { captures, firewall, harborContract, log, NOW } from './fixture';

/** The exported log as plain JSON, to break on purpose. */
const raw = () => JSON.parse(exportClientLog(log, NOW)) as Record<string, unknown> & { [table: string]: unknown };
const rows = (data: Record<string, unknown>, table: string) => data[table] as Record<string, unknown>[];
const indexOf = (data: Record<string, unknown>, table: string, id: string) =>
  rows(data, table).findIndex((r) => r.id === id);

function errorsOf(text: string): string[] {
  const result = parseClientLog(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('parseClientLog refuses bad files with a clear message', () => {
  it('malformed JSON', () => {
    const errors = errorsOf('{"format": "docket-client-log", "version": 1,');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^This file is not JSON: /);
  });

  it('a foreign JSON file, such as a package.json', () => {
    const errors = errorsOf(readFileSync('package.json', 'utf8'));
    expect(errors).toEqual(['This is not a Docket client log (format none; expected "docket-client-log").']);
    expect(errorsOf('{"format": "vcard"}')[0]).toContain('(format "vcard";');
    expect(errorsOf('[1, 2, 3]')[0]).toMatch(/^This is not a Docket client log/);
    expect(errorsOf('null')[0]).toMatch(/^This is not a Docket client log/);
  });

  it('a log from a newer Docket', () => {
    const errors = errorsOf(JSON.stringify({ ...raw(), version: 2 }));
    expect(errors).toEqual([
      'This client log was made by a newer Docket (version 2); update Docket to import it. This Docket reads version 1.',
    ]);
  });

  it('an item that refers to a meeting not in the log', () => {
    const data = raw();
    const n = indexOf(data, 'items', firewall.id);
    rows(data, 'items')[n]!.meetingId = 'no-such-meeting';
    expect(errorsOf(JSON.stringify(data))).toEqual([
      `items[${n}].meetingId: meeting "no-such-meeting" is not in this log`,
    ]);
  });

  it('a contract whose term ends before it starts', () => {
    const data = raw();
    const n = indexOf(data, 'contracts', harborContract.id);
    rows(data, 'contracts')[n]!.termEnd = '2023-12-31';
    expect(errorsOf(JSON.stringify(data))).toEqual([`contracts[${n}].termEnd: the term cannot end before it starts`]);
  });

  it('an amount with no currency', () => {
    const data = raw();
    const n = indexOf(data, 'items', firewall.id);
    delete (rows(data, 'items')[n]!.amount as Record<string, unknown>).currency;
    expect(errorsOf(JSON.stringify(data))).toEqual([
      `items[${n}].amount.currency: an amount needs a currency, an ISO 4217 code such as USD`,
    ]);
  });

  it('a required field left out', () => {
    const data = raw();
    const n = indexOf(data, 'items', firewall.id);
    delete rows(data, 'items')[n]!.urgent;
    expect(errorsOf(JSON.stringify(data))).toEqual([`items[${n}].urgent: is missing (expected boolean)`]);
  });

  it('a currency that is not an ISO code', () => {
    const data = raw();
    const n = indexOf(data, 'items', firewall.id);
    (rows(data, 'items')[n]!.amount as Record<string, unknown>).currency = 'dollars';
    expect(errorsOf(JSON.stringify(data))).toEqual([
      `items[${n}].amount.currency: currency must be an ISO 4217 code such as USD`,
    ]);
  });

  it('records of another client, duplicate ids, dangling captures and contracts', () => {
    const data = raw();
    rows(data, 'vendors')[0]!.clientId = 'another-client';
    rows(data, 'history').push({ ...rows(data, 'history')[0]! });
    const c = indexOf(data, 'captures', captures[0]!.id);
    rows(data, 'captures')[c]!.itemId = 'gone';
    const k = indexOf(data, 'contracts', harborContract.id);
    rows(data, 'contracts')[k]!.vendorId = 'gone-vendor';
    const errors = errorsOf(JSON.stringify(data));
    expect(errors).toEqual([
      'vendors[0].clientId: belongs to client "another-client", not to this log\'s client "' + log.client.id + '"',
      `history[4].id: history entry id "${rows(data, 'history')[0]!.id as string}" appears twice`,
      `captures[${c}].itemId: item "gone" is not in this log`,
      `contracts[${k}].vendorId: vendor "gone-vendor" is not in this log`,
    ]);
  });

  it('says at most 20 things, the last one counting the rest', () => {
    const data = raw();
    for (const item of rows(data, 'items')) item.status = 'lost';
    for (const item of rows(data, 'items')) item.kind = 'mystery';
    for (const c of rows(data, 'captures')) c.contentHash = 'nope';
    const errors = errorsOf(JSON.stringify(data));
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors[0]).toMatch(/^items\[0\]\.kind: /);
    expect(errors.at(-1)).toBe('…and 3 more problems.');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...raw(), items: v })),
        ),
        (text) => {
          const result = parseClientLog(text);
          if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
