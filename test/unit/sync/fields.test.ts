import { describe, expect, it } from 'vitest';
import { recordFromFields, syncFields, validateField } from '../../../shared/sync/fields';
import type { SyncTable } from '../../../shared/sync/protocol';
import { fieldsOf, sampleRecords } from './records';

type Case = { table: SyncTable; field: string; good: unknown; bad: unknown; badMessage: string | RegExp };
const cases: Case[] = [
  { table: 'clients', field: 'name', good: 'Northwind', bad: '', badMessage: 'clients.name: a client needs a name' },
  { table: 'meetings', field: 'status', good: 'held', bad: 'done', badMessage: /^meetings\.status: / },
  { table: 'vendors', field: 'name', good: 'Acme MSP', bad: '   ', badMessage: 'vendors.name: a vendor needs a name' },
  { table: 'contracts', field: 'noticeDays', good: 30, bad: '30', badMessage: /^contracts\.noticeDays: / },
  { table: 'items', field: 'title', good: 'Renewal', bad: '', badMessage: 'items.title: an item needs a title' },
  { table: 'captures', field: 'kind', good: 'pdf', bad: 'fax', badMessage: /^captures\.kind: / },
];

describe('validateField', () => {
  it.each(cases)('$table: accepts a good $field', ({ table, field, good }) => {
    expect(validateField(table, field, good)).toEqual({ ok: true, value: good });
  });

  it.each(cases)('$table: refuses a $field of the wrong type, saying why', ({ table, field, bad, badMessage }) => {
    const result = validateField(table, field, bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('wrong-type');
    expect(result.message).toMatch(badMessage);
  });

  it.each(cases)('$table: refuses a field it does not have', ({ table }) => {
    expect(validateField(table, 'colour', 'red')).toEqual({
      ok: false,
      code: 'unknown-field',
      message: `${table}.colour is not a field of ${table}`,
    });
  });

  it.each(cases)('$table: accepts a tombstone, and only `true` as one', ({ table }) => {
    expect(validateField(table, '_deleted', true)).toEqual({ ok: true, value: true });
    const undo = validateField(table, '_deleted', false);
    expect(undo).toMatchObject({
      ok: false,
      code: 'wrong-type',
      message: `${table}._deleted must be true: a delete cannot be undone`,
    });
  });

  it('refuses the id (it is the change’s id) and names inherited from Object', () => {
    expect(validateField('items', 'id', 'other')).toMatchObject({ ok: false, code: 'unknown-field' });
    expect(validateField('items', 'constructor', {})).toMatchObject({
      ok: false,
      code: 'unknown-field',
      message: 'items.constructor is not a field of items',
    });
  });

  it('points into nested values', () => {
    const amount = { value: 10, currency: 'usd', recurrence: 'monthly' };
    expect(validateField('items', 'amount', amount)).toEqual({
      ok: false,
      code: 'wrong-type',
      message: 'items.amount.currency: currency must be an ISO 4217 code such as USD',
    });
  });

  it('refuses a missing value, even for a field with a default', () => {
    expect(validateField('items', 'notes', undefined)).toEqual({
      ok: false,
      code: 'wrong-type',
      message: 'items.notes: a change needs a value',
    });
  });

  it('refuses a value the schema would rewrite, so every replica stores the same thing', () => {
    expect(validateField('clients', 'domains', ['Acme.COM'])).toEqual({
      ok: false,
      code: 'wrong-type',
      message: 'clients.domains: not in stored form (expected ["acme.com"])',
    });
    // Unknown nested keys would be stripped by the schema: refused too, as unknown fields, with their path.
    const amount = { value: 10, currency: 'USD', recurrence: 'monthly', note: 'x' };
    expect(validateField('items', 'amount', amount)).toEqual({
      ok: false,
      code: 'unknown-field',
      message: 'items.amount.note is not a key of items.amount',
    });
    // Key order does not matter.
    const reordered = { recurrence: 'monthly', currency: 'USD', value: 10 };
    expect(validateField('items', 'amount', reordered)).toMatchObject({ ok: true });
  });

  it('lists every schema field but the id, plus the tombstone', () => {
    expect(syncFields('vendors')).toEqual([
      'clientId',
      'name',
      'domains',
      'role',
      'contacts',
      'createdAt',
      'updatedAt',
      '_deleted',
    ]);
  });
});

describe('recordFromFields', () => {
  it.each(Object.entries(sampleRecords))('%s: assembles a full record from its fields', (table, record) => {
    const result = recordFromFields(table as SyncTable, record.id, fieldsOf(record));
    expect(result).toEqual({ ok: true, record });
  });

  it.each(Object.entries(sampleRecords))('%s: every field of the sample passes validateField', (table, record) => {
    for (const [field, value] of Object.entries(fieldsOf(record))) {
      expect(validateField(table as SyncTable, field, value)).toEqual({ ok: true, value });
    }
  });

  it('says which fields are missing', () => {
    const { title: _t, status: _s, ...rest } = fieldsOf(sampleRecords.items);
    const result = recordFromFields('items', 'item-1', rest);
    expect(result).toEqual({
      ok: false,
      missing: ['status', 'title'],
      message: 'items item-1 is incomplete: missing status, title',
    });
  });

  it('fills a missing field that has a default, and drops fields the schema does not know', () => {
    const { notes: _n, ...rest } = fieldsOf(sampleRecords.items);
    const result = recordFromFields('items', 'item-1', { ...rest, colour: 'red' });
    expect(result).toEqual({ ok: true, record: sampleRecords.items });
  });

  it('checks the whole record, including the contract’s term rule', () => {
    const fields = { ...fieldsOf(sampleRecords.contracts), termEnd: '2025-06-30' };
    expect(recordFromFields('contracts', 'contract-1', fields)).toEqual({
      ok: false,
      missing: [],
      message: 'contracts contract-1: termEnd: the term cannot end before it starts',
    });
  });

  it('gives null for a deleted record, complete or not', () => {
    expect(recordFromFields('items', 'item-1', { ...fieldsOf(sampleRecords.items), _deleted: true })).toEqual({
      ok: true,
      record: null,
    });
    expect(recordFromFields('items', 'item-1', { _deleted: true })).toEqual({ ok: true, record: null });
  });
});
