import type { CaptureDraft, Client, Hints, Vendor } from '../domain';
import { findAmounts } from './amounts';
import { findDates } from './dates';
import { domainCovers, domainOf, isGenericDomain } from './generic';
import { guessKind } from './kind';
import { matchClient, matchVendor } from './match';
import { cleanTitle } from './title';
import { siteOf } from './url';

export interface SuggestContext {
  clients: Client[];
  /** Vendors of all clients; only the (hinted or given) client's are matched. */
  vendors: Vendor[];
  now: Date;
  /** The client the user is already working in, if any: it wins over the domain guess. */
  clientId?: string | null;
}

/** Only the head of a huge page is read for amounts, dates and kind: the terms that matter come first. */
export const SCAN_LIMIT = 200_000;

const unique = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];

/** Domains of an e-mail's sender, then recipients (to, cc), lower-case, without repeats. */
export function emailDomains(draft: CaptureDraft): string[] {
  const e = draft.email;
  if (!e) return [];
  return unique([e.from, ...e.to, ...e.cc].map((m) => (m ? domainOf(m.address) : null)));
}

function pageHost(draft: CaptureDraft): string | null {
  return siteOf(draft.source.url ?? '') ?? siteOf(draft.source.site);
}

/** A bare "$" from a Canadian/Australian/New Zealand vendor is most likely their dollar. */
function dollarOf(hosts: string[]): string | undefined {
  const tld = hosts
    .find((h) => !isGenericDomain(h))
    ?.split('.')
    .at(-1);
  return tld === 'ca' ? 'CAD' : tld === 'au' ? 'AUD' : tld === 'nz' ? 'NZD' : undefined;
}

/** The first SCAN_LIMIT characters, cut at a line or word end so no figure is read half-written. */
function head(markdown: string): string {
  if (markdown.length <= SCAN_LIMIT) return markdown;
  const line = markdown.lastIndexOf('\n', SCAN_LIMIT);
  const word = markdown.lastIndexOf(' ', SCAN_LIMIT);
  const cut = line > SCAN_LIMIT - 2_000 ? line : word > 0 ? word : SCAN_LIMIT;
  return markdown.slice(0, cut);
}

function titleOf(draft: CaptureDraft): string {
  const site = pageHost(draft);
  const candidates = [draft.email?.subject, draft.source.title, draft.file?.name, site];
  for (const c of candidates) {
    const t = c ? cleanTitle(c, site) : '';
    if (t) return t;
  }
  return '';
}

/**
 * Prefilled, editable suggestions for the quick-capture form: client from the e-mail's and page's
 * domains, vendor among that client's vendors (or a new one), amounts, dates, kind and a clean title.
 */
export function suggestHints(draft: CaptureDraft, ctx: SuggestContext): Hints {
  const page = pageHost(draft);
  const sender = draft.email?.from ? domainOf(draft.email.from.address) : null;
  const byDomain = matchClient(unique([...emailDomains(draft), page]), ctx.clients);

  let clientId = ctx.clientId ?? byDomain?.clientId ?? null;
  let clientWhy = byDomain && byDomain.clientId === clientId ? byDomain.why : null;

  // A client's own staff forwarding something is not a vendor: its domains are never vendor candidates.
  const clientDomains = ctx.clients.flatMap((c) => c.domains);
  const vendorHosts = unique([sender, page]).filter((h) => !clientDomains.some((d) => domainCovers(d, h)));
  // The display name speaks for the first candidate only when that candidate is the sender's domain.
  const senderName = sender && vendorHosts[0] === sender ? (draft.email?.from?.name ?? '') : null;

  let vendor = matchVendor(
    vendorHosts,
    senderName,
    ctx.vendors.filter((v) => v.clientId === clientId),
  );
  if (clientId === null) {
    // No client from domains: a vendor known to exactly one client points at that client.
    const known = matchVendor(vendorHosts, senderName, ctx.vendors);
    const domain = known?.vendorId ? known.domain : null;
    const owners = new Set(ctx.vendors.filter((v) => domain && v.domains.includes(domain)).map((v) => v.clientId));
    const client = owners.size === 1 ? ctx.clients.find((c) => owners.has(c.id)) : undefined;
    if (known && client) {
      clientId = client.id;
      clientWhy = `${known.name} is a vendor of ${client.name}`;
      vendor = known;
    }
  }

  const title = titleOf(draft);
  const body = head(draft.markdown);
  const text = `${title}\n\n${body}`;
  const kind = guessKind(body, title);
  return {
    clientId,
    clientWhy,
    vendor,
    amounts: findAmounts(text, { defaultCurrency: dollarOf(vendorHosts) }),
    dates: findDates(text, ctx.now),
    kind: kind?.kind ?? null,
    kindWhy: kind?.why ?? null,
    title,
  };
}
