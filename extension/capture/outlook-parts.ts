/**
 * Reading Outlook on the web's parts by stable hooks (ids, roles, aria-labels, data-testid; class names are hashed
 * per build): labelled people (From/To/Cc/Bcc, localised), collapsed messages, and attachment chips.
 */
import type { EmailHeaders, Mailbox } from '../../shared/domain';
import { attr, clamp, parseMailbox, textOf, toArray } from './text';

const BODY = 'div[id^="UniqueMessageBody"]';
const TIME = '[data-testid="SentReceivedSavedTime"]';
/** A control that shows more messages of the conversation ("See 3 more messages", "Afficher 3 autres messages"). */
export const FOLD_TEXT =
  /\b(see|show|view|afficher|voir|anzeigen)\b.*\b(more|older|earlier|plus|autres|anciens|weitere|ältere)\b.*\b(messages?|nachrichten)\b/i;
const SIZE = /\b\d+(?:[.,]\d+)?\s?(?:[KMGT]?B|[KMGT]?o|bytes|octets)\b/i;

function splitList(text: string): string[] {
  const parts = text.split(';');
  if (parts.length === 1 && (text.match(/@/g) ?? []).length > 1) return text.split(',');
  return parts;
}

function parseAll(text: string): Mailbox[] {
  return splitList(text)
    .map((part) => parseMailbox(part))
    .filter((m): m is Mailbox => m !== null);
}

/** People named by `el`, whose label (after the "To:" part matched by `label`) is `value`. */
function mailboxesFrom(el: Element, value: string, label: RegExp): Mailbox[] {
  const fromLabel = parseAll(value);
  if (fromLabel.length > 0 && fromLabel.every((m) => m.address)) return fromLabel;
  const fromText = parseAll(textOf(el).replace(label, '')).filter((m) => m.address);
  if (fromText.length > 0) return fromText;
  const personas = toArray(el.querySelectorAll('[title*="@"]'))
    .map((p) => parseMailbox(textOf(p), attr(p, 'title')))
    .filter((m): m is Mailbox => m !== null);
  return personas.length > 0 ? personas : fromLabel;
}

/** People in the first element (outside the body) whose aria-label starts with `label`, e.g. "From:" or "De :". */
export function readLabelled(container: Element, label: RegExp): Mailbox[] {
  for (const el of toArray(container.querySelectorAll('[aria-label]'))) {
    const text = el.getAttribute('aria-label') ?? '';
    if (label.test(text) && !el.closest(BODY)) return mailboxesFrom(el, text.replace(label, ''), label);
  }
  return [];
}

export function recipientsOf(container: Element, label: RegExp): Mailbox[] {
  for (const well of toArray(container.querySelectorAll('[data-testid="RecipientWell"]'))) {
    const text = attr(well, 'aria-label') ?? textOf(well);
    if (label.test(text)) return mailboxesFrom(well, text.replace(label, ''), label);
  }
  return readLabelled(container, label);
}

function outermost(els: Element[]): Element[] {
  return els.filter((el, _i, all) => !all.some((other) => other !== el && other.contains(el)));
}

/** Largest ancestor of `start` below `pane` that holds no body and no other date: one collapsed message. */
function itemAround(start: Element, pane: Element): Element {
  let el = start;
  for (let up = el.parentElement; up && up !== pane; up = up.parentElement) {
    if (up.querySelector(BODY) || up.querySelectorAll(TIME).length > 1) break;
    el = up;
  }
  return el;
}

/**
 * Collapsed messages of the conversation in `pane` (outside the `open` ones): each date outside an open message
 * marks one; so does an `aria-expanded="false"` element naming a sender (`from` label).
 */
export function collapsedItems(pane: Element, open: Element[], from: RegExp): Element[] {
  const outside = (el: Element) => !open.some((o) => o.contains(el) || el.contains(o));
  const found = toArray(pane.querySelectorAll(TIME))
    .filter(outside)
    .map((t) => itemAround(t, pane));
  for (const el of toArray(pane.querySelectorAll('[aria-expanded="false"]'))) {
    if (outside(el) && !el.querySelector(BODY) && readLabelled(el, from).length > 0) found.push(el);
  }
  return outermost([...new Set(found)]);
}

const CHIP =
  '[role=attachment], [aria-label*="attachment" i], [aria-label*="pièce jointe" i], [aria-label*="Anlage" i]';

export function readAttachments(container: Element): EmailHeaders['attachments'] {
  const found = new Map<string, string | null>();
  const add = (name: string, sizeText: string) => {
    const clean = name.split(/,\s/)[0]!.trim();
    if (clean && !found.has(clean)) found.set(clean, SIZE.exec(sizeText)?.[0] ?? null);
  };
  for (const chip of toArray(container.querySelectorAll(CHIP))) {
    if (chip.closest(BODY) || chip.querySelector(`${CHIP}`)) continue; // a well of chips, or inside the message
    const label = attr(chip, 'aria-label') ?? '';
    const text = textOf(chip);
    const name = attr(chip, 'title') || (text.length <= 200 ? text : '');
    add(name || label, `${text} ${label}`);
  }
  // Fallback on a hashed class (Mailvelope's `.VlyYV` file name), only when no chip has a stable hook.
  if (found.size === 0) {
    for (const name of toArray(container.querySelectorAll('.VlyYV'))) add(textOf(name), textOf(name.parentElement));
  }
  return [...found].map(([name, size]) => ({ name: clamp(name, 500), size: size ? clamp(size, 50) : null }));
}
