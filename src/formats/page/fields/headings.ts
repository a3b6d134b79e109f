// What counts as a heading for section roles, and what role it states. Only elements that
// are headings by markup count, never a heading word in prose: h1-h6, role="heading",
// caption and summary, th and dt (labels of the cells or terms after them), and a bold or
// strong line that is its whole block and is followed by a list or table. Reads are bounded:
// a heading's text up to MAX_LABEL_CHARS, its language by one ancestor walk, and only for
// elements whose text is a heading phrase.
import type { FieldRole } from '../../../core/types';
import { isBlockElement, isSkippedElement } from '../collect-blocks';
import { headingPhraseRole, isNameLabel } from './heading-words';
import { labelRole, MAX_LABEL_CHARS } from './labels';
import { shortText } from './dom-text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const WS_ONLY = /^\s*$/;
const H_LEVEL = /^h([1-6])$/;

/** Level of th, dt (below every real heading: they label a row or a term). */
export const LABEL_LEVEL = 8;
/** Level of caption and summary: the title of their own table or details. */
const TITLE_LEVEL = 7;

export interface Heading {
  /** 1-6 for h1-h6 and aria-level, 7 for caption/summary, 8 for th/dt. */
  level: number;
  /**
   * A heading without a role hides the role of an outer heading from its own items
   * (th, dt: "Montant" labels its value, which is not the winner's name), unless it only
   * says "name"; a sub-heading such as "Lot 1" or "I.1) Name and addresses" lets it through.
   */
  shadows: boolean;
}

/** The heading `el` is by markup, or null. */
export function headingOf(el: Element): Heading | null {
  const name = el.localName;
  const h = H_LEVEL.exec(name);
  if (h) return { level: Number(h[1]), shadows: false };
  if (name === 'th' || name === 'dt') return { level: LABEL_LEVEL, shadows: true };
  if (name === 'caption' || name === 'summary') return { level: TITLE_LEVEL, shadows: false };
  if (el.getAttribute('role') === 'heading') {
    const level = Number.parseInt(el.getAttribute('aria-level') ?? '', 10);
    return { level: level >= 1 && level <= 6 ? level : 2, shadows: false };
  }
  return null;
}

/** The primary language subtag of the nearest lang attribute ("nl-BE" -> "nl"), or null. */
function langOf(el: Element): string | null {
  for (let p: Element | null = el; p; p = p.parentElement) {
    const lang = p.getAttribute('lang');
    if (lang !== null) return lang.trim().toLowerCase().split(/[-_]/)[0] || null;
  }
  return null;
}

export interface HeadingText {
  /** The role its text states: a heading phrase, else a label that is all the text. */
  role: FieldRole | null;
  /** Its text only says "name" ("Officiële benaming:"): what follows is a name. */
  nameLabel: boolean;
}

/** What the text of heading (or bold line) `el` states. */
export function readHeading(el: Element): HeadingText {
  const text = shortText(el, MAX_LABEL_CHARS);
  if (!text) return { role: null, nameLabel: false };
  // The language is looked up only for the few texts that are heading phrases.
  const role = (headingPhraseRole(text, null) && headingPhraseRole(text, langOf(el))) || labelRole(text);
  return { role, nameLabel: !role && isNameLabel(text) };
}

/** The role the text of heading (or bold line) `el` states. */
export function headingRole(el: Element): FieldRole | null {
  return readHeading(el).role;
}

/** At most this many wrappers are climbed from a heading to its box. */
const MAX_BOX_CLIMB = 3;

/** The next sibling element that shows something (scripts, templates and the like passed over). */
function nextShownElement(el: Element): Element | null {
  let n = el.nextElementSibling;
  while (n && isSkippedElement(n)) n = n.nextElementSibling;
  return n;
}

function hasOtherText(parent: Element): boolean {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE && !WS_ONLY.test((n as Text).data)) return true;
  }
  return false;
}

export interface Box {
  /** The element whose following siblings are the heading's section. */
  box: Element;
  /** How many block wrappers the box is above the heading (0: the heading itself). */
  blockLevelsUp: number;
}

/**
 * The box a heading heads from: the heading, or the wrappers around it that hold nothing
 * else (`<div class="panel-heading"><h3>Attributaire</h3></div><div class="panel-body">`).
 */
export function boxOf(heading: Element): Box {
  let box = heading;
  let blockLevelsUp = 0;
  for (let i = 0; i < MAX_BOX_CLIMB; i++) {
    const parent = box.parentElement;
    if (!parent || parent.localName === 'body' || parent.localName === 'html') break;
    if (parent.firstElementChild !== box || parent.lastElementChild !== box || hasOtherText(parent)) break;
    box = parent;
    if (isBlockElement(parent)) blockLevelsUp++;
  }
  return { box, blockLevelsUp };
}

/** True when `el` is a heading's box: it holds a heading and nothing else. */
export function isHeadingBox(el: Element): boolean {
  let inner: Element | null = el;
  for (let i = 0; i < MAX_BOX_CLIMB && inner; i++) {
    const only: Element | null = inner.firstElementChild;
    if (!only || only !== inner.lastElementChild || hasOtherText(inner)) return false;
    if (headingOf(only)) return true;
    inner = only;
  }
  return false;
}

const LISTS = new Set(['ul', 'ol', 'dl', 'table']);

/**
 * For a block that is one bold or strong line followed by a list or table
 * (`<p><strong>Attributaires :</strong></p><ul>...`), that list or table; else null.
 */
export function listAfterBoldLine(el: Element): Element | null {
  const name = el.localName;
  if (name !== 'p' && name !== 'div') return null;
  let bold: Element | null = null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT_NODE) {
      const data = (n as Text).data;
      // Nothing but whitespace, or the label's colon after the bold part.
      if (WS_ONLY.test(data) || (bold && /^\s*[:：]\s*$/.test(data))) continue;
      return null;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const child = n as Element;
    if (bold || (child.localName !== 'b' && child.localName !== 'strong')) return null;
    bold = child;
  }
  if (!bold) return null;
  const next = nextShownElement(el);
  return next && LISTS.has(next.localName) ? next : null;
}
