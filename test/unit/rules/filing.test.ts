import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/domain';
import {
  fileItem,
  isOnMeeting,
  isUntriaged,
  needsDecision,
  settleByDecision,
  statusOfNewItem,
} from '../../../shared/rules';

type Filed = Pick<Item, 'status' | 'meetingId' | 'section' | 'kind' | 'decision'>;
const item = (over: object = {}): Filed =>
  ({ status: 'inbox', meetingId: null, section: 'vendor-follow-up', kind: 'other', decision: null, ...over }) as Filed;

describe('the status model', () => {
  it('filing an Inbox item on a meeting makes it to prepare; other statuses are kept', () => {
    expect(fileItem(item(), { meetingId: 'm1' })).toMatchObject({ status: 'to-prepare', meetingId: 'm1' });
    expect(fileItem(item({ status: 'deferred', meetingId: 'm0' }), { meetingId: 'm1' })).toMatchObject({
      status: 'deferred',
      meetingId: 'm1',
    });
  });
  it('setting an item back to Inbox takes it off its meeting; taking it off a meeting keeps its status', () => {
    expect(fileItem(item({ status: 'on-agenda', meetingId: 'm1' }), { status: 'inbox' })).toMatchObject({
      status: 'inbox',
      meetingId: null,
    });
    expect(fileItem(item({ status: 'on-agenda', meetingId: 'm1' }), { meetingId: null })).toMatchObject({
      status: 'on-agenda',
      meetingId: null,
    });
  });
  it('a new item on a meeting is to prepare, without one it waits in the Inbox', () => {
    expect(statusOfNewItem('m1', 'inbox')).toBe('to-prepare');
    expect(statusOfNewItem('m1', 'on-agenda')).toBe('on-agenda');
    expect(statusOfNewItem(null, 'to-prepare')).toBe('inbox');
  });
  it('Inbox and withdrawn items are on no agenda', () => {
    expect(isUntriaged(item())).toBe(true);
    expect(isOnMeeting(item({ meetingId: 'm1' }), 'm1')).toBe(false);
    expect(isOnMeeting(item({ meetingId: 'm1', status: 'withdrawn' }), 'm1')).toBe(false);
    expect(isOnMeeting(item({ meetingId: 'm1', status: 'decided' }), 'm1')).toBe(true);
    expect(isOnMeeting(item({ meetingId: 'm2', status: 'to-prepare' }), 'm1')).toBe(false);
  });
  it('decisions to prepare: open quotes and proposals in any section, the decisions section, proposed records', () => {
    expect(needsDecision(item({ status: 'to-prepare', kind: 'quote', section: 'urgent' }))).toBe(true);
    expect(needsDecision(item({ status: 'on-agenda', section: 'decision-to-prepare' }))).toBe(true);
    expect(needsDecision(item({ status: 'to-prepare', decision: { status: 'proposed' } }))).toBe(true);
    expect(needsDecision(item({ status: 'to-prepare' }))).toBe(false);
    expect(needsDecision(item({ status: 'inbox', kind: 'quote' }))).toBe(false);
    expect(needsDecision(item({ status: 'decided', kind: 'quote' }))).toBe(false);
    expect(needsDecision(item({ status: 'to-prepare', kind: 'quote', decision: { status: 'accepted' } }))).toBe(false);
  });
  it('recording the outcome settles an open item, unless the same edit sets its status', () => {
    const open = { status: 'to-prepare', decision: { status: 'proposed' } } as Pick<Item, 'status' | 'decision'>;
    const accepted = { ...open, decision: { status: 'accepted' } } as typeof open;
    expect(settleByDecision(open, accepted, false).status).toBe('decided');
    expect(settleByDecision(open, { ...accepted, decision: { status: 'rejected' } } as typeof open, false).status).toBe(
      'rejected',
    );
    expect(settleByDecision(open, accepted, true).status).toBe('to-prepare');
    expect(settleByDecision(accepted, { ...accepted, status: 'to-prepare' }, false).status).toBe('to-prepare');
    expect(settleByDecision({ ...open, status: 'withdrawn' }, { ...accepted, status: 'withdrawn' }, false).status).toBe(
      'withdrawn',
    );
  });
});
