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

/** Separators between a title's segments: dashes, bars, dots, guillemets and breadcrumb marks, spaced. */
const SEPARATOR = /\s+(?:[-–—|·•»«/\\>]|::)\s+/;
const TRAILING_SEPARATOR = /\s+(?:[-–—|·•»«/\\>]|::)\s*$/;
const LEADING_SEPARATOR = /^\s*(?:[-–—|·•»«/\\>]|::)\s*/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const REPLY = /^(?:\s*(?:re|fw|fwd|tr|aw|wg|réf|ref)\s*(?:\[\d+\])?\s*:\s*|\s*\[(?:external|externe|ext|spam)\]\s*)+/i;

/** Words that make a segment a portal's name rather than the document's ("Client Portal", "Espace client"). */
const PORTAL =
  /(?<![\p{L}])(?:portal|portail|espace (?:client|affaires)|client area|customer area|my account|mon compte|status)(?![\p{L}])/iu;

/** Trailing segments that name a part of any site, not the page: "… | Blog | Acme", "… - Page 2 - Forum". */
const SECTION =
  /^(?:blog|news|articles?|docs|documentation|help|help cent(?:er|re)|support|knowledge ?base|kb|forums?|community|page \d+)$/i;

function isSiteSegment(segment: string, site: string | null): boolean {
  const s = segment.trim().toLowerCase();
  if (SITE_NAMES.includes(s) || EMAIL.test(s) || SECTION.test(s)) return true;
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
  const names = (segment: string) => sites.some((x) => isSiteSegment(segment, x || null));
  for (;;) {
    const parts = title.split(SEPARATOR);
    const last = parts.at(-1);
    if (parts.length < 2 || last === undefined || !names(last)) break;
    title = title
      .slice(0, title.length - last.length)
      .replace(TRAILING_SEPARATOR, '')
      .trim();
  }
  return title.slice(0, 500);
}

/**
 * "The Channel Report · How one credit union…": some sites put their name first. Cut it only when what follows says
 * at least as much ("Acme Cloud – Pricing" and "Copperline Fibre pricing - Plans" stay whole). For page titles only:
 * a subject or a document title that starts with a company's name is left alone.
 */
function withoutLeadingSite(title: string, sites: Array<string | null>): string {
  const parts = title.split(SEPARATOR);
  const first = parts[0];
  if (parts.length < 2 || first === undefined) return title;
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const named = sites.some((x) => isSiteSegment(first, x || null));
  if (!named || words(title.slice(first.length)) - 1 < words(first)) return title;
  return title.slice(first.length).replace(LEADING_SEPARATOR, '').trim();
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
  /** og:title, read when the <title> only names the site (single-page apps that never update it). */
  og?: string | null;
}): string | null {
  const onlySite = (text: string) => cleanTitle(`x | ${text}`, ...parts.sites) === 'x';
  const own = parts.title && !onlySite(parts.title.replace(/\s+/g, ' ').trim()) ? parts.title : parts.og;
  const main = own ? withoutLeadingSite(cleanTitle(own, ...parts.sites), parts.sites) : '';
  let heading = parts.heading?.replace(/\s+/g, ' ').trim() ?? '';
  // A heading that is just the site's name is the logo's (several <h1>s, the first one the site's).
  if (heading && main && parts.sites.some((site) => isSiteName(heading, site))) heading = '';
  if (!heading || heading.length > 200) return main || null;
  if (!main) return heading;
  const lower = main.toLowerCase();
  if (lower.startsWith(heading.toLowerCase())) {
    // "Quote Q-1 | Quotes", "Pricing - Plans": the heading, then a section's name the site could not be told from.
    return new RegExp(`^${SEPARATOR.source}`).test(main.slice(heading.length)) ? heading : main;
  }
  // A heading that shares no word with the title ("Business plan" on "Acme Cloud pricing") is a section's, not the page's.
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]{2,}/gu) ?? []);
  const titleWords = words(main);
  return [...words(heading)].some((w) => titleWords.has(w)) ? heading : main;
}

/**
 * Stricter than a site segment: the text is the site's name itself ("Granite Peak Partner Portal" on granitepeak.com,
 * "Copperline Fibre" on copperline.ca), not a page about it ("Copperline Fibre pricing").
 */
function isSiteName(text: string, site: string | null): boolean {
  if (!site) return false;
  if (SITE_NAMES.includes(text.toLowerCase())) return true;
  const name = compact(withoutPortalWords(text));
  if (!site.includes('.')) return name === compact(withoutPortalWords(site)) || compact(text) === compact(site);
  const label = compact(site.split('.').at(-2) ?? '');
  return label.length >= 4 && name.startsWith(label) && name.length - label.length <= 8;
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
  const cut = whole.slice(kept.length).replace(LEADING_SEPARATOR, '');
  const segment = cut.split(SEPARATOR).at(-1) ?? cut;
  const name = segment.replace(PORTAL_WORDS, '').trim();
  return name && !/^[\w-]+(?:\.[\w-]+)+$/.test(name) && !SITE_NAMES.includes(name.toLowerCase()) ? name : null;
}
