/**
 * A very large page (a distributor's 7 MB price list) costs seconds in every pass over its DOM: cloning, cleaning,
 * Readability and turndown each walk all of it. So above a text budget the extractor reads a copy that holds only
 * the page's head (title, parties, quote number, the first lines) and its tail (the total row, the validity), with a
 * marker where the middle was left out, and says so in a warning the form shows. The copy is cut from the live page
 * without changing it, and costs about as much as the text it keeps.
 */

/** Characters of the page's text kept from its start and from its end. */
export const PAGE_BUDGET = { head: 150_000, tail: 15_000 };

export interface BoundedPage {
  doc: Document;
  /** Characters of text the copy leaves out. */
  leftOut: number;
  /** Characters of text on the whole page. */
  total: number;
}

const HTML = 'http://www.w3.org/1999/xhtml';
const SHOW_TEXT = 4;
/** Kept whole or left out whole at a cut: a table row, a list item or a heading is never cut in half. */
const WHOLE = 'tr, li, p, h1, h2, h3, h4, h5, h6, dt, dd, blockquote, pre, figure';
/** A block with more text than this may be cut inside (a 1 MB `<pre>` of a text export). */
const SPLIT_MIN = 2_000;

/** Where the kept text stops: before (or, for the tail, after) a whole block, or inside a text node. */
interface Cut {
  node: Node;
  /** For a text node: how many of its characters the kept side holds. */
  inside: number | null;
  /** Characters of text on the kept side of the cut. */
  kept: number;
}

/** Where the kept text ends once `budget` characters are read, walking forwards or backwards. */
function findCut(body: HTMLElement, budget: number, backwards: boolean): Cut | null {
  const walker = body.ownerDocument.createTreeWalker(body, SHOW_TEXT);
  let kept = 0;
  for (let node = backwards ? walker.lastChild() : walker.nextNode(); node;) {
    const length = node.textContent?.length ?? 0;
    if (kept + length > budget) {
      const block = node.parentElement?.closest(WHOLE);
      if (block && block !== body && body.contains(block) && (block.textContent?.length ?? 0) < SPLIT_MIN)
        return { node: block, inside: null, kept };
      return { node, inside: budget - kept, kept: budget };
    }
    kept += length;
    node = backwards ? walker.previousNode() : walker.nextNode();
  }
  return null;
}

/** The live nodes from `body` down to the parent of the cut. */
function containers(body: Node, cut: Cut): Node[] {
  const chain: Node[] = [];
  for (let n = cut.node.parentNode; n && n !== body; n = n.parentNode) chain.unshift(n);
  return [body, ...chain];
}

/**
 * Copies one side of a cut: every node before it (or after it), deep, and shells of the nodes it lies in. Returns
 * the copies of `levels`, outermost first (the body's copy is a fragment). Made by hand, not with
 * Range.cloneContents, which jsdom (the unit tests' DOM) runs in quadratic time.
 */
function copySide(doc: Document, levels: Node[], cut: Cut, after: boolean): Node[] {
  const copies: Node[] = [doc.createDocumentFragment()];
  for (let i = 1; i < levels.length; i++) copies.push(doc.importNode(levels[i]!, false));
  for (let i = 0; i < levels.length; i++) {
    const into = copies[i]!;
    const path = i + 1 < levels.length ? levels[i + 1]! : cut.node;
    const inner =
      i + 1 < levels.length
        ? copies[i + 1]!
        : cut.inside === null
          ? null
          : doc.createTextNode(
              after ? cut.node.textContent!.slice(-cut.inside || Infinity) : cut.node.textContent!.slice(0, cut.inside),
            );
    if (after) {
      if (inner) into.appendChild(inner);
      for (let n = path.nextSibling; n; n = n.nextSibling) into.appendChild(doc.importNode(n, true));
    } else {
      for (let n = levels[i]!.firstChild; n && n !== path; n = n.nextSibling) into.appendChild(doc.importNode(n, true));
      if (inner) into.appendChild(inner);
    }
  }
  return copies;
}

/** The marker the Markdown keeps where the middle was left out, shaped for where it lands. */
function gapMarker(doc: Document, parent: Node, leftOut: number): Node {
  const text = `… about ${leftOut.toLocaleString('en-US')} characters of this very large page are left out here …`;
  // Made in the HTML namespace by name: the copy is a bare Document, where createElement would not give HTML.
  const make = (outer: string, inner: string) => {
    const el = doc.createElementNS(HTML, outer);
    el.appendChild(doc.createElementNS(HTML, inner)).textContent = text;
    return el;
  };
  const tag = parent.nodeName.toUpperCase();
  if (tag === 'TBODY' || tag === 'THEAD' || tag === 'TFOOT' || tag === 'TABLE') return make('tr', 'td');
  if (tag === 'TR') return make('td', 'em');
  if (tag === 'UL' || tag === 'OL') return make('li', 'em');
  return make('p', 'em');
}

/**
 * The head and tail of a page whose text is over the budget, as a document of its own (the `<head>` kept whole:
 * title, meta, base), or null when the page is small enough to be read whole.
 */
export function boundedPage(live: Document, budget = PAGE_BUDGET): BoundedPage | null {
  const body = live.body;
  const total = body?.textContent?.length ?? 0;
  if (!body || total <= budget.head + budget.tail) return null;
  const head = findCut(body, budget.head, false);
  const tail = findCut(body, budget.tail, true);
  if (!head || !tail) return null;
  const leftOut = Math.max(0, total - head.kept - tail.kept);

  const NodeClass = live.defaultView?.Node;
  const copy = (NodeClass ? NodeClass.prototype.cloneNode.call(live, false) : live.cloneNode(false)) as Document;
  const headLevels = containers(body, head);
  const tailLevels = containers(body, tail);
  const kept = copySide(copy, headLevels, head, false);
  const closing = copySide(copy, tailLevels, tail, true);
  // Both sides hold shells of the ancestors the middle shares: join the tail's nodes to the head's at each shared
  // level, with the marker where the two sides meet.
  let meet = 0;
  while (meet + 1 < headLevels.length && headLevels[meet + 1] === tailLevels[meet + 1]) meet++;
  kept[meet]!.appendChild(gapMarker(copy, headLevels[meet]!, leftOut));
  for (let i = meet; i >= 0; i--) {
    const from = closing[i]!;
    // Above the meeting level, the tail's first child is the shell already joined one level down.
    let child = i === meet ? from.firstChild : from.firstChild?.nextSibling;
    while (child) {
      const next: ChildNode | null = child.nextSibling;
      kept[i]!.appendChild(child);
      child = next;
    }
  }

  const root = copy.appendChild(copy.importNode(live.documentElement, false));
  for (let n = live.documentElement.firstChild; n; n = n.nextSibling)
    if (n !== body) root.appendChild(copy.importNode(n, true));
  root.appendChild(copy.importNode(body, false)).appendChild(kept[0]!);
  return { doc: copy, leftOut, total };
}
