import { expect, it } from 'vitest';
import { LogSearch } from '../../../shared/search';
import { unescapeMarkdown } from '../../../shared/search/snippet';
import { capture, item } from './fixtures';

// Captured pages are stored as Markdown, whose writer escapes "1." at the start of a line so it stays a sentence.
const PROPOSAL =
  '1\\. Scope of services\n\n2\\. Pricing: \\*all\\* prices are in CAD \\(taxes extra\\) \\#42\n\n' +
  'The managed firewall costs $1,250 per month.';

it('shows the text of a capture in a snippet, not its Markdown escapes', () => {
  const search = new LogSearch();
  search.bulkLoad({
    items: [item({ id: 'i-msp', title: 'Managed services proposal' })],
    captures: [capture({ id: 'c-msp', itemId: 'i-msp', markdown: PROPOSAL })],
    vendors: [],
  });
  const [hit] = search.search('pricing', {});
  expect(hit!.snippet).not.toContain('\\');
  expect(hit!.snippet).toContain('1. Scope of services');
  expect(hit!.snippet).toContain('Pricing: all prices are in CAD (taxes extra) #42');
});

it('turns each escape back into its character, and leaves other backslashes alone', () => {
  expect(unescapeMarkdown('1\\. Scope \\[draft\\] \\_v2\\_ a\\\\b')).toBe('1. Scope [draft] _v2_ a\\b');
  expect(unescapeMarkdown('C:\\Users')).toBe('C:\\Users');
});
