import { registrableDomain } from './url';

/**
 * Domains that say nothing about who a vendor is: free mail, webmail, file sharing, e-signature relays,
 * local hosts and IP addresses. Never proposed as a vendor and only matched when a registry lists them exactly.
 */
const GENERIC = new Set([
  ...['gmail.com', 'googlemail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'msn.com'],
  ...['proton.me', 'protonmail.com', 'pm.me', 'fastmail.com', 'zohomail.com', 'mail.com', 'yandex.com'],
  ...['office.com', 'office365.com', 'google.com', 'dropbox.com', 'sharepoint.com', 'docusign.net'],
  'localhost',
]);
/** Free-mail brands with a domain per country (hotmail.fr, yahoo.ca, live.co.uk…). */
const GENERIC_BRANDS = new Set(['outlook', 'hotmail', 'live', 'yahoo', 'gmx', 'ymail']);

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9a-f:]+:[0-9a-f:.]*\]?)$/i;

export function isGenericDomain(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (!h || IP.test(h) || !h.includes('.') || h.endsWith('.local') || h.endsWith('.localhost')) return true;
  const reg = registrableDomain(h);
  return GENERIC.has(h) || GENERIC.has(reg) || GENERIC_BRANDS.has(reg.split('.')[0] ?? '');
}

/** `host` is `known` or one of its sub-domains; a generic host only when listed exactly. */
export function domainCovers(known: string, host: string): boolean {
  const k = known.toLowerCase();
  if (host === k) return true;
  return !isGenericDomain(host) && host.endsWith(`.${k}`);
}

/** Lower-case host of an address (`Jane <jane@Billing.Acme.com>` → `billing.acme.com`), or of a bare domain. */
export function domainOf(addressOrHost: string): string | null {
  const at = addressOrHost.lastIndexOf('@');
  const h = (at >= 0 ? addressOrHost.slice(at + 1) : addressOrHost)
    .replace(/[>\s]/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return h && /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(h) ? h : null;
}
