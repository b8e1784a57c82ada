import { useEffect, useState } from 'preact/hooks';
import type { DocketDB } from '../../../store/db';
import { formatDay, seenAgo } from '../../../sync/messages';
import {
  type Device,
  type DeviceCode,
  listDevices,
  makeDeviceCode,
  signOutDevice,
  signOutThisDevice,
} from '../../../sync/team';
import { Confirm } from './Confirm';
import { useTeamCall } from './use-team-call';

/** How each kind of sign-in reads in the list (the server's token labels). */
const LABELS: Record<string, string> = {
  setup: 'Signed in with the setup code',
  invite: 'Signed in with an invite',
  admin: 'Token from the server’s administrator',
  'device-code': 'Signed in with a device code',
  'admin-code': 'Signed in with a code from the server’s administrator',
};

/** "14:15", in the user's time zone. */
const clock = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(new Date(iso));

const describe = (d: Device) => `${LABELS[d.label] ?? d.label}, ${formatDay(d.createdAt)}`;

/**
 * The user's own signed-in devices (tokens in force): how and when each signed in, when it was last used, which
 * one is this browser. Another device is signed out with its "Sign out" button (named "Sign out device: <how>, <day>");
 * this one with "Sign out this device", confirmed: the connection then keeps the server and the user, and waits for
 * a new sign-in; the local log stays. "Add a device…" shows a single-use device code (15 minutes) that signs another
 * browser in to this same account: a new one, or one of this person's that was signed out.
 */
export function Devices(props: { db: DocketDB; serverUrl: string; say: (text: string) => void }) {
  const { db, serverUrl, say } = props;
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [code, setCode] = useState<DeviceCode | null>(null);
  const { error, busy, run, fail } = useTeamCall('this space', serverUrl);
  const load = () => listDevices(db).then(setDevices, (e: unknown) => fail('device', e));
  useEffect(() => {
    void load();
  }, [db]);
  const now = new Date();

  const signOut = async (d: Device) => {
    if (await run('device', () => signOutDevice(db, d.id))) say(`${describe(d)}: signed out.`);
    await load();
  };
  const addDevice = () =>
    run('other', async () => {
      setCode(await makeDeviceCode(db));
      say('Device code created: enter it on the other device within 15 minutes.');
    });
  const signOutHere = async () => {
    setLeaving(false);
    if (await run('device', () => signOutThisDevice(db))) {
      say('This device is signed out. The local log stays here; sign in again to sync.');
    }
  };

  return (
    <div class="devices">
      <h4>Your devices</h4>
      {devices && (
        <ul aria-label="Your devices">
          {devices.map((d) => (
            <li key={d.id}>
              {describe(d)} · <span title={d.lastUsedAt}>{seenAgo(d.lastUsedAt, now, undefined, 'used')}</span>
              {' · '}
              {d.current ? (
                <strong>this device</strong>
              ) : (
                <button
                  type="button"
                  class="link"
                  aria-label={`Sign out device: ${describe(d)}`}
                  disabled={busy}
                  onClick={() => void signOut(d)}
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        <button type="button" name="add-device" disabled={busy} onClick={() => void addDevice()}>
          Add a device…
        </button>
        <button type="button" name="sign-out-this-device" disabled={busy} onClick={() => setLeaving(true)}>
          Sign out this device
        </button>
      </div>
      {code && (
        <p>
          Enter this code on the other device within 15 minutes (until {clock(code.expiresAt)}), in Team sync with the
          server {serverUrl}. It works once and signs that browser in as you:{' '}
          <span class="code" data-testid="device-code">
            {code.code}
          </span>
        </p>
      )}
      {leaving && (
        <Confirm
          question="Sign this device out? It stops syncing until you sign in again; the local log stays on this browser."
          yes="Yes, sign this device out"
          onYes={() => void signOutHere()}
          onCancel={() => setLeaving(false)}
        />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
