/**
 * Whole corpus pages: a kind's content (content.ts) inside one of several site shells (HTML5, Bootstrap div soup,
 * CSS-in-JS, ASP.NET table layout, WordPress, docs and forum engines) with that site's chrome (chrome.ts), and a
 * title written the way sites write them. Returns the HTML and the gold (title and main text).
 */
import { esc, goldText, hashed, renderBlocks, type Block, type Flavour } from './blocks';
import * as C from './chrome';
import type { Naming } from './chrome';
import * as K from './content';
import type { Ctx, Post } from './content';
import * as W from './words';

export type Kind = 'article' | 'vendor' | 'docs' | 'forum';
export interface CorpusPage {
  name: string;
  kind: Kind;
  sub: string;
  url: string;
  html: string;
  gold: { kind: Kind; sub: string; title: string; text: string };
}

type HeadingMode = 'h1' | 'none' | 'multi' | 'h2';
type Shell = 'html5' | 'bootstrap' | 'hashed' | 'table' | 'wordpress';

interface Parts {
  site: string;
  headline: string;
  head: string;
  /** The main content, already rendered. */
  body: string;
  gold: string[];
  before?: string;
  after?: string;
  crumbs?: string;
  side?: string;
  comments?: string;
}

function headingHtml(c: Ctx, mode: HeadingMode, headline: string): string {
  if (mode === 'h1' || mode === 'multi')
    return `<h1 class="${c.r.pick(['entry-title', 'page-title', 'title', hashed()])}">${esc(headline)}</h1>`;
  if (mode === 'h2') return `<h2 class="title">${esc(headline)}</h2>`;
  return `<div class="${c.r.pick(['page-title', 'heading-xl', hashed()])}"><span>${esc(headline)}</span></div>`;
}

/** <title>, og:title and og:site_name as sites write them; the headline is what the page shows. */
function titles(c: Ctx, kind: Kind, headline: string, site: string, mode: HeadingMode, section: string) {
  const r = c.r;
  const sep = r.pick([' | ', ' - ', ' – ', ' — ', ' · ']);
  const patterns: Array<() => string> = [
    () => `${headline}${sep}${site}`,
    () => `${headline}${sep}${site}`,
    () => `${headline}${sep}${site}`,
    () => `${headline}${sep}${site}`,
    () => `${headline}${sep}${section}${sep}${site}`,
    () => `${headline} » ${site}`,
    () => headline,
    () => `${site}${sep}${headline}`,
  ];
  if (kind === 'forum')
    patterns.push(
      () => `Re: ${headline} - ${site}`,
      () => `${headline} - Page 2 - ${site}`,
    );
  let title = r.pick(patterns)();
  let og: string | null = r.pick([null, null, headline, headline, title]);
  // A single-page app that never updates <title>: only og:title and the heading name the page.
  if (mode !== 'none' && r.chance(0.08)) [title, og] = [site, headline];
  return { title, og, siteName: r.chance(0.5) ? site : null };
}

function forumHtml(c: Ctx, engine: string, posts: Post[]): string {
  return posts
    .map((p, i) => {
      const body = p.body.map((t) => `<p>${esc(t)}</p>`).join('');
      const sig = c.r.chance(0.4) ? `<div class="signature">-- ${esc(p.author)} | IT manager, ${c.r.int(2, 9)} sites | Opinions my own</div>` : ''; // prettier-ignore
      const stats = `Posts: ${c.r.int(3, 4000)} · Joined ${c.r.int(2011, 2025)}`;
      const actions = `<div class="post-actions"><a href="#">Reply</a> <a href="#">Quote</a> <span>${c.r.int(0, 30)} likes</span></div>`;
      if (engine === 'discourse')
        return `<article class="topic-post" id="post_${i + 1}"><div class="topic-avatar"><img alt="" src="/u/${p.author}.png"></div><div class="topic-body"><div class="topic-meta-data"><span class="username">${esc(p.author)}</span><span class="post-date">${p.date}</span></div><div class="cooked">${body}</div>${actions}</div></article>`;
      if (engine === 'phpbb')
        return `<div id="p${i + 1}" class="post bg${(i % 2) + 1}"><div class="inner"><dl class="postprofile"><dt><a class="username">${esc(p.author)}</a></dt><dd>${stats}</dd></dl><div class="postbody"><h3>${i ? 'Re: ' : ''}${esc(c.r.pick(W.FORUM_HEADLINES))}</h3><p class="author">by ${esc(p.author)} » ${p.date}</p><div class="content">${body}</div>${sig}</div></div></div>`;
      if (engine === 'vbulletin')
        return `<table class="tborder" width="100%"><tr><td class="thead">${p.date} #${i + 1}</td></tr><tr><td class="alt2" width="175"><a class="bigusername">${esc(p.author)}</a><div class="smallfont">${stats}</div></td><td class="alt1"><div id="post_message_${i + 1}">${p.body.map(esc).join('<br><br>')}</div>${sig}</td></tr></table>`;
      return `<div class="${hashed()}"><div class="${hashed()}"><span>${esc(p.author)}</span><span>${p.date}</span><span>${stats}</span></div><div class="${hashed()}">${body}</div>${actions}</div>`;
    })
    .join('\n');
}

/** The site around the content, in the page's shell. */
function shell(c: Ctx, sh: Shell, n: Naming, mode: HeadingMode, p: Parts): string {
  const r = c.r;
  const cookie = r.chance(0.6) ? C.cookieBanner(r, n) : '';
  const logoH1 = mode === 'multi' ? `<h1 class="site-title"><a href="/">${esc(p.site)}</a></h1>` : '';
  const nav = logoH1 + C.navigation(r, n, p.site);
  const foot = C.footer(r, n, p.site);
  const content = `${p.crumbs ?? ''}${p.before ?? ''}${p.head}${p.body}${p.after ?? ''}`;
  const side = p.side ?? '';
  const comments = p.comments ?? '';
  switch (sh) {
    case 'html5':
      return `${cookie}${nav}<main id="content"><article>${content}</article>${comments}</main>${side}${foot}`;
    case 'wordpress':
      return `<div id="page" class="site">${nav.replace('<header class="site-header">', '<header id="masthead" class="site-header">')}<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main"><article class="post type-post hentry">${p.crumbs ?? ''}<header class="entry-header">${p.head}</header><div class="entry-content">${p.before ?? ''}${p.body}</div><footer class="entry-footer">${p.after ?? ''}</footer></article>${comments}</main></div>${side.replace(/^<(aside|div) class="[^"]*"/, '<$1 id="secondary" class="widget-area"')}</div>${foot}</div>${cookie}`;
    case 'bootstrap':
      return `${nav}<div class="container"><div class="row"><div class="col-md-8 col-sm-12">${content}${comments}</div>${side}</div></div>${foot}${cookie}`;
    case 'hashed':
      return `<div id="__next"><div class="${hashed()}">${nav}</div><div class="${hashed()}"><div class="${hashed()}">${content}</div><div class="${hashed()}">${comments}</div>${side}</div>${foot}${cookie}</div>`;
    case 'table':
      return `<form id="aspnetForm" method="post" action="./Default.aspx"><table width="100%" cellpadding="0" cellspacing="0"><tr><td colspan="2">${nav}</td></tr><tr><td width="220" valign="top">${side}</td><td valign="top">${content}${comments}</td></tr><tr><td colspan="2">${foot}</td></tr></table></form>${cookie}`;
  }
}

function articleParts(c: Ctx, n: Naming, flavour: Flavour, headline: string, site: string): Omit<Parts, 'head'> {
  const r = c.r;
  const blocks = K.articleBlocks(c);
  let body = renderBlocks(blocks, flavour);
  // Newsletter boxes inside the article body, between paragraphs, as many publishers place them.
  if (r.chance(0.3)) {
    const cut = body.indexOf('\n', Math.floor(body.length / 2));
    if (cut > 0) body = `${body.slice(0, cut)}${C.newsletter(r, n)}${body.slice(cut)}`;
  }
  const byline = `<div class="${n === 'hashed' ? hashed() : 'byline'}">By <a href="/authors">${esc(r.pick(W.PEOPLE))}</a> · ${K.dateText(r)} · ${r.int(3, 12)} min read</div>`;
  return {
    site,
    headline,
    body: `<div class="${n === 'hashed' ? hashed() : 'article-body'}">${body}</div>`,
    gold: goldText(blocks),
    crumbs: r.chance(0.5) ? C.breadcrumbs(r, n, ['Home', 'Blog', headline.slice(0, 30)]) : '',
    before: byline + (r.chance(0.5) ? C.shareBar(r, n) : ''),
    after: [r.chance(0.5) ? C.shareBar(r, n) : '', r.chance(0.5) ? C.authorBio(r, n) : '', r.chance(0.7) ? C.related(r, n, W.ARTICLE_HEADLINES, W.ARTICLE_SENTENCES) : '', r.chance(0.5) ? C.newsletter(r, n) : ''].join(''), // prettier-ignore
    side: r.chance(0.7) ? C.sidebar(r, n) : '',
    comments: r.chance(0.5) ? C.comments(r, n) : '',
  };
}

function vendorParts(c: Ctx, n: Naming, flavour: Flavour, sub: string, headline: string, blocks: Block[]) {
  const r = c.r;
  const portal = sub === 'quote' || sub === 'renewal' || (sub === 'contract' && r.chance(0.5));
  return {
    site: portal ? c.vendor.portal : c.vendor.name,
    headline,
    body: `<div class="${n === 'hashed' ? hashed() : r.pick(['content', 'page-body', 'panel-body'])}">${renderBlocks(blocks, flavour)}</div>`,
    gold: goldText(blocks),
    crumbs: r.chance(0.6) ? C.breadcrumbs(r, n, portal ? ['Dashboard', sub === 'quote' ? 'Quotes' : 'Contracts'] : ['Home', 'Legal']) : '', // prettier-ignore
    before: portal ? C.portalAccount(r, n, c.client) + (r.chance(0.5) ? C.portalNotice(r, n) : '') : '',
    after: portal
      ? `<div class="${n === 'hashed' ? hashed() : 'actions'}"><a href="#">Download PDF</a> <a href="#">Print</a> <a href="#">Accept quote</a> <a href="#">Request changes</a></div>`
      : r.chance(0.6)
        ? C.newsletter(r, n)
        : '',
    side: portal ? C.portalSidebar(r, n) : r.chance(0.4) ? C.sidebar(r, n) : '',
  };
}

function docsParts(c: Ctx, n: Naming, headline: string, site: string) {
  const r = c.r;
  const blocks = K.docsBlocks(c, headline);
  const toc = blocks.flatMap((b) => (b.t === 'h2' && 'text' in b ? [b.text] : []));
  const tocHtml = `<div class="${n === 'hashed' ? hashed() : r.pick(['table-of-contents', 'toc', 'on-this-page'])}"><div>On this page</div><ul>${toc.map((t) => `<li><a href="#${t.toLowerCase().replace(/\W+/g, '-')}">${esc(t)}</a></li>`).join('')}</ul></div>`; // prettier-ignore
  const groups = ['Getting started', 'Backups', 'Restores', 'Administration', 'Billing', 'API reference'];
  const docsNav = groups.map((g) => `<li><span>${g}</span><ul>${r.some(W.DOCS_HEADLINES, 4).map((h) => `<li><a href="/docs/${h.length}">${esc(h)}</a></li>`).join('')}</ul></li>`).join(''); // prettier-ignore
  const sideNav = n === 'semantic' ? `<nav class="docs-sidebar" aria-label="Docs"><ul>${docsNav}</ul></nav>` : `<div class="${n === 'hashed' ? hashed() : 'sphinxsidebar'}"${n === 'hashed' ? '' : ' role="navigation"'}><ul>${docsNav}</ul></div>`; // prettier-ignore
  const feedback = `<div class="${n === 'hashed' ? hashed() : 'feedback'}"><p>Was this page helpful?</p><a href="#">Yes</a> <a href="#">No</a><p>${r.int(3, 90)} out of ${r.int(91, 140)} found this helpful</p></div>`;
  const pager = `<div class="${n === 'hashed' ? hashed() : 'pagination-nav'}"><a href="#">Previous: ${esc(r.pick(W.DOCS_HEADLINES))}</a> <a href="#">Next: ${esc(r.pick(W.DOCS_HEADLINES))}</a></div>`;
  return {
    site,
    headline,
    body: `<div class="${n === 'hashed' ? hashed() : r.pick(['markdown', 'body', 'article-body'])}">${renderBlocks(blocks, 'semantic')}</div>`,
    gold: goldText(blocks),
    crumbs: C.breadcrumbs(r, n, ['Docs', r.pick(groups)]),
    before: r.chance(0.5) ? tocHtml : '',
    after: `<div class="last-updated">Last updated on ${K.dateText(r)}</div><a href="#">Edit this page</a>${feedback}${pager}${r.chance(0.4) ? C.related(r, n, W.DOCS_HEADLINES, W.DOCS_SENTENCES) : ''}`,
    side: sideNav,
  };
}

function forumParts(c: Ctx, n: Naming, engine: string, headline: string, site: string) {
  const r = c.r;
  const posts = K.forumPosts(c);
  const similar = `<div class="${n === 'hashed' ? hashed() : 'similar-topics'}"><h3>Similar threads</h3>${r.some(W.FORUM_HEADLINES, 5).map((h) => `<div><a href="/t/${h.length}">${esc(h)}</a> <span>${r.int(1, 60)} replies</span></div>`).join('')}</div>`; // prettier-ignore
  return {
    site,
    headline,
    body: `<div class="${n === 'hashed' ? hashed() : 'post-stream'}">${forumHtml(c, engine, posts)}</div>`,
    gold: posts.flatMap((p) => p.body),
    crumbs: C.breadcrumbs(r, n, [
      'Community',
      r.pick(['Backup & Recovery', 'Networking', 'Licensing', 'General discussion']),
    ]),
    before: `<div class="topic-stats">${posts.length - 1} replies · ${r.int(50, 9000)} views</div>`,
    after: `<div class="pagination">Page 1 of ${r.int(1, 3)} ${`<a href="?page=2">Next</a>`}</div><div class="reply-box"><p>You must be signed in to reply. New here? Join the community to ask questions and help others.</p></div>`,
    side: similar,
  };
}

const NAMINGS: Record<Shell, Naming[]> = {
  html5: ['semantic'],
  wordpress: ['semantic', 'classes'],
  bootstrap: ['classes'],
  hashed: ['hashed'],
  table: ['classes'],
};

export function makePage(kind: Kind, sub: string, index: number, seed: number): CorpusPage {
  const r = K.rng(seed);
  const c: Ctx = { r, vendor: r.pick(W.VENDORS), client: r.pick(W.CLIENTS) };
  const sh: Shell =
    kind === 'forum' ? r.pick(['html5', 'bootstrap', 'hashed', 'table']) : r.pick(['html5', 'bootstrap', 'hashed', 'table', 'wordpress']); // prettier-ignore
  const n = r.pick(NAMINGS[sh]);
  const flavour: Flavour = n === 'hashed' ? 'hashed' : sh === 'table' ? r.pick(['brsoup', 'divsoup']) : sh === 'bootstrap' ? r.pick(['divsoup', 'semantic']) : 'semantic'; // prettier-ignore
  const mode: HeadingMode = r.pick(['h1', 'h1', 'h1', 'h1', 'h1', 'multi', 'multi', 'none', 'h2']);
  let parts: Omit<Parts, 'head'>;
  let section = 'Blog';
  let host = '';
  if (kind === 'article') {
    const site = r.pick([
      'IT Governance Today',
      'The Channel Report',
      `${c.vendor.name} Blog`,
      'Northern Tech News',
      'CIO Desk',
    ]);
    parts = articleParts(c, n, flavour, r.pick(W.ARTICLE_HEADLINES), site);
    host = site.endsWith(' Blog') ? `blog.${c.vendor.domain}` : `www.${site.toLowerCase().replace(/\W+/g, '')}.com`;
  } else if (kind === 'docs') {
    section = r.pick(['Docs', 'Knowledge Base', 'Help Center']);
    parts = docsParts(c, n, r.pick(W.DOCS_HEADLINES), `${c.vendor.name} ${section}`);
    host = `${r.pick(['docs', 'help', 'support'])}.${c.vendor.domain}`;
  } else if (kind === 'forum') {
    section = r.pick(['Backup & Recovery', 'Networking', 'General']);
    const engine = sh === 'table' ? 'vbulletin' : sh === 'hashed' ? 'community' : r.pick(['discourse', 'phpbb']);
    const site = r.pick(['Community Forum', `${c.vendor.name} Community`, 'SysAdmin Forums']);
    parts = forumParts(c, n, engine, r.pick(W.FORUM_HEADLINES), site);
    host = site === 'SysAdmin Forums' ? 'www.sysadminforums.net' : `community.${c.vendor.domain}`;
  } else {
    const id = `${r.pick(['Q', 'QT', 'C', 'NS'])}-${r.int(10000, 99999)}`;
    const [headline, blocks] =
      sub === 'quote'
        ? [`Quote ${id}`, K.quoteBlocks(c, id)]
        : sub === 'pricing'
          ? [r.pick(['Pricing', 'Plans and pricing', `${c.vendor.name} pricing`]), K.pricingBlocks(c)]
          : sub === 'contract'
            ? [r.pick(['Master Services Agreement', 'Terms of Service', `Contract ${id} — ${r.pick(W.PRODUCTS)}`]), K.termsBlocks(c)] // prettier-ignore
            : [`Renewal notice: ${r.pick(W.PRODUCTS)}`, K.renewalBlocks(c, id)];
    section = { quote: 'Quotes', pricing: 'Plans', contract: 'Legal', renewal: 'Billing' }[sub] ?? 'Account';
    parts = vendorParts(c, n, flavour, sub, headline, blocks);
    host = parts.site === c.vendor.portal ? `portal.${c.vendor.domain}` : `www.${c.vendor.domain}`;
  }
  const t = titles(c, kind, parts.headline, parts.site, mode, section);
  const html = shell(c, sh, n, mode, { ...parts, head: headingHtml(c, mode, parts.headline) });
  const meta = [
    t.og ? `<meta property="og:title" content="${esc(t.og)}">` : '',
    t.siteName ? `<meta property="og:site_name" content="${esc(t.siteName)}">` : '',
  ].join('');
  const name = `${kind}-${sub}-${String(index).padStart(2, '0')}`;
  const slug = parts.headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    name,
    kind,
    sub,
    url: `https://${host}/${kind === 'vendor' ? sub : kind}/${slug}`,
    html: `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(t.title)}</title>${meta}<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/main.css"><script>window.dataLayer=[];</script></head>\n<body class="${sh}">${html}<script src="/app.js"></script></body></html>\n`,
    gold: { kind, sub, title: parts.headline, text: parts.gold.join('\n') },
  };
}
