/**
 * A Gmail conversation page for the capture benchmark, shaped like test/fixtures/pages/gmail-renewal-thread.html
 * (the markup extension/capture/gmail.ts reads), with `count` messages, every one expanded ("Expand all"). Each reply
 * quotes the whole conversation before it, as Gmail's DOM does behind its "…" button, so the page grows with the
 * thread. Same (count, seed) → same page.
 */
import { prng } from './prng';

const PEOPLE = [
  { name: 'Priya Shah', email: 'priya.shah@acme-cloud.com' },
  { name: 'Dana Whitfield', email: 'dana@northwind-advisory.com' },
  { name: 'Marc Gagnon', email: 'marc.gagnon@lavallogistics.ca' },
] as const;
const WORDS = (
  'renewal seat price backup term discount commitment quote invoice governance meeting budget contract notice ' +
  'subscription tier annual monthly migration tenant support escalation uptime credit licence review vendor client'
).split(' ');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface GmailThread {
  html: string;
  subject: string;
  /** One phrase per message, only in that message's own body (quotes leave it out). */
  markers: string[];
  /** The date each message shows in its header, as Gmail's `title` attribute writes it. */
  dates: string[];
  senders: { name: string; email: string }[];
}

/** "Tue, Nov 3, 2026, 4:45 PM", Gmail's long date format. */
function gmailDate(d: Date): string {
  const h = d.getUTCHours();
  const time = `${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
  return `${DAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${time}`;
}

const person = (p: (typeof PEOPLE)[number], cls: string) =>
  `<span email="${p.email}" name="${p.name}" data-hovercard-id="${p.email}" class="${cls}"><span>${p.name}</span></span>`;

export function generateGmailThread(count: number, seed: number): GmailThread {
  const rand = prng(seed);
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  const subject = `Acme Cloud Backup renewal – 2027 pricing (thread ${seed})`;
  const markers: string[] = [];
  const dates: string[] = [];
  const senders: GmailThread['senders'] = [];
  const messages: string[] = [];
  let history = ''; // the conversation so far, as the next reply quotes it
  for (let i = 0; i < count; i++) {
    const from = PEOPLE[i % 2 === 0 ? 0 : i % 5 === 3 ? 2 : 1];
    const to = PEOPLE[i % 2 === 0 ? 1 : 0];
    const when = new Date(Date.UTC(2026, 9, 5, 9 + (i % 8), (i * 17) % 60) + i * 2 * 86_400_000);
    const date = gmailDate(when);
    const marker = `Message ${i + 1} of ${count} in thread T-${seed}.`;
    markers.push(marker);
    dates.push(date);
    senders.push(from);
    const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 3) }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' '),
    );
    const table =
      i % 4 === 2
        ? '<table cellpadding="6" border="1"><tbody><tr><td><b>Item</b></td><td><b>2026</b></td><td><b>2027</b></td></tr>' +
          `<tr><td>Enterprise seat (per month)</td><td>$32.00</td><td>$${(33 + i / 4).toFixed(2)}</td></tr>` +
          `<tr><td>Seats</td><td>120</td><td>${120 + i}</td></tr></tbody></table>`
        : '';
    const own = paragraphs.map((p) => `<div>${p}</div><div><br></div>`).join('') + table;
    const quote = history
      ? '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On ' +
        `${dates[i - 1]} ${senders[i - 1]!.name} wrote:<br></div>` +
        `<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${history}</blockquote></div>`
      : '';
    history = `<div dir="ltr">${own}</div>${quote}`;
    const msgId = (0x1815000000000000n + BigInt(seed * 1000 + i)).toString();
    messages.push(
      '<div class="h7 ie nH oy8Mbf" role="listitem" aria-expanded="true" tabindex="-1"><div class="Bk"><div class="G3 G2">' +
        `<div class="adn ads" data-message-id="#msg-f:${msgId}" data-legacy-message-id="19325a1b2c3d${(0x4e00 + i).toString(16)}">` +
        '<div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ">' +
        `<td class="gF gK"><h3 class="iw"><span translate="no" class="qu">${person(from, 'gD')}</span></h3></td>` +
        `<td class="gH bAk"><div class="gK"><span class="g3" title="${date}" alt="${date}" role="gridcell">${date}</span></div></td></tr>` +
        '<tr class="acZ xD"><td colspan="3"><table class="cf adz"><tbody><tr><td class="ady"><div class="iw ajw">' +
        `<span class="hb">to ${person(to, 'g2')}</span></div></td></tr></tbody></table></td></tr></tbody></table></div>` +
        `<div class="ii gt adP adO"><div class="a3s aiL"><div dir="ltr"><div>Hi ${to.name.split(' ')[0]},</div>` +
        `<div>${marker}</div>${own}<div>${from.name}</div></div>${quote}<div class="yj6qo"></div></div></div>` +
        '</div></div></div></div></div>',
    );
  }
  const html =
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${subject} - dana@northwind-advisory.com - ` +
    'Northwind Advisory Mail</title></head><body><div class="nH w-asV aiw">' +
    '<header class="gb_1a" role="banner"><a class="gb_Ac" href="#inbox" aria-label="Gmail">Gmail</a>' +
    '<form role="search"><input aria-label="Search mail" name="q"></form></header>' +
    '<div class="nH oy8Mbf nn aeN" role="navigation"><a href="#inbox" class="J-Ke n0">Inbox</a></div>' +
    '<div class="nH bkK"><div class="nH" role="main"><div class="nH if" role="list"><div class="nH"><div class="ha">' +
    `<h2 class="hP" data-legacy-thread-id="1938a2b4c5d6${(0xe700 + seed).toString(16)}">${subject}</h2></div></div>` +
    `${messages.join('')}</div></div></div></div></body></html>`;
  return { html, subject, markers, dates, senders };
}
