// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { browserTimeZone, readMessageDate, statedInstant } from '../../../extension/capture/message-date';

const el = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body.firstElementChild!;

describe('readMessageDate', () => {
  it('prefers an epoch-milliseconds data attribute over the wall clock, with no zone note', () => {
    const span = el('<span class="g3" title="Tue, Nov 24, 2026, 10:08 AM" data-ts="1795532880000">10:08 AM</span>');
    // 1795532880000 is 2026-11-24T15:08:00Z: 10:08 in a UTC-5 account, whatever zone this browser is in.
    expect(readMessageDate(span, 'Tue, Nov 24, 2026, 10:08 AM', 'en', 'Gmail')).toEqual({
      date: '2026-11-24T15:08:00.000Z',
      notes: [],
    });
  });

  it('reads a datetime attribute on a time element inside the date, and epoch seconds', () => {
    const withTime = el('<div><time datetime="2026-04-10T11:25:00+00:00">ven. 10/04/2026 13:25</time></div>');
    expect(readMessageDate(withTime, 'ven. 10/04/2026 13:25', 'fr', 'Outlook').date).toBe('2026-04-10T11:25:00.000Z');
    expect(statedInstant(el('<span data-epoch="1795532880">x</span>'))).toEqual({
      ms: 1795532880000,
      attr: 'data-epoch',
    });
  });

  it('ignores numbers that are not instants (ids, counts) and ISO dates without a zone', () => {
    expect(
      statedInstant(el('<span data-id="42" data-message-id="1815001122334455001" data-d="2026-04-10T11:25">x</span>')),
    ).toBeNull();
  });

  it('keeps a stated instant with only a relative text shown', () => {
    const span = el('<span data-ts="1795532880000">10:08 AM (2 hours ago)</span>');
    expect(readMessageDate(span, '10:08 AM (2 hours ago)', 'en', 'Gmail')).toEqual({
      date: '2026-11-24T15:08:00.000Z',
      notes: [],
    });
  });

  it('does not use a stated instant that contradicts the date shown, and says so', () => {
    const span = el('<span data-ts="1795532880000">x</span>'); // 24 Nov 2026
    const read = readMessageDate(span, 'Mon, Jan 4, 2027, 9:00 AM', 'en', 'Gmail');
    expect(read.date).toBe(new Date(2027, 0, 4, 9, 0).toISOString());
    expect(read.notes[0]).toMatch(/^Gmail: the page's timestamp \(data-ts\) disagrees/);
  });

  it('falls back to the browser zone with a note naming it', () => {
    const read = readMessageDate(el('<span>x</span>'), 'Tue, Nov 24, 2026, 10:08 AM', 'en', 'Outlook');
    expect(read.date).toBe(new Date(2026, 10, 24, 10, 8).toISOString());
    expect(read.notes).toEqual([
      `Outlook: the page gave no time zone for "Tue, Nov 24, 2026, 10:08 AM"; it was read in this browser's time zone (${browserTimeZone()}). Check it if the mail account uses another.`,
    ]);
  });

  it('needs no zone note when the text carries its offset', () => {
    expect(readMessageDate(null, 'Tue, Nov 24, 2026, 10:08 AM GMT-05:00', 'en', 'Gmail')).toEqual({
      date: '2026-11-24T15:08:00.000Z',
      notes: [],
    });
  });
});
