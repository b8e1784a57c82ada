/**
 * URL normalisation for duplicate detection (`Capture.urlKey`) and the site/domain of a capture.
 * Pure: WHATWG `URL` only, no public-suffix list.
 */

const TRACKING = new Set([
  'fbclid',
  'gclid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref',
  'ref_src',
  'igshid',
  'si',
]);

const isTracking = (name: string) => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
};

/**
 * Webmail keeps the open message in the fragment (`mail.google.com/mail/u/0/#inbox/FMfcg…`, older
 * `outlook.live.com/owa/#…`); dropping it would make every e-mail the same URL, so it is kept there.
 */
const keepsFragment = (host: string) => host === 'mail.google.com' || /^outlook\./.test(host);

/** Decode then re-encode a path segment so `%7E`, `~` and `%7e` agree; `/` inside a segment stays `%2F`. */
function segment(s: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    return s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
  }
  // Keep the characters a path may carry unencoded (RFC 3986 sub-delims, ":" and "@").
  return encodeURIComponent(decoded).replace(/%(24|26|2B|2C|3B|3D|3A|40)/g, (m) => decodeURIComponent(m));
}

/**
 * Lower-case scheme and host, no default port, no credentials, no fragment (except webmail), no tracking
 * parameters, remaining parameters sorted, no trailing slash (but "/" stays), consistent percent-encoding.
 * Null for anything that is not an http(s) URL.
 */
export function normalizeUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/\.$/, '');
  if (!host) return null;
  const port = u.port ? `:${u.port}` : ''; // URL already drops :80 on http and :443 on https

  const path = u.pathname.split('/').map(segment).join('/').replace(/\/+$/, '') || '/';

  const params = [...u.searchParams].filter(([k]) => !isTracking(k));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';

  const hash = keepsFragment(host) && u.hash.length > 1 ? u.hash : '';
  return `${u.protocol}//${host}${port}${path}${query}${hash}`;
}

function hostOf(urlOrHost: string): string | null {
  const s = urlOrHost.trim();
  if (!s) return null;
  try {
    // "mailto:…", "about:blank" have a scheme; "portal.acme.com" and "localhost:3000" do not.
    const u = new URL(/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(s) ? s : `https://${s}`);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** The host a URL (or a bare host) points at, without a leading `www.`; null when there is none. */
export function siteOf(url: string): string | null {
  return hostOf(url)?.replace(/^www\./, '') ?? null;
}

/**
 * Second-level labels under which people register names (so `acme.co.uk`, not `co.uk`). A deliberately
 * small list for the countries a vCIO's vendors tend to live in; anything else falls back to the last two
 * labels. Three-label suffixes (`gouv.qc.ca`) are checked first.
 */
const SUFFIXES = new Set([
  'gouv.qc.ca',
  ...['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk', 'nhs.uk'],
  ...['com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'co.nz', 'org.nz', 'net.nz', 'govt.nz'],
  ...['qc.ca', 'on.ca', 'bc.ca', 'ab.ca', 'mb.ca', 'ns.ca', 'nb.ca', 'sk.ca', 'gc.ca'],
  ...['com.br', 'net.br', 'co.jp', 'ne.jp', 'or.jp', 'co.za', 'com.mx', 'com.sg', 'com.hk', 'co.in', 'com.cn', 'co.kr'],
  ...['gouv.fr', 'asso.fr', 'com.tr', 'co.il', 'com.ar'],
]);

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[?[0-9a-f:]+:[0-9a-f:.]*\]?)$/i;

/** The name a company registered: `portal.acme-cloud.com` → `acme-cloud.com`, `mail.acme.co.uk` → `acme.co.uk`. */
export function registrableDomain(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (IP.test(h)) return h;
  const labels = h.split('.');
  for (const n of [3, 2]) {
    if (labels.length > n && SUFFIXES.has(labels.slice(-n).join('.'))) return labels.slice(-n - 1).join('.');
  }
  return labels.slice(-2).join('.');
}
