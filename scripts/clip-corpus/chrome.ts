/**
 * The chrome real sites put around their content, in several markups each: navigation and mega-menus, cookie
 * banners, breadcrumbs, share bars, newsletter boxes, related links with teasers, sidebars, comments, footers.
 * None of it is in a page's gold text.
 */
import { esc, hashed } from './blocks';
import { dateText, type Rng } from './content';
import * as W from './words';

/** How a site names its elements: meaningful classes, semantic tags, or hashed CSS-in-JS classes. */
export type Naming = 'semantic' | 'classes' | 'hashed';

const cls = (n: Naming, name: string) => (n === 'hashed' ? hashed() : name);
const links = (items: string[], sep = '') =>
  items.map((t) => `<a href="/${t.toLowerCase().replace(/\W+/g, '-')}">${esc(t)}</a>`).join(sep);
const list = (items: string[], c = '') =>
  `<ul${c ? ` class="${c}"` : ''}>${items.map((t) => `<li>${links([t])}</li>`).join('')}</ul>`;

const NAV = ['Solutions', 'Pricing', 'Resources', 'Customers', 'Partners', 'Company', 'Blog', 'Support', 'Contact'];
const MEGA: Array<[string, string]> = [
  ['Backup & Recovery', 'Protect every server, laptop and mailbox with daily backups you can restore in minutes.'],
  [
    'Managed Security',
    'Round-the-clock monitoring, endpoint protection and incident response from our operations centre.',
  ],
  ['Business Fibre', 'Dedicated symmetric fibre with a service level agreement and a named support team.'],
  ['Cloud Phone System', 'Replace your ageing PBX with a hosted phone system that works from anywhere.'],
  ['IT Governance', 'Quarterly reviews, vendor management and a decision log your board can rely on.'],
  ['Compliance', 'Audit-ready reports for insurers, regulators and your own leadership team.'],
];

export function navigation(r: Rng, n: Naming, site: string): string {
  const mega = r.chance(0.5)
    ? `<div class="${cls(n, 'mega-menu')}">${MEGA.map(
        ([h, d]) =>
          `<div class="${cls(n, 'mega-col')}"><a href="/solutions"><strong>${esc(h)}</strong></a><p>${esc(d)}</p></div>`,
      ).join('')}</div>`
    : '';
  const account = `<div class="${cls(n, 'account-links')}">${links(['Sign in', 'Get a quote'], ' ')}</div>`;
  const logo = `<a class="${cls(n, 'logo')}" href="/">${esc(site)}</a>`;
  const menu = list(r.some(NAV, r.int(5, 9)), n === 'hashed' ? hashed() : 'menu');
  if (n === 'semantic')
    return `<header class="site-header">${logo}<nav aria-label="Main">${menu}${mega}</nav>${account}</header>`;
  const role = n === 'hashed' && r.chance(0.5) ? '' : ' role="navigation"';
  return `<div class="${cls(n, 'header')}">${logo}<div class="${cls(n, 'navbar')}"${role}>${menu}${mega}</div>${account}</div>`;
}

const COOKIE = [
  'We use cookies and similar technologies to run this site, to understand how it is used and to show you relevant content and advertising. You can accept all cookies, reject those that are not necessary, or choose which ones to allow in the settings.',
  'This website stores cookies on your computer. These cookies are used to collect information about how you interact with our website and allow us to remember you. We use this information to improve and customise your browsing experience and for analytics about our visitors.',
  'By clicking "Accept all", you agree to the storing of cookies on your device to enhance site navigation, analyse site usage and assist in our marketing efforts. See our privacy policy for more information.',
];

export function cookieBanner(r: Rng, n: Naming): string {
  const text = `<p>${esc(r.pick(COOKIE))}</p><a href="/privacy">Privacy policy</a><button>Accept all</button><button>Reject</button>`;
  const style = r.int(0, 3);
  if (n === 'hashed' && style < 2) return `<div class="${hashed()}"><div class="${hashed()}">${text}</div></div>`;
  if (style === 0)
    return `<div id="onetrust-banner-sdk" class="otFloatingRoundedCorner"><div class="ot-sdk-container">${text}</div></div>`;
  if (style === 1) return `<div class="cc-window cc-banner" role="dialog" aria-label="cookieconsent">${text}</div>`;
  if (style === 2) return `<section aria-label="Cookie consent" class="consent-bar">${text}</section>`;
  return `<div id="cookie-notice" class="cookie-notice">${text}</div>`;
}

export function breadcrumbs(r: Rng, n: Naming, trail: string[]): string {
  if (n === 'semantic' || r.chance(0.4))
    return `<nav aria-label="Breadcrumb"><ol class="breadcrumb">${trail.map((t) => `<li>${links([t])}</li>`).join('')}</ol></nav>`;
  return `<div class="${cls(n, 'breadcrumbs')}">${links(trail, ' › ')}</div>`;
}

export function shareBar(r: Rng, n: Naming): string {
  const label = r.pick(['Share this article', 'Share', 'Spread the word']);
  return `<div class="${cls(n, r.pick(['share-bar', 'social-share', 'sharing-buttons']))}"><span>${label}</span>${links(['LinkedIn', 'Twitter', 'Facebook', 'Email', 'Copy link'], ' ')}</div>`;
}

const NEWSLETTER = [
  [
    'Get the IT governance brief',
    'One e-mail a week with the contract changes, price increases and security news that matter to small and mid-sized organisations. No spam, unsubscribe at any time.',
  ],
  [
    'Subscribe to our newsletter',
    'Join 12,000 IT leaders who get our practical guides on vendors, budgets and risk every month.',
  ],
  [
    'Stay in the loop',
    'Product updates, webinars and customer stories, straight to your inbox. We respect your privacy.',
  ],
];

export function newsletter(r: Rng, n: Naming): string {
  const [h, p] = r.pick(NEWSLETTER);
  return `<div class="${cls(n, r.pick(['newsletter-signup', 'subscribe-box', 'nl-widget']))}"><h3>${esc(h!)}</h3><p>${esc(p!)}</p><form><input type="email" placeholder="Work e-mail"><button>Subscribe</button></form></div>`;
}

/** Related links with teasers: whole sentences, like the article's own, which is what makes them hard. */
export function related(r: Rng, n: Naming, headlines: readonly string[], teasers: readonly string[]): string {
  const items = r
    .some(headlines, r.int(3, 5))
    .map(
      (h) =>
        `<div class="${cls(n, 'teaser')}"><a href="/blog/${h.length}"><h4>${esc(h)}</h4></a><p>${esc(r.pick(teasers))}</p><span>${dateText(r)}</span></div>`,
    );
  const title = r.pick(['Related articles', 'You might also like', 'More from the blog', 'Recommended reading']);
  const inner = `<h3>${title}</h3>${items.join('')}`;
  return n === 'semantic'
    ? `<aside class="related">${inner}</aside>`
    : `<div class="${cls(n, 'related-posts')}">${inner}</div>`;
}

export function sidebar(r: Rng, n: Naming): string {
  const widgets = [
    `<div class="${cls(n, 'widget widget-popular')}"><h3>Popular posts</h3>${list(r.some(W.ARTICLE_HEADLINES, 5))}</div>`,
    `<div class="${cls(n, 'widget widget-tags')}"><h3>Topics</h3>${links(['Contracts', 'Backup', 'Security', 'Telecom', 'Licensing', 'Budget', 'Governance'], ' ')}</div>`,
    `<div class="${cls(n, 'widget widget-cta')}"><h3>Talk to an expert</h3><p>Not sure which plan fits? Our advisers review your current contracts and costs for free and tell you where you can save.</p><a href="/contact">Book a call</a></div>`,
    `<div class="${cls(n, 'widget widget-about')}"><h3>About us</h3><p>We help organisations with 20 to 500 people run IT like a well-governed business: clear decisions, documented vendors and no surprises at renewal time.</p></div>`,
  ];
  const inner = r.some(widgets, r.int(2, 4)).join('');
  if (n === 'semantic') return `<aside class="sidebar">${inner}</aside>`;
  const role = n === 'hashed' && r.chance(0.5) ? '' : ' role="complementary"';
  return `<div class="${cls(n, r.pick(['sidebar', 'col-md-4 widget-area', 'right-rail']))}"${role}>${inner}</div>`;
}

export function comments(r: Rng, n: Naming): string {
  const count = r.int(2, 7);
  const items = Array.from(
    { length: count },
    () =>
      `<div class="${cls(n, 'comment')}"><div class="${cls(n, 'comment-author')}">${esc(r.pick(W.PEOPLE))}</div><div class="${cls(n, 'comment-date')}">${dateText(r)}</div><p>${esc(r.some(W.COMMENT_SENTENCES, r.int(1, 2)).join(' '))}</p><a href="#reply">Reply</a></div>`,
  );
  const inner = `<h3>${count} comments</h3>${items.join('')}<h3>Leave a reply</h3><form><textarea></textarea><button>Post comment</button></form>`;
  return `<div id="${n === 'hashed' ? hashed() : 'comments'}" class="${cls(n, 'comments-area')}">${inner}</div>`;
}

export function authorBio(r: Rng, n: Naming): string {
  const who = r.pick(W.PEOPLE);
  return `<div class="${cls(n, 'author-box')}"><strong>About ${esc(who)}</strong><p>${esc(who)} has spent fifteen years advising schools, clinics and manufacturers on IT strategy, vendor contracts and security programmes. Before that, she ran infrastructure for a regional hospital network.</p></div>`;
}

export function footer(r: Rng, n: Naming, site: string): string {
  const cols = [
    ['Product', 'Features', 'Pricing', 'Integrations', 'Status'],
    ['Company', 'About', 'Careers', 'Press', 'Contact'],
    ['Resources', 'Blog', 'Guides', 'Webinars', 'Documentation'],
    ['Legal', 'Privacy', 'Terms of service', 'Cookie settings', 'Accessibility'],
  ];
  const grid = r
    .some(cols, r.int(2, 4))
    .map(([h, ...l]) => `<div class="${cls(n, 'footer-col')}"><h4>${h}</h4>${list(l)}</div>`)
    .join('');
  const address = `<p>${esc(site)} Inc., ${r.int(10, 990)} King Street West, Suite ${r.int(100, 900)}, Toronto, ON M5V 1J5, Canada. Registered in Ontario.</p>`;
  const legal = `<p>© 2026 ${esc(site)}. All rights reserved.</p>`;
  if (n === 'semantic') return `<footer class="site-footer">${grid}${address}${legal}</footer>`;
  const role = n === 'hashed' && r.chance(0.5) ? '' : ' role="contentinfo"';
  return `<div class="${cls(n, 'footer')}"${role}>${grid}${address}${legal}</div>`;
}

export function portalAccount(r: Rng, n: Naming, client: string): string {
  return `<div class="${cls(n, 'user-menu')}">Signed in as ${esc(r.pick(W.PEOPLE))} · ${esc(client)} · ${links(['Profile', 'Sign out'], ' ')}</div>`;
}

export function portalSidebar(r: Rng, n: Naming): string {
  const menu = list([
    'Dashboard',
    'Quotes',
    'Orders',
    'Invoices',
    'Contracts',
    'Support tickets',
    'Users',
    'Billing settings',
  ]);
  const help = `<div class="${cls(n, 'help-box')}"><h4>Need help?</h4><p>Your account manager is available Monday to Friday, 8 a.m. to 6 p.m. Eastern. Call 1-800-555-0${r.int(100, 199)} or open a support ticket.</p></div>`;
  if (n === 'semantic') return `<aside><nav aria-label="Portal">${menu}</nav>${help}</aside>`;
  return `<div class="${cls(n, 'portal-sidebar')}">${menu}${help}</div>`;
}

export function portalNotice(r: Rng, n: Naming): string {
  return `<div class="${cls(n, r.pick(['alert alert-info', 'notice-banner', 'system-message']))}">Scheduled maintenance: the portal will be unavailable on Saturday from 11 p.m. to 2 a.m. Eastern while we upgrade our billing system.</div>`;
}
