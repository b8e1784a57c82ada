import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';

describe('newId (UUIDv7)', () => {
  it('is a version-7, RFC variant UUID carrying the creation time', () => {
    const at = Date.UTC(2026, 10, 26, 15, 0, 0, 123);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });
  it('sorts by time and does not repeat', () => {
    const ids = [newId(1_000), newId(2_000), newId(1_700_000_000_000), newId(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => newId(5)).values()).size).toBe(1000);
  });
});
