import { useState } from 'preact/hooks';
import type { Client, Meeting } from '../../../../shared/domain';
import { amendmentLines, sealLine } from '../../../../shared/export/seal-text';
import type { PackReport } from '../../../../shared/ledger/verify';
import { currentLogOf } from '../../../ledger/current-log';
import { evidencePackZip, verifyMeeting } from '../../../ledger/evidence-pack';
import type { DocketDB } from '../../../store/db';
import { download, fileName } from '../../download';
import { useLive } from '../../use-live';

const VERDICT_WORDS = {
  unchanged: 'Verified: unchanged since sealed',
  amended: 'Verified: the sealed record holds; amended after sealing as listed',
  fails: 'Does not verify',
};

/**
 * A sealed meeting's seal: who sealed it and its root (as the minutes print them), what was amended since, the
 * verdict of the same check `verify.mjs` runs, and the evidence pack to send.
 */
export function SealPanel({ db, client, meeting }: { db: DocketDB; client: Client; meeting: Meeting }) {
  const statement = meeting.seal!.statement;
  const log = useLive(() => currentLogOf(db, meeting), [meeting.id, meeting.updatedAt]);
  const amended = log ? amendmentLines(meeting, log, client.timeZone) : null;
  const [report, setReport] = useState<PackReport | 'checking' | null>(null);
  const [error, setError] = useState('');
  const verdict = report && report !== 'checking' ? report.meetings.find((m) => m.meetingId === meeting.id) : null;

  async function check() {
    setError('');
    setReport('checking');
    try {
      const { report, note } = await verifyMeeting(db, client, meeting);
      setReport(report);
      if (note) setError(note);
    } catch (e) {
      setReport(null);
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  async function exportPack() {
    setError('');
    try {
      const { zip, note } = await evidencePackZip(db, client, meeting);
      download(fileName(client.name, 'evidence', meeting.startsAt.slice(0, 10)) + '.zip', zip, 'application/zip');
      if (note) setError(note);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section class="seal" aria-label="Seal" data-testid="seal">
      <p class="seal-line">
        <strong>{sealLine(statement, client.timeZone)}</strong>
      </p>
      <p class="muted small">
        Root <code class="root">{statement.root}</code>
      </p>
      {amended === null ? null : amended.length === 0 ? (
        <p data-testid="seal-state">Unchanged since sealed.</p>
      ) : (
        <div data-testid="seal-state">
          <h3>Amended after sealing ({amended.length})</h3>
          <p class="muted small">The sealed record stays as it was; these changes were made afterwards.</p>
          <ul class="amendments">
            {amended.map((a) => (
              <li>{a.text}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="actions">
        <button type="button" onClick={() => void check()} disabled={report === 'checking'}>
          {report === 'checking' ? 'Verifying…' : 'Verify the seal'}
        </button>
        <button type="button" onClick={() => void exportPack()}>
          Evidence pack (.zip)
        </button>
      </div>
      {report && report !== 'checking' && (
        <div class={`verdict ${report.ok ? 'ok' : 'fails'}`} role="status" data-testid="seal-verdict">
          <p>
            <strong>{verdict ? VERDICT_WORDS[verdict.verdict] : report.ok ? 'Verified' : 'Does not verify'}</strong>
          </p>
          <ul>
            {[...(verdict?.lines ?? []), ...report.problems].map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
