import { describe, expect, it } from 'vitest';
import { deviceRecordId } from '../../../shared/domain/device';
import { toHex } from '../../../shared/ledger/bytes';
import { signCheckpoint } from '../../../shared/ledger/checkpoint';
import { generateSigningKey, keyIdOf } from '../../../shared/ledger/ed25519';
import { change, harness, hlc, pushBody } from './helpers';

/** A device record's changes, one per field, as the extension's journal sends them. */
function deviceChanges(id: string, fields: Record<string, unknown>, at = 0) {
  return Object.entries(fields).map(([field, value], i) =>
    change({ table: 'devices', id, field, value, hlc: hlc(at, 'replica-a', i) }),
  );
}

describe("a device record's identity (deviceRecordId(keyId, clientId))", () => {
  it('is taken when its id, key id, public key and client agree, and co-signs with that client named', async () => {
    const h = harness();
    const token = await h.setUp();
    const space = await h.createSpace(token);
    const key = await generateSigningKey();
    const keyId = keyIdOf(key.publicKey);
    const fields = {
      clientId: 'client-1',
      keyId,
      publicKey: toHex(key.publicKey),
      label: 'Chrome on Linux',
      createdAt: '2026-11-26T14:00:00.000Z',
    };
    const id = deviceRecordId(keyId, 'client-1');
    const res = await h.push(token, space, pushBody(deviceChanges(id, fields)));
    expect(res.status).toBe(200);
    const checkpoint = res.json.checkpoint;
    const signature = await signCheckpoint(checkpoint, key.privateKey, key.publicKey);
    const at = `/v1/spaces/${space}/checkpoints/${checkpoint.size}/cosignatures`;
    // Named under another client, the key is no device of this log.
    const other = await h.call('POST', at, { token, body: { ...signature, clientId: 'client-2' } });
    expect(other).toMatchObject({ status: 403, json: { error: 'unknown-device' } });
    const ok = await h.call('POST', at, { token, body: { ...signature, clientId: 'client-1' } });
    expect(ok.status).toBe(201);
    expect(ok.json.checkpoint.cosignatures).toEqual([signature]);
  });

  it('refuses, whole, a record whose id, key id and public key disagree', async () => {
    const h = harness();
    const token = await h.setUp();
    const space = await h.createSpace(token);
    const key = await generateSigningKey();
    const keyId = keyIdOf(key.publicKey);
    const other = keyIdOf((await generateSigningKey()).publicKey);
    const good = { clientId: 'client-1', keyId, publicKey: toHex(key.publicKey) };
    const cases: [string, Record<string, unknown>, RegExp][] = [
      // the old rule's id: the key id alone
      [keyId, good, /its id must be deviceRecordId\(keyId, clientId\)/],
      [deviceRecordId(keyId, 'client-2'), good, /then its clientId/],
      // the key first: then the wrong key id is named as such
      [
        deviceRecordId(keyId, 'client-1'),
        { publicKey: good.publicKey, keyId: other },
        /keyId must be the SHA-256 of its public key/,
      ],
      [deviceRecordId(other, 'client-1'), { ...good, keyId: other }, /keyId must be the SHA-256/],
    ];
    for (const [id, fields, message] of cases) {
      const res = await h.push(token, space, pushBody([change(), ...deviceChanges(id, fields, 1)]));
      expect(res.status, id).toBe(400);
      expect(res.json.message).toMatch(message);
    }
    expect((await h.call('GET', `/v1/spaces/${space}`, { token })).json.serverSeq).toBe(0);
  });
});
