import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/domain';
import { findAmounts } from '../../../shared/hints';
import { clientInText, vendorNameInText } from '../../../shared/hints/document/parties';
import { readTables } from '../../../shared/hints/document/tables';

const roles = (text: string) => findAmounts(text).map((a) => [a.value, a.recurrence, a.role, a.label]);

describe('amounts read by the part of the document they sit in', () => {
  it('reads a price table by its columns and rows: unit prices, lines, the total row, taxes', () => {
    const table = [
      '| SKU | Description | Qty | Unit price | Extended |',
      '| --- | --- | --- | --- | --- |',
      '| DL380 | HPE server | 1 | $9,480.00 | $9,480.00 |',
      '| CBS350 | Cisco switch | 3 | $1,120.00 | $3,360.00 |',
      '| **Subtotal** | | | | $12,840.00 |',
      '| GST (5%) | | | | $642.00 |',
      '| **Total one-time** | | | | **$13,482.00** |',
      '| MS-MON | Monitoring, 3 sites | 1 | $1,250.00/month | $1,250.00/month |',
    ].join('\n');
    expect(roles(table)).toEqual([
      [12840, 'one-time', 'subtotal', 'Subtotal'],
      [13482, 'one-time', 'total', 'Total one-time'],
      [9480, 'one-time', 'line', 'HPE server'],
      [1120, 'one-time', 'unit', 'Cisco switch, unit price'],
      [3360, 'one-time', 'line', 'Cisco switch'],
      [642, 'one-time', 'tax', 'GST (5%)'],
      // Written as a unit price and as the line's amount: the line's reading is kept.
      [1250, 'monthly', 'line', 'Monitoring, 3 sites'],
    ]);
  });

  it('takes the period from the column, never from a neighbour cell’s words', () => {
    const table = [
      '| Item | One-time | Monthly |',
      '| --- | --- | --- |',
      '| Onboarding (one-time) | CAD 12,500 | |',
      '| Managed services (120 users) | | CAD 7,850 |',
    ].join('\n');
    expect(roles(table)).toEqual([
      [12500, 'one-time', 'line', 'Onboarding (one-time), one-time'],
      [7850, 'monthly', 'line', 'Managed services (120 users), monthly'],
    ]);
  });

  it('reads a PDF’s rows written with " | " gaps, the totals aligned to the period columns', () => {
    const pdf = [
      'Item | Qty | Unit price | Monthly | One-time\\',
      'Managed workstation (per user) | 26 | $145.00 | $3,770.00\\',
      'Subtotal | $4,710.00 | $7,610.00\\',
      'Total | $5,415.32 | $8,749.60',
    ].join('\n');
    const totals = findAmounts(pdf).filter((a) => a.role === 'total');
    expect(totals.map((a) => [a.value, a.recurrence])).toEqual([
      [5415.32, 'monthly'],
      [8749.6, 'one-time'],
    ]);
    expect(findAmounts(pdf).find((a) => a.value === 145)?.role).toBe('unit');
  });

  it('keeps last year’s price, a billing history and per-user rates out of the running', () => {
    expect(roles('Renewal price: $14,400.00/year, up from $12,960.00/year.')).toEqual([
      [14400, 'yearly', 'line', 'Renewal price'],
      [12960, 'yearly', 'prior', 'up from'],
    ]);
    expect(findAmounts('le forfait passera de 5 270,00 $ à 5 704,00 $ par mois')[0]?.role).toBe('prior');
    const history =
      '| Invoice | Date | Amount | Status |\n| --- | --- | --- | --- |\n| INV-1 | Nov 1, 2026 | $450.00 | Paid |';
    expect(findAmounts(history)[0]?.role).toBe('prior');
    expect(findAmounts('60 endpoints at $20.00 per endpoint per month')[0]?.role).toBe('unit');
  });

  it('reads a two-column table of label and value as pairs, not as a header', () => {
    const tables = readTables('| Quote date | November 27, 2026 |\n| --- | --- |\n| Valid until | December 27, 2026 |');
    expect(tables[0]?.header).toEqual([]);
    expect(tables[0]?.rows.map((r) => r.cells[0]?.text)).toEqual(['Quote date', 'Valid until']);
  });
});

const client = (id: string, name: string, domains: string[]) => ({ id, name, domains }) as unknown as Client;
const clients = [
  client('c-maple', 'Maple Ridge Dental Group', ['mapleridgedental.ca']),
  client('c-boreal', 'Clinique Boréal', ['cliniqueboreal.qc.ca']),
];

describe('the client named in the document', () => {
  it('finds a known domain in an address and says so', () => {
    const found = clientInText('Questions? Write to priya.nair@mapleridgedental.ca', clients);
    expect(found).toEqual({ clientId: 'c-maple', why: expect.stringContaining('mapleridgedental.ca') });
  });
  it('finds a name written without its accents, a "Prepared for" line weighing most', () => {
    const text = 'Préparé pour : Clinique Boreal\nRéférence : Maple Ridge Dental Group (ancien client)';
    expect(clientInText(text, clients)?.clientId).toBe('c-boreal');
  });
  it('gives no answer on a tie, nor when no client is named', () => {
    expect(clientInText('Maple Ridge Dental Group and Clinique Boréal', clients)).toBeNull();
    expect(clientInText('Dear customer, your renewal is due.', clients)).toBeNull();
  });
});

describe('the vendor’s name as the document writes it', () => {
  it.each([
    [['Prepared by May Chen, NorthStack Solutions'], 'northstack', 'NorthStack Solutions'],
    [['© 2026 Bluepeak IT Inc. · 24/7 service desk'], 'bluepeak', 'Bluepeak IT'],
    [['Acme Secure EDR, 75 endpoints', 'Account Executive, Acme Secure'], 'acmesecure', 'Acme Secure'],
    [['Ironclad Data Protection'], 'ironcladdp', 'Ironclad Data Protection'],
    [['Services TI Saint-Laurent inc.'], 'stisaintlaurent', 'Services TI Saint-Laurent'],
    [['Hébergement Cumulus · Avis de changement'], 'cumulus', 'Hébergement Cumulus'],
  ])('%j from %s → %s', (texts, label, name) => {
    expect(vendorNameInText(texts, label)).toBe(name);
  });
  it('is null when the document never writes the domain’s name', () => {
    expect(vendorNameInText(['Your renewal is due on March 1.'], 'northstack')).toBeNull();
  });
});
