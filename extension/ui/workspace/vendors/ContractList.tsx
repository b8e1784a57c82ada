import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contract } from '../../../../shared/domain';
import { deleteContract } from '../../../store/contracts';
import type { DocketDB } from '../../../store/db';
import { actorNow } from '../../../store/me';
import { formatMoney } from '../../format';
import { ContractForm } from './ContractForm';
import { type CaptureRef, itemHref } from './DocumentPicker';
import { NoticeBadge } from './NoticeBadge';
import type { NextNotice } from './notice';

interface Props {
  db: DocketDB;
  contracts: Contract[];
  notices: Map<string, NextNotice>;
  captures: CaptureRef[];
  /** A view-only client's contracts: read, never edited or deleted. */
  readOnly?: boolean;
}

/** A vendor's contracts, the one ending soonest first, each with its next notice deadline and its documents. */
export function ContractList({ db, contracts, notices, captures, readOnly = false }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');
  // Buttons come and go as a row switches mode; keep the keyboard focus on the row rather than lose it to <body>.
  const list = useRef<HTMLUListElement>(null);
  const focusNext = useRef('');
  useEffect(() => {
    if (!focusNext.current) return;
    list.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = '';
  });
  const mode = (set: () => void, focus: string) => {
    focusNext.current = focus;
    set();
  };
  const byId = new Map(captures.map((c) => [c.id, c]));
  const sorted = [...contracts].sort((a, b) =>
    (notices.get(a.id)?.termEnd ?? a.termEnd).localeCompare(notices.get(b.id)?.termEnd ?? b.termEnd),
  );

  async function remove(id: string) {
    try {
      setError('');
      await deleteContract(db, await actorNow(db), id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setConfirming(null);
    }
  }

  if (!contracts.length) return <p class="muted">No contract recorded for this vendor.</p>;
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ul class="contract-rows" ref={list}>
        {sorted.map((c) => {
          const notice = notices.get(c.id);
          if (editing === c.id)
            return (
              <li key={c.id} data-testid="contract-row" data-edit-form={c.id}>
                <ContractForm
                  db={db}
                  clientId={c.clientId}
                  vendorId={c.vendorId}
                  captures={captures}
                  contract={c}
                  onDone={() => mode(() => setEditing(null), `[data-edit="${c.id}"]`)}
                />
              </li>
            );
          const docs = c.captureIds.flatMap((id) => byId.get(id) ?? []);
          return (
            <li key={c.id} data-testid="contract-row">
              <div class="contract-title">
                <strong>{c.title}</strong>
                {notice?.expired && <span class="badge urgent">Expired</span>}
              </div>
              <dl class="contract-facts">
                <dt>Term</dt>
                <dd>
                  <span class="nowrap">{c.termStart}</span> → <span class="nowrap">{c.termEnd}</span>
                  {notice && notice.termEnd !== c.termEnd && <span class="muted"> (now runs to {notice.termEnd})</span>}
                </dd>
                <dt>Auto-renews</dt>
                <dd>
                  {c.autoRenew ? `yes, for ${c.renewalMonths} ${c.renewalMonths === 1 ? 'month' : 'months'}` : 'no'}
                </dd>
                <dt>Notice</dt>
                <dd>{c.noticeDays} days</dd>
                <dt>Next notice deadline</dt>
                <dd>{notice ? <NoticeBadge notice={notice} /> : '—'}</dd>
                <dt>Value</dt>
                <dd>{c.value ? formatMoney(c.value) : '—'}</dd>
                <dt>Documents</dt>
                <dd>
                  {docs.length === 0 && c.captureIds.length === 0 && <span class="muted">none linked</span>}
                  {docs.map((d) => (
                    <a class="doc-link" href={itemHref(d)}>
                      {d.title || 'Untitled capture'}
                    </a>
                  ))}
                  {docs.length < c.captureIds.length && (
                    <span class="muted">{c.captureIds.length - docs.length} no longer in the log</span>
                  )}
                </dd>
              </dl>
              {c.notes && <p class="contract-notes">{c.notes}</p>}
              {!readOnly && (
                <div class="form-actions">
                  {confirming === c.id ? (
                    <>
                      <span>Delete this contract?</span>
                      <button type="button" class="danger" onClick={() => void remove(c.id)}>
                        Delete contract
                      </button>
                      <button
                        type="button"
                        data-keep={c.id}
                        onClick={() => mode(() => setConfirming(null), `[data-delete="${c.id}"]`)}
                      >
                        Keep it
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        data-edit={c.id}
                        aria-label={`Edit ${c.title}`}
                        onClick={() => mode(() => setEditing(c.id), `[data-edit-form="${c.id}"] [name=title]`)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        data-delete={c.id}
                        aria-label={`Delete ${c.title}`}
                        onClick={() => mode(() => setConfirming(c.id), `[data-keep="${c.id}"]`)}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
