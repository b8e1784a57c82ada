/**
 * A long, text-only PDF for the capture benchmark: a vendor's master services agreement, `pages` Letter pages of
 * ~48 wrapped lines each. Same (pages, seed) → same bytes. Each page ends with a line naming its number, so the
 * benchmark can check that the last page was read.
 */
import { makePdf } from '../../test/fixtures/make-pdf';
import { prng } from './prng';

const WORDS = (
  'the provider shall deliver managed backup endpoint protection and firewall services to the client under this ' +
  'agreement at the monthly price stated in schedule pricing each seat licence renews for a term of twelve months ' +
  'unless either party gives written notice of termination ninety days before the renewal date service credits ' +
  'apply when uptime falls below the committed level support requests are answered within four business hours'
).split(' ');
const LINE_CHARS = 88;
const LINES_PER_PAGE = 48;

export interface GeneratedPdf {
  bytes: Uint8Array;
  pages: number;
  /** The closing line of page `n`: present in the text only if that page was read. */
  pageEnd: (n: number) => string;
}

export function generatePdf(pages: number, seed: number): GeneratedPdf {
  const rand = prng(seed);
  const pageEnd = (n: number) => `End of page ${n} of ${pages}, agreement MSA-${seed}.`;
  const body: string[][] = [];
  for (let n = 1; n <= pages; n++) {
    const lines = [`Section ${n}. Terms of service, schedule ${n}`];
    let line = '';
    while (lines.length < LINES_PER_PAGE - 1) {
      const word = WORDS[Math.floor(rand() * WORDS.length)]!;
      if (line.length + word.length + 1 > LINE_CHARS) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word[0]!.toUpperCase() + word.slice(1);
    }
    lines.push(pageEnd(n));
    body.push(lines);
  }
  return { bytes: makePdf(body, { title: `Master services agreement MSA-${seed}` }), pages, pageEnd };
}
