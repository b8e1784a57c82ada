/**
 * A capture's title made fit for an item: the e-mail subject without "Re:"/"Fwd:"/"TR :" and "[External]"
 * tags, or the page title without a trailing segment that only names the site ("… - Gmail", "… | LinkedIn").
 * A vendor's own portal name ("Quote Q-1042 | Acme Portal") is kept: it says where the document lives.
 */

const SITE_NAMES = [
  'gmail',
  'google mail',
  'outlook',
  'outlook on the web',
  'outlook web app',
  'microsoft outlook',
  'mail',
  'inbox',
  'yahoo mail',
  'proton mail',
  'icloud mail',
  'linkedin',
  'google docs',
  'google drive',
  'google sheets',
  'google slides',
  'dropbox',
  'onedrive',
  'sharepoint',
  'microsoft teams',
  'microsoft edge',
  'google chrome',
  'mozilla firefox',
  'docusign',
  'notion',
  'confluence',
  'medium',
  'youtube',
  'facebook',
  'twitter',
  'x',
];

const SEPARATOR = /\s+[-–—|·•]\s+/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const REPLY = /^(?:\s*(?:re|fw|fwd|tr|aw|wg|réf|ref)\s*(?:\[\d+\])?\s*:\s*|\s*\[(?:external|externe|ext|spam)\]\s*)+/i;

function isSiteSegment(segment: string, site: string | null): boolean {
  const s = segment.trim().toLowerCase();
  if (SITE_NAMES.includes(s) || EMAIL.test(s)) return true;
  // A segment that is just the site's host ("Pricing | acme.com") names the site too.
  return site !== null && s === site.toLowerCase();
}

/** Strip reply/forward prefixes and trailing site-name segments; collapse whitespace; cap at 500 characters. */
export function cleanTitle(raw: string, site: string | null = null): string {
  let title = raw.replace(/\s+/g, ' ').trim().replace(REPLY, '').trim();
  for (;;) {
    const parts = title.split(SEPARATOR);
    const last = parts.at(-1);
    if (parts.length < 2 || last === undefined || !isSiteSegment(last, site)) break;
    title = title
      .slice(0, title.length - last.length)
      .replace(/\s+[-–—|·•]\s*$/, '')
      .trim();
  }
  return title.slice(0, 500);
}
