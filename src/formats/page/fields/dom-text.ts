// Bounded text reads for field detection. Field detection runs once per block container on
// pages with tens of thousands of blocks, so nothing here reads layout (no innerText, no
// computed style) or walks more than a fixed number of characters; it uses the same
// block/skip rules as collectBlocks, so the text read is the text the scanner sees. Works
// on linkedom documents (the CLI) as well as in browsers.
import { pushWalkChildren, isBlockElement, isSkippedElement, nextWalkSibling } from '../collect-blocks';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const WS_ONLY = /^\s*$/;

export interface LeadingText {
  /** The container's own text before its first nested block, whitespace collapsed. */
  text: string;
  /** The first element child when it comes before any text (e.g. `<b>Merk</b> AHAVA`). */
  firstInline: Element | null;
  /** The leading text ended at a nested block: the container holds more than its own text. */
  nested: boolean;
}

/**
 * The text a block container shows before its first nested block (its own block's
 * leading text), up to `max` characters. `<li><span>Manufacturer : </span><span>Volvo
 * </span></li>` gives "Manufacturer : Volvo"; `<div>Supplier:<div>Acme</div></div>` gives
 * "Supplier:".
 */
export function leadingText(el: Element, max: number): LeadingText {
  // Fast path, the common case: an element holding one text node.
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === TEXT_NODE) {
    const data = (only as Text).data;
    return { text: collapse(data.length > max ? data.slice(0, max) : data), firstInline: null, nested: false };
  }
  const acc: Acc = { text: '', sawText: false, firstInline: null, stop: false };
  leadingInto(el, el, acc, max);
  return { text: collapse(acc.text.slice(0, max)), firstInline: acc.firstInline, nested: acc.stop };
}

interface Acc {
  text: string;
  sawText: boolean;
  firstInline: Element | null;
  /** A nested block was reached: the container's own leading text ends there. */
  stop: boolean;
}

function leadingInto(root: Element, parent: Node, acc: Acc, max: number): void {
  for (let n = parent.firstChild; n && !acc.stop && acc.text.length < max; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE) {
      const data = (n as Text).data;
      if (WS_ONLY.test(data)) acc.text += ' ';
      else {
        acc.sawText = true;
        acc.text += data;
      }
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const child = n as Element;
    if (child.localName === 'br') {
      acc.text += ' ';
      continue;
    }
    if (isSkippedElement(child)) continue;
    if (isBlockElement(child)) {
      acc.stop = true;
      return;
    }
    if (!acc.sawText && acc.firstInline === null && parent === root) acc.firstInline = child;
    leadingInto(root, child, acc, max);
  }
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * All text under `node` (blocks included, skipped subtrees left out), stopping once it
 * exceeds `max` characters: the result is longer than `max` exactly when the node holds
 * more text than that.
 */
export function boundedText(node: Node, max: number): string {
  if (node.nodeType === TEXT_NODE) return (node as Text).data.slice(0, max + 1);
  let text = '';
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    // Siblings one at a time (see iterateBlocks): a wide container must not cost a push
    // per child before the first characters are read.
    const next = nextWalkSibling(n, node);
    if (next) stack.push(next);
    if (n.nodeType === TEXT_NODE) {
      text += (n as Text).data;
      if (text.length > max) return text;
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as Element;
    if (n !== node && isSkippedElement(el)) continue;
    // Blocks are separate boxes: keep their words apart.
    if (isBlockElement(el)) text += ' ';
    pushWalkChildren(el, stack);
  }
  return text;
}

/** The sibling before `node` that shows something: whitespace, comments and scripts are passed over. */
export function previousShown(node: Node): Node | null {
  for (let p = node.previousSibling; p; p = p.previousSibling) {
    if (p.nodeType === TEXT_NODE) {
      if (!WS_ONLY.test((p as Text).data)) return p;
      continue;
    }
    if (p.nodeType !== ELEMENT_NODE) continue;
    if (isSkippedElement(p as Element)) continue;
    return p;
  }
  return null;
}

/** Collapsed, trimmed text of `node` when it has at most `max` characters, else null. */
export function shortText(node: Node, max: number): string | null {
  const t = boundedText(node, max);
  if (t.length > max) return null;
  return t.replace(/\s+/g, ' ').trim();
}
