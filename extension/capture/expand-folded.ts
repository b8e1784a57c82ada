/**
 * Before a webmail page is read, opens what the page keeps folded so it can be captured: Gmail's "N older
 * messages" fold, collapsed messages, and the header details of the latest message (the only place Gmail tells
 * to, cc and bcc apart); Outlook's "see more messages" control and collapsed items. Every wait is bounded: what
 * has not opened by then is captured as it is, and the extractors' warnings say how many messages are missing.
 * This clicks in the live page (it changes what the user sees) but never throws.
 */
import { FOLD, readDetails } from './gmail-parts';
import { LABEL_PREFIX } from './header-labels';
import { containerOf } from './outlook';
import { collapsedItems, FOLD_TEXT } from './outlook-parts';
import { attr, textOf, toArray } from './text';
import { webmailOf } from './webmail';

export interface ExpandOptions {
  /** Longest wait for the page to answer all clicks, in ms. */
  timeoutMs?: number;
  /** At most this many collapsed messages are opened (a 200-message thread is not expanded whole). */
  maxMessages?: number;
}

export interface Expanded {
  /** Controls clicked. */
  clicked: number;
  /** Whether the page showed what was asked for before the deadline. */
  settled: boolean;
}

const GMAIL_MESSAGE = '[data-message-id], [data-legacy-message-id]';
const GMAIL_BODY = '.a3s';
// The arrow image itself first: a click on it reaches its button too, not the other way round.
const GMAIL_DETAILS_TOGGLES = ['img.ajz', '[role=button][aria-label="Show details" i]'];
const OUTLOOK_PANE =
  '#ReadingPaneContainerId, [data-app-section="MailReadCompose"], #ConversationReadingPaneContainer, [role=main]';
const OUTLOOK_BODY = 'div[id^="UniqueMessageBody"]';

/** Resolves true once `done()` holds, false at `deadline`; re-checks on every change to the page. */
function waitFor(doc: Document, done: () => boolean, deadline: number): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  const view = doc.defaultView;
  if (!view) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(ok);
    };
    const observer = new view.MutationObserver(() => {
      if (done()) finish(true);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
    const timer = view.setTimeout(() => finish(done()), Math.max(0, deadline - Date.now()));
  });
}

function click(el: Element): void {
  (el as HTMLElement).click();
}

function outermost(els: Element[]): Element[] {
  return els.filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)));
}

async function expandGmail(doc: Document, deadline: number, max: number): Promise<Expanded> {
  const root = doc.querySelector('[role=main]') ?? doc.body;
  let clicked = 0;
  const messages = () => outermost(toArray(root.querySelectorAll(GMAIL_MESSAGE)));
  const folds = toArray(root.querySelectorAll(FOLD));
  folds.forEach(click);
  clicked += folds.length;
  let settled = await waitFor(doc, () => root.querySelectorAll(FOLD).length === 0, deadline);

  const collapsed = messages()
    .filter((m) => !m.querySelector(GMAIL_BODY))
    .slice(0, max);
  collapsed.forEach(click);
  clicked += collapsed.length;
  settled = (await waitFor(doc, () => collapsed.every((m) => m.querySelector(GMAIL_BODY)), deadline)) && settled;

  const latest = messages()
    .filter((m) => m.querySelector(GMAIL_BODY))
    .at(-1);
  const toggle = GMAIL_DETAILS_TOGGLES.map((t) => latest?.querySelector(t)).find(Boolean);
  if (latest && toggle && !readDetails(latest)) {
    click(toggle);
    clicked++;
    // Its own short wait even when the folds used up the deadline: cc and bcc are worth half a second.
    const detailsBy = Math.max(deadline, Date.now() + 500);
    settled = (await waitFor(doc, () => readDetails(latest) !== null, detailsBy)) && settled;
    click(toggle); // close the details popup again; the table stays in the page
  }
  return { clicked, settled };
}

async function expandOutlook(doc: Document, deadline: number, max: number): Promise<Expanded> {
  const pane = doc.querySelector(OUTLOOK_PANE) ?? doc.body;
  const buttons = () =>
    toArray(pane.querySelectorAll('button, [role=button]')).filter((b) =>
      FOLD_TEXT.test(`${attr(b, 'aria-label') ?? ''} ${textOf(b)}`),
    );
  const folds = buttons();
  folds.forEach(click);
  let settled = await waitFor(doc, () => buttons().length === 0, deadline);

  const bodies = () => toArray(pane.querySelectorAll(OUTLOOK_BODY));
  const before = bodies().length;
  const open = bodies().map((b) => containerOf(b, pane));
  const collapsed = collapsedItems(pane, open, LABEL_PREFIX.from).slice(0, max);
  collapsed.forEach(click);
  settled = (await waitFor(doc, () => bodies().length >= before + collapsed.length, deadline)) && settled;
  return { clicked: folds.length + collapsed.length, settled };
}

/** Opens folded and collapsed messages of the webmail conversation in `doc`; does nothing on other pages. */
export async function expandFolded(doc: Document, url: string, opts: ExpandOptions = {}): Promise<Expanded> {
  const deadline = Date.now() + (opts.timeoutMs ?? 4000);
  const max = opts.maxMessages ?? 30;
  try {
    const mail = webmailOf(url);
    if (mail === 'gmail') return await expandGmail(doc, deadline, max);
    if (mail === 'outlook') return await expandOutlook(doc, deadline, max);
  } catch {
    // A page that fights back is captured as it is; the extractors warn about what stayed folded.
  }
  return { clicked: 0, settled: false };
}
