import type { CaptureDraft, Client, Hints, Vendor, VendorHint } from '../domain';
import { domainCovers, domainOf } from './generic';
import { clientInText, vendorNameInText } from './document/parties';
import { matchClient, matchVendor, organisationName } from './match';
import { withoutPortalWords } from './title';
import { compact } from './words';
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

/** How much of a capture is searched for the client's and vendor's names: their header and signature are early. */
const TEXT_SCAN = 20_000;

const unique = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];

/** Domains of an e-mail's sender, then recipients (to, cc, bcc), lower-case, without repeats. */
export function emailDomains(draft: CaptureDraft): string[] {
  const e = draft.email;
  if (!e) return [];
  // `bcc` may be missing on a draft read back from before it existed.
  return unique([e.from, ...e.to, ...e.cc, ...(e.bcc ?? [])].map((m) => (m ? domainOf(m.address) : null)));
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
  const byDomain = matchClient(unique([...emailDomains(draft), page]), ctx.clients);

  // Then the document itself: "Prepared for Maple Ridge Dental Group", an address at mapleridgedental.ca.
  const byText = byDomain
    ? null
    : clientInText(`${draft.source.title}\n${draft.markdown.slice(0, TEXT_SCAN)}`, ctx.clients);
  const found = byDomain ?? byText;
  let clientId = ctx.clientId ?? found?.clientId ?? null;
  let clientWhy = found && found.clientId === clientId ? found.why : null;

  let vendor = vendorHint(draft, ctx.clients, ctx.vendors, clientId);
  if (clientId === null) {
    // No client from domains: a vendor known to exactly one client points at that client.
    const { hosts: vendorHosts, senderName } = vendorCandidates(draft, ctx.clients);
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

/** The hosts a vendor may be known by (sender, then page), never the client's own; the sender's display name. */
function vendorCandidates(draft: CaptureDraft, clients: Client[]): { hosts: string[]; senderName: string | null } {
  const page = pageHost(draft);
  const sender = draft.email?.from ? domainOf(draft.email.from.address) : null;
  // A client's own staff forwarding something is not a vendor: its domains are never vendor candidates.
  const clientDomains = clients.flatMap((c) => c.domains);
  const hosts = unique([sender, page]).filter((h) => !clientDomains.some((d) => domainCovers(d, h)));
  // The display name speaks for the first candidate only when that candidate is the sender's domain.
  const senderName = sender && hosts[0] === sender ? (draft.email?.from?.name ?? '') : null;
  return { hosts, senderName };
}

/**
 * The vendor a capture comes from, as the client `clientId` knows it: its registry's vendor by domain or name, else a
 * new vendor named as the document writes it. The capture form asks again with this when the user changes client.
 */
export function vendorHint(
  draft: CaptureDraft,
  clients: Client[],
  vendors: Vendor[],
  clientId: string | null,
): VendorHint | null {
  const { hosts, senderName } = vendorCandidates(draft, clients);
  const own = vendors.filter((v) => v.clientId === clientId);
  const vendor = matchVendor(hosts, senderName, own);
  return vendor && vendor.vendorId === null && vendor.domain ? namedVendor(draft, vendor, own) : vendor;
}

/** A site name from og:site_name, not a host name, without portal words ("Acme Cloud Customer Portal"). */
function siteName(draft: CaptureDraft): string | null {
  const site = draft.source.site.trim();
  return site && !/^[\w-]+(?:\.[\w-]+)+$/.test(site) ? withoutPortalWords(site) : null;
}

/**
 * A new vendor named as the document writes it ("Bluepeak IT" rather than the domain's "Bluepeak"): from its title,
 * header and signature, then og:site_name, then the sender's display name; the domain only when none names it.
 * A name the client's registry already has is that vendor.
 */
function namedVendor(draft: CaptureDraft, hint: VendorHint, vendors: Vendor[]): VendorHint {
  const domain = hint.domain!;
  const label = domain.split('.')[0] ?? domain;
  const md = draft.markdown;
  const texts = [draft.source.title, siteName(draft) ?? '', md.slice(0, TEXT_SCAN), md.slice(-2000)];
  const written = vendorNameInText(texts, label);
  const site = siteName(draft);
  const display = draft.email?.from?.name ? organisationName(draft.email.from.name, domain) : null;
  // The sender's own fuller writing of the same name wins ("Services infonuagiques Laurentien").
  const fuller = display && written && compact(display).includes(compact(written)) ? display : null;
  const name = fuller ?? written ?? site ?? display;
  if (!name) return hint;
  const known = vendors.find((v) => compact(v.name) === compact(name));
  if (known)
    return { vendorId: known.id, name: known.name, domain, why: `${name} is already ${known.name} in the registry` };
  const where = written ? 'as the document writes it' : site ? 'the site’s own name' : 'the sender’s name';
  return { vendorId: null, name, domain, why: `new vendor from ${domain}, named ${where}` };
}
