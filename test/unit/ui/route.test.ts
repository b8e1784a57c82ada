import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../extension/ui/log/route';

describe('log page route', () => {
  it('round-trips through the hash', () => {
    const route = { client: 'c1', view: 'vendors' as const, meeting: 'c1@2026-12-08', item: 'i 1', q: 'acme renewal' };
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });
  it('reads the capture form’s #item= link and falls back to the agenda for unknown views', () => {
    expect(parseRoute('#item=abc')).toEqual({ client: null, view: 'agenda', meeting: null, item: 'abc', q: '' });
    expect(parseRoute('#view=nope').view).toBe('agenda');
  });
});
