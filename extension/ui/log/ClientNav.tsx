import { useState } from 'preact/hooks';
import type { Client } from '../../../shared/domain';
import type { DocketDB } from '../../store/db';
import { setMyName } from '../../store/me';
import { QuickClient } from '../capture/QuickClient';

export function ClientNav(props: {
  db: DocketDB;
  clients: Client[];
  current: string | null;
  me: string;
  onPick: (id: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState(props.me);
  return (
    <nav aria-label="Clients">
      <h1>Docket</h1>
      <ul>
        {props.clients.map((c) => (
          <li>
            <button type="button" aria-current={c.id === props.current} onClick={() => props.onPick(c.id)}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <QuickClient
          db={props.db}
          onCreated={(id) => {
            setAdding(false);
            props.onPick(id);
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          + New client
        </button>
      )}
      <label style={{ marginTop: '24px' }}>
        Your name (shown in history)
        <input
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          onBlur={() => void setMyName(props.db, name)}
        />
      </label>
    </nav>
  );
}
