import type { FieldChange, HistoryEntry } from '../../../../shared/domain';
import { type HistoryMinute, historyMinutes } from '../../../../shared/history/sessions';
import { describeChange, fieldLabel, type Names, NESTED_FIELDS, valueInWords } from '../../../../shared/history/words';
import { formatInstant } from '../../format';
import './history.css';

// The same clock as formatInstant (en-GB, 24 h), so a span reads "1 Dec 2026, 15:00–15:20".
const timeOnly = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

/** "Dec 4, 2026, 3:10 PM–3:24 PM": one session's span, the end as a time only when it is the same day. */
function span(m: HistoryMinute): string {
  const start = formatInstant(m.from);
  if (m.from === m.at) return start;
  const end = timeOnly.format(new Date(m.at));
  if (start.endsWith(end)) return start; // within the same minute
  const sameDay = new Date(m.from).toDateString() === new Date(m.at).toDateString();
  return sameDay ? `${start}–${timeOnly.format(new Date(m.at))}` : `${start} – ${formatInstant(m.at)}`;
}

/** A value that lost a concurrent edit, in words: for a record or a list, how the lost version differed. */
function Lost({ c, by, names }: { c: FieldChange; by: string; names: Names }) {
  if (NESTED_FIELDS.includes(c.field)) {
    const differences = describeChange(c.field, c.to, c.from, names);
    return (
      <div>
        kept the version by {by}; the other version, kept here, differed:
        <ul class="changes">
          {differences.map((l) => (
            <li>
              <strong>{l.label}:</strong> {l.text}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div>
      kept <strong>{valueInWords(c.field, c.to, names)}</strong> ({by}); the other value,{' '}
      <strong>{valueInWords(c.field, c.from, names)}</strong>, is kept here
    </div>
  );
}

function Conflict({ m, names }: { m: HistoryMinute; names: Names }) {
  const changes = m.conflict ?? [];
  return (
    <li class="conflict" data-testid="conflict">
      <span class="badge urgent">Conflict</span> {changes.map((c) => fieldLabel(c.field)).join(', ')} was edited in two
      places at once · {formatInstant(m.at)}
      {changes.map((c) => (
        <Lost c={c} by={m.by} names={names} />
      ))}
    </li>
  );
}

/** The item's history as minutes: one entry per editing session, each change before → after in words. */
export function HistoryMinutes({ entries, names }: { entries: HistoryEntry[]; names: Names }) {
  const minutes = historyMinutes(entries, names);
  return (
    <ol class="history" data-testid="history">
      {minutes.map((m) =>
        m.what === 'conflict' ? (
          <Conflict m={m} names={names} />
        ) : (
          <li data-testid="history-entry">
            <span class="who">{m.by}</span> {m.summary} · <span class="muted">{span(m)}</span>
            {m.what === 'edited' && (
              <ul class="changes">
                {m.lines.map((l) => (
                  <li>
                    <strong>{l.label}:</strong> {l.text}
                    {l.full && (
                      <details>
                        <summary>Show all</summary>
                        <p class="muted small">Before</p>
                        <blockquote class="full-text">{l.full.from || '(empty)'}</blockquote>
                        <p class="muted small">After</p>
                        <blockquote class="full-text">{l.full.to || '(empty)'}</blockquote>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ),
      )}
    </ol>
  );
}
