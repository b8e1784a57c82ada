/** A 20-message Gmail conversation, every message expanded, clipped from mail.google.com (served locally). */
import { generateGmailThread } from '../../data/gmail';
import type { Figure } from '../../lib/types';
import { openTab, timeInTurn, type Env } from './timing';

const MESSAGES = 20;

export async function gmailFigure(env: Env): Promise<Figure> {
  const thread = generateGmailThread(MESSAGES, 7);
  env.gmail.routes.set('/mail/u/0/', { type: 'text/html; charset=utf-8', body: thread.html });
  // A conversation URL: the extractor picks Gmail by host, and the hash names the thread as Gmail's own links do.
  const url = `${env.gmail.origin}/mail/u/0/#inbox/FMfcgzQZTqwKxLbench7`;
  const { page, tabId } = await openTab(env, url);
  const latest = thread.senders.at(-1)!;
  // Every message's own body, and a "### sender, date" heading for each of the 19 before the latest.
  const phrases = [
    ...thread.markers,
    ...thread.senders.slice(0, -1).map((s, i) => `### ${s.name} (${s.email}), ${thread.dates[i]}`),
  ];
  env.ctx.log(`capture: Gmail conversation of ${MESSAGES} messages…`);
  const [gmail] = await timeInTurn(env.ctx, [
    {
      label: 'Docket, Gmail conversation',
      run: () =>
        env.bench.evaluate((a) => docketBench.capture.docket(a.tabId, { mode: 'page' }, a.phrases), {
          tabId,
          phrases,
        }),
      check: (t) => {
        if (t.kind !== 'email' || t.from !== latest.email)
          throw new Error(`Gmail: read as ${t.kind} from ${t.from}, not an e-mail from ${latest.email}`);
      },
    },
  ]);
  await page.close();
  return {
    id: 'capture.gmail-20',
    area: 'capture',
    name: `Gmail conversation of ${MESSAGES} messages`,
    unit: 'ms',
    result: gmail!.summary,
    target: { op: '<=', value: 100 },
    note:
      `Generated thread, all ${MESSAGES} messages expanded, each quoting the conversation before it ` +
      `(${(Buffer.byteLength(thread.html) / 1e3).toFixed(0)} kB of HTML), served as https://mail.google.com. ` +
      'captureFromTab(page) timed in the bench page; the run checks every message body and header was read. ' +
      `Markdown: ${gmail!.last.chars.toLocaleString('en-US')} chars.`,
  };
}
