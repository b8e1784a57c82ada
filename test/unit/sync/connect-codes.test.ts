import { describe, expect, it } from 'vitest';
import { prepareSetup } from '../../../server/auth/setup';
import { connect } from '../../../extension/sync/connection';
import type { Fetch } from '../../../extension/sync/transport';
import { freshDb } from '../../support/store';
import { harness, T0 } from '../server/helpers';

/** A server on a clock the test moves; the owner signed in with a space to invite to. */
async function server() {
  const h = harness();
  const setupCode = (await prepareSetup(h.store, new Date(T0)))!;
  const fetchApp: Fetch = (url, init) => Promise.resolve(h.app.request(url, init));
  const owner = (await h.call('POST', '/v1/setup', { body: { code: setupCode, name: 'Alice' } })).json.token as string;
  const space = (await h.call('POST', '/v1/spaces', { body: { name: 'Northwind Dental' }, token: owner })).json.id;
  const inviteCode = async () =>
    (
      await h.call('POST', `/v1/spaces/${space}/invites`, {
        body: { role: 'editor', expiresInHours: 72 },
        token: owner,
      })
    ).json.code as string;
  const join = (code: string, fetchImpl = fetchApp) =>
    connect(freshDb(), 'http://docket.test', code, 'Bob', fetchImpl).then(
      () => 'connected',
      (e: Error) => e.message,
    );
  /** A device code for Alice's own account, made by her signed-in device. */
  const deviceCode = async () =>
    (await h.call('POST', '/v1/tokens/codes', { body: {}, token: owner })).json.code as string;
  return { h, owner, setupCode, inviteCode, deviceCode, join };
}

describe('each wrong code gets its own message', () => {
  it('a mistyped invite code is called an invite, not a wrong setup code', async () => {
    const s = await server();
    const said = await s.join('A'.repeat(43));
    expect(said).toMatch(/No invite on http:\/\/docket\.test matches that code/);
    expect(said).not.toMatch(/setup code is wrong/i);
  });

  it('a used invite, an expired invite, a used setup code', async () => {
    const s = await server();
    const code = await s.inviteCode();
    expect(await s.join(code)).toBe('connected');
    expect(await s.join(code)).toMatch(/already been used\. Ask the space's owner for a new one/);
    const late = await s.inviteCode();
    s.h.clock.now = T0 + 73 * 3_600_000;
    expect(await s.join(late)).toMatch(/has expired \(invites last 72 hours\)/);
    expect(await s.join(s.setupCode)).toMatch(/No invite .* matches that code.*setup code .* works once/s);
  });

  it('a used device code, an expired one, one whose device was signed out: each says to make a new one', async () => {
    const s = await server();
    const code = await s.deviceCode();
    expect(await s.join(code)).toBe('connected');
    expect(await s.join(code)).toBe(
      'This device code has already been used. Make a new one on another of your devices (Team sync › Add a ' +
        'device…), or ask your Docket admin for one.',
    );
    const late = await s.deviceCode();
    s.h.clock.now = T0 + 15 * 60_000;
    expect(await s.join(late)).toMatch(/^This device code has expired \(device codes last 15 minutes\)/);
    const orphan = await s.deviceCode();
    await s.h.call('DELETE', '/v1/tokens/current', { token: s.owner });
    expect(await s.join(orphan)).toMatch(/or the device that made it has been signed out since\. Make a new one/);
    // None of them is called an invite, nor a wrong setup code.
    expect(await s.join('C'.repeat(43))).toMatch(/A device code, from Team sync › Add a device…/);
  });

  it('what is not a code at all is refused before asking the server', async () => {
    const s = await server();
    const never: Fetch = () => Promise.reject(new Error('the server must not be asked'));
    expect(await s.join('4821', never)).toMatch(/^That is not a Docket code/);
    expect(await s.join('  ', never)).toMatch(/^That is not a Docket code/);
  });

  it('an unreachable server, or one that is not a Docket server, says so', async () => {
    const s = await server();
    const code = await s.inviteCode();
    expect(await s.join(code, () => Promise.reject(new TypeError('Failed to fetch')))).toMatch(
      /cannot be reached .* Check the address and that the server is running\.$/,
    );
    const html: Fetch = () => Promise.resolve(new Response('<h1>Not found</h1>', { status: 404 }));
    expect(await s.join(code, html)).toMatch(/does not answer like a Docket sync server/);
  });
});
