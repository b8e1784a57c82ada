import type { Client, Vendor, VendorHint } from '../domain';
import { domainCovers, domainOf, isGenericDomain } from './generic';
import { registrableDomain } from './url';

/**
 * Which known vendor or client a capture comes from, by domain. Candidates are tried in order and the
 * first that matches anything wins; among several matches the most specific domain wins.
 */

function best<T>(hosts: string[], entries: T[], domainsOf: (e: T) => string[]) {
  for (const [index, host] of hosts.entries()) {
    let pick: { entry: T; known: string } | null = null;
    for (const entry of entries) {
      for (const known of domainsOf(entry)) {
        if (domainCovers(known, host) && (!pick || known.length > pick.known.length)) pick = { entry, known };
      }
    }
    if (pick) return { ...pick, host, index };
  }
  return null;
}

const clean = (domains: string[]) => domains.map(domainOf).filter((d): d is string => d !== null);

/** Words that name a mailbox's job, not the company ("Acme Cloud Billing" → "Acme Cloud"). */
const ROLE =
  /(?:\s+|^)(?:billing|sales|team|support|renewals?|notifications?|no-?reply|noc|soc|network operations|operations|service desk|help ?desk|alerts|soutien|accounts?(?: management)?|customer success|invoices?|facturation|ventes|équipe|service client|do not reply)$/i;
const COMPANY = /\b(?:inc|llc|ltd|limited|corp|corporation|gmbh|sa|sas|sarl|ltée|ltee|llp|plc|ag|bv|pty|co)\.?$/i;

/** The display name when it names an organisation ("Acme Cloud Billing", "Jane at Acme Cloud"), else null. */
export function organisationName(display: string, domain: string): string | null {
  let name = display.replace(/<[^>]*>|["“”]/g, '').trim();
  if (!name || name.includes('@')) return null;
  name = name.split(/\s+(?:from|at|via|de chez|chez|@)\s+/i).at(-1) ?? name;
  let orgLike = COMPANY.test(name);
  let stripped = name.replace(ROLE, '').trim();
  while (stripped && stripped !== name) {
    name = stripped;
    orgLike = true;
    stripped = name.replace(ROLE, '').trim();
  }
  const label = (registrableDomain(domain).split('.')[0] ?? '').toLowerCase();
  const compact = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const tokens = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 3);
  const labelCompact = label.replace(/-/g, '');
  const sharesDomain =
    tokens.some((t) => label.split('-').includes(t)) ||
    (compact.length >= 3 && (compact.startsWith(labelCompact) || labelCompact.startsWith(compact)));
  return (orgLike || sharesDomain) && name.length >= 2 ? name : null;
}

/** "acme-cloud.com" → "Acme Cloud". */
export function nameFromDomain(domain: string): string {
  const label = registrableDomain(domain).split('.')[0] ?? domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * `domains`: the e-mail sender's domain first, then the page host. `senderName` is the sender's display
 * name ('' when it has none) or null when there is no e-mail sender; it names a new vendor only when it
 * reads like an organisation.
 */
export function matchVendor(domains: string[], senderName: string | null, vendors: Vendor[]): VendorHint | null {
  const hosts = clean(domains);
  const found = best(hosts, vendors, (v) => v.domains);
  const what = (index: number) => (index === 0 && senderName !== null ? 'sender domain' : 'site');
  if (found) {
    const { entry, known, host, index } = found;
    return { vendorId: entry.id, name: entry.name, domain: known, why: `${what(index)} ${host} is ${entry.name}'s` };
  }
  const index = hosts.findIndex((h) => !isGenericDomain(h));
  const host = hosts[index];
  if (host === undefined) return null;
  const domain = registrableDomain(host);
  const fromSender = index === 0 && senderName ? organisationName(senderName, domain) : null;
  return { vendorId: null, name: fromSender ?? nameFromDomain(domain), domain, why: `new vendor from ${domain}` };
}

/** The client whose known domains cover one of `domains` (sender, recipients, then page host). */
export function matchClient(domains: string[], clients: Client[]): { clientId: string; why: string } | null {
  const found = best(clean(domains), clients, (c) => c.domains);
  return found ? { clientId: found.entry.id, why: `${found.host} is ${found.entry.name}'s` } : null;
}
