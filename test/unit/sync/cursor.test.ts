import { describe, expect, it } from 'vitest';
// Through the index, which is what the server and the extension import.
import { decodeCursor, encodeCursor, PROTOCOL_VERSION } from '../../../shared/sync';

describe('cursors', () => {
  it('round-trip a position in a space', () => {
    for (const seq of [0, 1, 42, 1_000_000, Number.MAX_SAFE_INTEGER]) {
      expect(decodeCursor(encodeCursor({ seq, space: 'space-1' }), 'space-1')).toEqual({ seq });
    }
    expect(PROTOCOL_VERSION).toBe(1);
  });

  it('are URL-safe text with a version tag', () => {
    const cursor = encodeCursor({ seq: 7, space: 'Clínica Québec ✓' });
    expect(cursor).toMatch(/^c1\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'Clínica Québec ✓')).toEqual({ seq: 7 });
  });

  it('refuse a cursor from another space', () => {
    expect(decodeCursor(encodeCursor({ seq: 7, space: 'space-a' }), 'space-b')).toBeNull();
  });

  it('refuse garbage', () => {
    const b64 = (text: string) => 'c1.' + btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    for (const bad of [
      '',
      'c1.',
      'c1.!!!',
      'c2.' + encodeCursor({ seq: 1, space: 's' }).slice(3),
      encodeCursor({ seq: 1, space: 's' }).slice(3),
      b64('not json'),
      b64('null'),
      b64('[1]'),
      b64('{"space":"s","seq":-1}'),
      b64('{"space":"s","seq":1.5}'),
      b64('{"space":"s","seq":"3"}'),
      b64('{"space":"s"}'),
      'c1.' + 'A'.repeat(2000),
      'c1.' + btoa('\xff\xfe').replace(/=+$/, ''), // not UTF-8
    ]) {
      expect(decodeCursor(bad, 's'), bad).toBeNull();
    }
  });

  it('cannot be made for a position that is not one', () => {
    expect(() => encodeCursor({ seq: -1, space: 's' })).toThrow(RangeError);
    expect(() => encodeCursor({ seq: 0.5, space: 's' })).toThrow(RangeError);
  });
});
