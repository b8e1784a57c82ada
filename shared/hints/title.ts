import { vendorNameInText } from './document/parties';
import { compact } from './words';

/**
 * A capture's title made fit for an item: the e-mail subject without "Re:"/"Fwd:"/"TR :" and "[External]"
 * tags, or the page title without a trailing segment that only names the site ("… - Gmail", "… | LinkedIn",
 * "… | Bluepeak IT Client Portal"). Segments are cut only at a separator with spaces around it, so an id
 * ("Q-88231", "NS-88412") or a hyphenated name is never cut.
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

/** Words that make a segment a portal's name rather than the document's ("Client Portal", "Espace client"). */
const PORTAL =
  /(?<![\p{L}])(?:portal|portail|espace (?:client|affaires)|client area|customer area|my account|mon compte|status)(?![\p{L}])/iu;

function isSiteSegment(segment: string, site: string | null): boolean {
  const s = segment.trim().toLowerCase();
  if (SITE_NAMES.includes(s) || EMAIL.test(s)) return true;
  if (site === null) return false;
  // A segment that is just the site's host ("Pricing | acme.com") names the site too.
  if (s === site.toLowerCase()) return true;
  // "Bluepeak IT Client Portal", "My TelNova Business", "InfoNuage Québec": the site's name, as the site writes it.
  const host = site.includes('.') ? compact(site.split('.').at(-2) ?? '') : '';
  const name = site.includes('.') ? '' : compact(site);
  const seg = compact(s);
  if (name && (seg === name || seg.includes(name))) return true;
  if (host.length < 4) return false;
  // "Ironclad Data Protection" spells ironcladdp.ca's name, partly by initials.
  return seg.includes(host) || PORTAL.test(s) || vendorNameInText([segment], host) !== null;
}

/**
 * Strip reply/forward prefixes and trailing segments that name the site (`sites`: its host, its own name);
 * collapse whitespace; cap at 500 characters.
 */
export function cleanTitle(raw: string, site: string | null = null, ...more: Array<string | null>): string {
  let title = raw.replace(/\s+/g, ' ').trim().replace(REPLY, '').trim();
  const sites = [site, ...more].filter((x): x is string => !!x);
  if (sites.length === 0) sites.push('');
  for (;;) {
    const parts = title.split(SEPARATOR);
    const last = parts.at(-1);
    if (parts.length < 2 || last === undefined || !sites.some((x) => isSiteSegment(last, x || null))) break;
    title = title
      .slice(0, title.length - last.length)
      .replace(/\s+[-–—|·•]\s*$/, '')
      .trim();
  }
  return title.slice(0, 500);
}

/**
 * What a reader sees as a page's title: its <title> without the site's name, unless the page's own heading says
 * more ("Contract 7720-HLX — SIP trunking" over "Contract 7720-HLX"); a heading the title only extends ("Managed
 * Services Proposal" in "Managed Services Proposal for Harbour Logistics") gives way to the title.
 */
export function readerTitle(parts: {
  title: string | null;
  heading: string | null;
  sites: Array<string | null>;
}): string | null {
  const main = parts.title ? cleanTitle(parts.title, ...parts.sites) : '';
  const heading = parts.heading?.replace(/\s+/g, ' ').trim() ?? '';
  if (!heading || heading.length > 200) return main || null;
  if (!main) return heading;
  if (main.toLowerCase().startsWith(heading.toLowerCase())) return main;
  // A heading that shares no word with the title ("Business plan" on "Acme Cloud pricing") is a section's, not the page's.
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]{2,}/gu) ?? []);
  const titleWords = words(main);
  return [...words(heading)].some((w) => titleWords.has(w)) ? heading : main;
}

/** Portal words around a company's name in a title's site segment ("Bluepeak IT Client Portal", "My TelNova Business"). */
const PORTAL_WORDS =
  /^(?:my|mon|ma)\s+|\s+(?:client|customer|partner)?\s*(?:portal|billing|status|support|area)$|^(?:portail|espace)\s+(?:client|affaires)\s+(?:—\s+)?|\s+(?:portail|espace)\s+(?:client|affaires)$/giu;

/** "Acme Cloud Customer Portal" → "Acme Cloud": a site's name without the portal words around it. */
export function withoutPortalWords(name: string): string {
  return name.replace(PORTAL_WORDS, '').trim() || name;
}

/**
 * The site's own name as its title writes it: the segment `cleanTitle` cuts off ("Quote CT-40217 | Ironclad Data
 * Protection" → "Ironclad Data Protection"), without portal words. Null when the title names no site.
 */
export function siteNameInTitle(raw: string, site: string | null): string | null {
  const kept = cleanTitle(raw, site);
  const whole = raw.replace(/\s+/g, ' ').trim().replace(REPLY, '').trim();
  if (kept.length >= whole.length) return null;
  const cut = whole.slice(kept.length).replace(/^\s*[-–—|·•]\s*/, '');
  const segment = cut.split(SEPARATOR).at(-1) ?? cut;
  const name = segment.replace(PORTAL_WORDS, '').trim();
  return name && !/^[\w-]+(?:\.[\w-]+)+$/.test(name) && !SITE_NAMES.includes(name.toLowerCase()) ? name : null;
}
