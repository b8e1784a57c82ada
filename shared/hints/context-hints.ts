import type { CaptureDraft, Client, Hints, Vendor } from '../domain';
import { domainCovers, domainOf } from './generic';
import { matchClient, matchVendor } from './match';
import type { TextHints } from './text-hints';
import { siteOf } from './url';

export interface SuggestContext {
  clients: Client[];
  /** Vendors of all clients; only the (hinted or given) client's are matched. */
  vendors: Vendor[];
  now: Date;
  /** The client the user is already working in, if any: it wins over the domain guess. */
  clientId?: string | null;
}

const unique = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];

/** Domains of an e-mail's sender, then recipients (to, cc), lower-case, without repeats. */
export function emailDomains(draft: CaptureDraft): string[] {
  const e = draft.email;
  if (!e) return [];
  return unique([e.from, ...e.to, ...e.cc].map((m) => (m ? domainOf(m.address) : null)));
}

/** The web host the capture came from. A file without a URL has none: its "site" is a file name, not a domain. */
export function pageHost(draft: CaptureDraft): string | null {
  const fromUrl = draft.source.url && /^https?:/i.test(draft.source.url) ? siteOf(draft.source.url) : null;
  return fromUrl ?? (draft.file ? null : siteOf(draft.source.site));
}

/**
 * Prefilled, editable suggestions for the quick-capture form: client from the e-mail's and page's
 * domains, vendor among that client's vendors (or a new one), amounts, dates, kind and a clean title.
 * The text hints come from `textHints`, read in the page by the capture script or by `suggestHints`.
 */
export function contextHints(draft: CaptureDraft, text: TextHints, ctx: SuggestContext): Hints {
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

  return { clientId, clientWhy, vendor, ...text };
}
