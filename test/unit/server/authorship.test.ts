import { describe, expect, it } from 'vitest';
import { change, harness, hlc, pushBody } from './helpers';

/** Two members write to the same record, then one renames: the log and the snapshot name each by account. */
async function twoAuthors() {
  const h = harness();
  const owner = await h.setUp('Dana (vCIO)');
  const space = await h.createSpace(owner);
  const editor = await h.join(owner, space, 'editor', 'Sam Editor');
  const ids = {
    owner: (await h.call('GET', '/v1/me', { token: owner })).json.user.id as string,
    editor: (await h.call('GET', '/v1/me', { token: editor })).json.user.id as string,
  };
  expect(
    (await h.push(owner, space, pushBody([change({ field: 'title', value: 'Firewall', hlc: hlc(1) })]))).status,
  ).toBe(200);
  const byEditor = change({ field: 'notes', value: 'Quote attached', hlc: hlc(2, 'replica-b') });
  expect((await h.push(editor, space, pushBody([byEditor], 1, 'replica-b'))).status).toBe(200);
  return { h, owner, editor, space, ids };
}

describe('authorship is the server’s word', () => {
  it('every pulled change carries the authenticated account’s id, and keeps it through a rename', async () => {
    const { h, owner, editor, space, ids } = await twoAuthors();
    expect((await h.call('PATCH', '/v1/me', { token: editor, body: { name: 'Sam Renamed' } })).status).toBe(200);
    const pulled = (await h.call('GET', `/v1/spaces/${space}/pull`, { token: owner })).json.changes;
    expect(
      pulled.map((c: { field: string; authorId: string; author: string }) => [c.field, c.authorId, c.author]),
    ).toEqual([
      ['title', ids.owner, 'Dana (vCIO)'],
      // The name logged is the one the account had when it pushed; the id is what history goes by.
      ['notes', ids.editor, 'Sam Editor'],
    ]);
  });

  it('each field of a snapshot names the account that wrote its winning value', async () => {
    const { h, owner, space, ids } = await twoAuthors();
    const { records } = (await h.call('GET', `/v1/spaces/${space}/snapshot`, { token: owner })).json;
    expect(records).toHaveLength(1);
    expect(records[0].fields.title).toEqual({ value: 'Firewall', hlc: hlc(1), authorId: ids.owner });
    expect(records[0].fields.notes).toEqual({
      value: 'Quote attached',
      hlc: hlc(2, 'replica-b'),
      authorId: ids.editor,
    });
  });

  it('a push cannot name its author: a client-sent author or authorId is refused as an unknown field', async () => {
    const { h, editor, space } = await twoAuthors();
    for (const key of ['author', 'authorId']) {
      const forged = {
        ...change({ field: 'title', value: 'Mine now', hlc: hlc(3, 'replica-b') }),
        [key]: 'Dana (vCIO)',
      };
      const res = await h.push(editor, space, pushBody([forged], 2, 'replica-b'));
      expect(res.status).toBe(400);
      expect(res.json.error).toBe('unknown-field');
    }
  });
});
