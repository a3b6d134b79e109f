// Collects the visible text of a page as blocks: one block per block-level container,
// with its inline descendants concatenated ("<b>Acme</b> Ltd" is one string), and text
// from different blocks never joined, so a name is not assembled across table cells.
// Each block keeps an offset table (mark.js getTextNodes pattern) mapping block offsets
// back to text nodes, which is how matches become highlight ranges.
//
// Block-ness is decided by tag name, not computed style, so the same HTML gives the same
// blocks in a browser and in linkedom (the CLI scans HTML files with this code). Only
// standard DOM properties linkedom implements are used: nodeType, localName, childNodes
// via firstChild/lastChild/siblings, getAttribute, shadowRoot, parentNode, host.
import type { FieldRole } from '../../core/types';

export interface TextSegment {
  node: Text;
  /** Offset of node.data's first character in the block text. */
  start: number;
  /** start + node.data.length. */
  end: number;
}

export interface PageBlock {
  text: string;
  field: FieldRole | null;
  segments: TextSegment[];
}

export interface CollectOptions {
  /** Prunes the element and its subtree when true (see visibility.ts). */
  isHidden(el: Element): boolean;
  /** The extension's own UI host: never scanned. */
  ownHost?: Element | null;
  /**
   * The field role a block container states (site adapters, src/formats/page/sites/), or null.
   * Inherited by nested blocks. Absent = every block has field null. Asked once per block
   * container, in document order, with its depth: how many block containers (the
   * document and shadow roots included) enclose it in this walk, 1 for the walk's root.
   * Siblings share a depth, so a detector can keep per-depth state in walk order (the
   * headings open among a container's blocks) without walking the tree itself.
   */
  fieldOf?(el: Element, depth: number): FieldRole | null;
  /** Called for every open shadow root walked (the observer watches each root). */
  onShadowRoot?(root: ShadowRoot): void;
  /**
   * A walk resumed after the page removed the node it was to visit next: the rest of
   * `parent`'s children were not walked (the caller reads `parent` again). Only a walk the
   * caller pauses between blocks can see this.
   */
  onLostPlace?(parent: Node): void;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const DOCUMENT_TYPE_NODE = 10;
const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * Subtrees never scanned: non-rendered content (script, style, template, head, svg
 * title/desc), form fields whose text is user input or a hidden option list, embedded
 * content whose children are fallback text, ruby annotations (pronunciation text would
 * be glued into the base text).
 */
const SKIP = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'meta',
  'base',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'source',
  'track',
  'map',
  'area',
  'param',
  'noembed',
  'noframes',
  'meter',
  'progress',
  'rt',
  'rp',
  // SVG: not rendered or only referenced.
  'desc',
  'metadata',
  'defs',
  'symbol',
  'clippath',
  'mask',
  'pattern',
  'annotation',
]);

/** Skipped elements that still render as a box between words: "Acme<input>Ltd" is two words. */
const SEPARATING_SKIP = new Set([
  'textarea',
  'input',
  'select',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'meter',
  'progress',
]);

/**
 * Inline elements: their text joins the surrounding text. Everything not listed here is
 * a block boundary, including unknown and custom elements: joining text across what is
 * visually two boxes could assemble a name that is not on the page, while splitting an
 * inline custom element at worst misses a name written across it.
 */
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'nobr',
  'q',
  'rb',
  'rtc',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'slot',
  'tspan',
  'output',
  // Handled specially (a line break separates words) but not a block boundary.
  'br',
]);

// Buttons are kept, as their own blocks: a button's label is visible text and can name a
// brand ("Ahava Mineral Cream - add to basket"), and unlike form fields it is not user input.

function nameOf(el: Element): string {
  // HTML localNames are lower case already; SVG ones are camel case (clipPath).
  return el.localName.toLowerCase();
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

/** True for elements whose own subtree is never scanned, by tag or attribute alone. */
export function isSkippedElement(el: Element, ownHost?: Element | null): boolean {
  return SKIP.has(nameOf(el)) || el === ownHost || isEditable(el);
}

/** True when the element starts and ends a block (see INLINE). */
export function isBlockElement(el: Element): boolean {
  return !INLINE.has(nameOf(el));
}

const WS_ONLY = /^\s*$/;
const ENDS_WS = /\s$/;
const STARTS_WS = /^\s/;

class BlockBuilder {
  text = '';
  segments: TextSegment[] = [];
  /** A word boundary seen (whitespace node, <br>, form control) but not yet written. */
  pendingSpace = false;

  add(node: Text): void {
    const data = node.data;
    if (WS_ONLY.test(data)) {
      if (this.text.length > 0) this.pendingSpace = true;
      return;
    }
    if (this.pendingSpace && !ENDS_WS.test(this.text) && !STARTS_WS.test(data)) this.text += ' ';
    this.pendingSpace = false;
    const start = this.text.length;
    this.text += data;
    this.segments.push({ node, start, end: this.text.length });
  }

  separate(): void {
    if (this.text.length > 0) this.pendingSpace = true;
  }

  take(field: FieldRole | null): PageBlock | null {
    const block = this.segments.length > 0 ? { text: this.text, field, segments: this.segments } : null;
    this.text = '';
    this.segments = [];
    this.pendingSpace = false;
    return block;
  }
}

/**
 * Puts where a walk goes next under `node` on `stack`: its first child, whose siblings
 * follow one at a time (nextWalkSibling). For a document, the first node after its
 * doctype: linkedom (the CLI) links a doctype to no sibling.
 */
export function pushWalkChildren(node: Node, stack: { push(n: Node): unknown }): void {
  const first = firstWalkChild(node);
  if (first) stack.push(first);
}

/** The first child a walk visits: a document's doctype is passed over. */
function firstWalkChild(node: Node): Node | null {
  const first = node.firstChild;
  if (first && first.nodeType === DOCUMENT_TYPE_NODE)
    return first.nextSibling ?? (node as Document).documentElement ?? null;
  return first;
}

/** The sibling a walk visits after `node`'s subtree (none for the walk's root). */
export function nextWalkSibling(node: Node, root: Node): Node | null {
  return node === root ? null : node.nextSibling;
}

/** Marks the end of a block container on the walk stack. */
const EXIT = null;

/**
 * Yields the blocks under `root` in document order. A generator so the caller can walk a
 * large page in time slices; the walk holds node references, so a block may contain
 * nodes removed meanwhile (callers drop blocks with disconnected nodes).
 */
export function* iterateBlocks(root: Node, opts: CollectOptions): Generator<PageBlock, void, undefined> {
  if (root.nodeType === DOCUMENT_NODE && (root as Document).designMode === 'on') return;
  const builder = new BlockBuilder();
  const fields: (FieldRole | null)[] = [null];
  const stack: (Node | typeof EXIT)[] = [root];
  // Beside each stack entry, the parent the node had when it was pushed (null: not checked).
  // The walk pauses at each block, and the page may remove the node it is to visit next;
  // walked on, a removed node leads out of the page (its siblings are gone with it).
  const parents: (Node | null)[] = [null];
  const ownHost = opts.ownHost ?? null;

  while (stack.length > 0) {
    const node = stack.pop();
    const parent = parents.pop() ?? null;
    if (node === EXIT) {
      const block = builder.take(fields.pop() ?? null);
      if (block) yield block;
      continue;
    }
    if (node === undefined) break;
    if (parent !== null && node.parentNode !== parent) {
      opts.onLostPlace?.(parent);
      continue;
    }
    // The next sibling waits below this node's own subtree: the walk holds one pending
    // sibling per level of the tree, never every child of a wide container (a shop grid of
    // 20,000 tiles took 20,000 pushes, and as many new node wrappers, in one step: a long
    // task; npm run bench).
    const next = nextWalkSibling(node, root);
    if (next) {
      stack.push(next);
      parents.push(next.parentNode);
    }
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      builder.add(node as Text);
      continue;
    }
    if (type === DOCUMENT_NODE || type === DOCUMENT_FRAGMENT_NODE) {
      // The document and each shadow root are block boundaries of their own.
      const block = builder.take(fields[fields.length - 1]);
      if (block) yield block;
      fields.push(fields[fields.length - 1]);
      stack.push(EXIT);
      parents.push(null);
      const first = firstWalkChild(node);
      if (first) {
        stack.push(first);
        parents.push(node);
      }
      continue;
    }
    if (type !== ELEMENT_NODE) continue; // comments, processing instructions, CDATA

    const el = node as Element;
    const name = nameOf(el);
    if (name === 'br') {
      builder.separate();
      continue;
    }
    if (SKIP.has(name)) {
      if (SEPARATING_SKIP.has(name)) builder.separate();
      continue;
    }
    if (el === ownHost || isEditable(el) || opts.isHidden(el)) continue;

    if (!INLINE.has(name)) {
      const block = builder.take(fields[fields.length - 1]);
      if (block) yield block;
      const inherited = fields[fields.length - 1];
      fields.push((opts.fieldOf ? opts.fieldOf(el, fields.length) : null) ?? inherited);
      stack.push(EXIT);
      parents.push(null);
    }
    const child = el.firstChild;
    if (child) {
      stack.push(child);
      parents.push(el);
    }
    // Pushed last so it is walked first: a host's shadow tree is what renders, with the
    // light children shown through its slots.
    const shadow = el.shadowRoot;
    if (shadow) {
      opts.onShadowRoot?.(shadow);
      stack.push(shadow);
      parents.push(null);
    }
  }
  const last = builder.take(fields[0]);
  if (last) yield last;
}

export function collectBlocks(root: Node, opts: CollectOptions): PageBlock[] {
  return Array.from(iterateBlocks(root, opts));
}

/** The parent in the composed tree: parentNode, or the host of a shadow root. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  const host = (node as ShadowRoot).host as Element | undefined;
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && host ? host : null;
}

/** `ancestor` contains `node` (or is it), crossing shadow-root boundaries. */
export function containsComposed(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = composedParent(n)) if (n === ancestor) return true;
  return false;
}

/**
 * The node whose subtree holds every block `node`'s text belongs to: the nearest
 * block-level element, shadow root or document, found by the same rules as
 * iterateBlocks. Null when the node sits in a subtree that is never scanned (head,
 * script, style, editable areas, our own UI), so changes there are ignored.
 */
export function blockContainerOf(node: Node, ownHost?: Element | null): Node | null {
  let container: Node | null = null;
  for (let n: Node | null = node.nodeType === TEXT_NODE ? node.parentNode : node; n; n = composedParent(n)) {
    if (n.nodeType === ELEMENT_NODE) {
      const el = n as Element;
      if (isSkippedElement(el, ownHost)) return null;
      if (container === null && isBlockElement(el)) container = el;
    } else if (n.nodeType === DOCUMENT_FRAGMENT_NODE || n.nodeType === DOCUMENT_NODE) {
      container ??= n;
    }
  }
  return container;
}
