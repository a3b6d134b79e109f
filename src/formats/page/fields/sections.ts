// Roles a heading or a class gives to the names under it: on award pages a list or table
// of companies sits under "Attributaire(s)", "Gunning", "Zuschlagsempfänger", "Winner",
// ..., or in an element whose class says so ("attributaire", "winner-name").
//
// The tracker follows collectBlocks' walk: it is told every block container in document
// order with its depth (how many block containers enclose it), and keeps, per depth, the
// headings open among the blocks at that depth. A heading's section is the blocks after it
// (after the wrappers that hold only the heading) up to the next heading of the same or a
// higher level, within the same container. Work per container is constant plus bounded
// text reads; nothing walks back over siblings or up the tree, except once for the root of
// a walk over part of the page (a rescan after a change), which has no walk before it.
//
// An item of a section takes its role only when its text looks like a name (name-like.ts);
// list and table containers pass the role on to their items, and so do small wrappers. A
// table whose column headers state roles is left to them ("Lot | Objet | Attributaire").
import type { FieldRole } from '../../../core/types';
import { classWordRole } from './heading-words';
import { boxOf, headingOf, headingRole, isHeadingBox, listAfterBoldLine, readHeading, type Heading } from './headings';
import { looksLikeName, MAX_NAME_CHARS } from './name-like';
import { shortText } from './dom-text';
import { hasRoleColumn, type HeaderCache } from './tables';

/** Containers whose children are the items of a list or table. */
const LIST_CONTAINERS = new Set(['ul', 'ol', 'menu', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr']);
/**
 * A wrapper that is not a list passes a section's role to its blocks only up to this much
 * text: `<h2>Leverancier</h2><div>whole page</div>` gives nothing to the page.
 */
const MAX_WRAPPER_CHARS = 2000;
/** Nested containers a role passes through (ul > li > ul > li, table > tbody > tr > td). */
const MAX_NESTING = 6;
/** How far back the root of a partial walk looks for its heading, in siblings. */
const ROOT_LOOKBACK = 12;

interface Open {
  /** The heading's level; 0 for the role a container passes to its children. */
  level: number;
  role: FieldRole | null;
  shadows: boolean;
}

/** The sections open among the blocks at one depth. */
interface Level {
  open: Open[];
  /** The list or table after a bold line, and the role the line gives it. */
  listFor: Element | null;
  listRole: FieldRole | null;
  nesting: number;
}

/** What a section offers an element that has no role of its own. */
export interface Offer {
  role: FieldRole;
  nesting: number;
  /** The element is marked as a whole (class, or the list after a bold line): it is a container of items. */
  marked: boolean;
}

function effectiveRole(open: readonly Open[]): FieldRole | null {
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i].role) return open[i].role;
    if (open[i].shadows) return null;
  }
  return null;
}

function levelWith(role: FieldRole | null, nesting: number): Level {
  return { open: role ? [{ level: 0, role, shadows: false }] : [], listFor: null, listRole: null, nesting };
}

function closeAndOpen(level: Level, heading: Heading, role: FieldRole | null, shadows: boolean): void {
  const open = level.open;
  while (open.length > 0 && open[open.length - 1].level !== 0 && open[open.length - 1].level >= heading.level)
    open.pop();
  open.push({ level: heading.level, role, shadows });
}

/**
 * For the root of a partial walk: the role the headings before it give it, looking back
 * over a few siblings, and up through list containers (a rescanned `li` of a list under
 * "Attributaires").
 */
function rootRole(el: Element): FieldRole | null {
  let node: Element | null = el;
  for (let climbs = 0; node && climbs <= 2; climbs++) {
    let n = 0;
    for (let p = node.previousElementSibling; p && n < ROOT_LOOKBACK; p = p.previousElementSibling, n++) {
      if (listAfterBoldLine(p) === node) return headingRole(p);
      const heading = headingOf(p) ? p : isHeadingBox(p) ? innermost(p) : null;
      if (heading) return headingRole(heading);
    }
    const parent: Element | null = node.parentElement;
    if (!parent || !LIST_CONTAINERS.has(parent.localName)) return null;
    node = parent;
  }
  return null;
}

function innermost(box: Element): Element {
  let el = box;
  while (!headingOf(el) && el.firstElementChild) el = el.firstElementChild;
  return el;
}

export class SectionTracker {
  readonly #levels: (Level | undefined)[] = [];
  readonly #headers: HeaderCache;

  constructor(headers: HeaderCache) {
    this.#headers = headers;
  }

  /**
   * Called for every block container in walk order, before its own rules: updates the open
   * sections and returns what its section offers it (null: nothing).
   */
  enter(el: Element, depth: number): Offer | null {
    const levels = this.#levels;
    // Deeper levels belong to containers the walk has left.
    if (levels.length > depth + 1) levels.length = depth + 1;
    if (depth <= 1) levels[depth] = levelWith(rootRole(el), 0);
    const level = levels[depth];

    let offered: FieldRole | null = null;
    let marked = false;
    if (level) {
      if (level.listFor === el) {
        offered = level.listRole;
        marked = true;
        level.listFor = null;
      } else offered = effectiveRole(level.open);
    }

    const heading = headingOf(el);
    if (heading) {
      this.#heading(el, depth, heading);
      return null;
    }
    // A bold line whose text is a heading heads the list after it; any other bold line
    // ("Lot 1", a company's name over its address) is an item like any other block.
    const list = listAfterBoldLine(el);
    const listRole = list ? headingRole(el) : null;
    if (list && listRole) {
      const at = level ?? (levels[depth] = levelWith(null, 0));
      at.listFor = list;
      at.listRole = listRole;
      return null;
    }
    const classRole = classWordRole(el.getAttribute('class')) ?? classWordRole(el.getAttribute('id'));
    if (classRole) return { role: classRole, nesting: level?.nesting ?? 0, marked: true };
    if (!offered || !level || isHeadingBox(el)) return null;
    return { role: offered, nesting: level.nesting, marked };
  }

  /**
   * `el` has no role of its own: the role it takes from `offer`, if its text looks like a
   * name; a container of items passes the offer on to its children instead.
   */
  take(el: Element, depth: number, offer: Offer): FieldRole | null {
    if (LIST_CONTAINERS.has(el.localName)) {
      if (el.localName !== 'table' || !hasRoleColumn(el, this.#headers)) this.#descend(depth, offer);
      return null;
    }
    const text = shortText(el, MAX_NAME_CHARS);
    if (text !== null && looksLikeName(text)) return offer.role;
    const hasChildren = el.firstElementChild !== null;
    if (hasChildren && (offer.marked || text !== null || shortText(el, MAX_WRAPPER_CHARS) !== null)) {
      this.#descend(depth, offer);
    }
    return null;
  }

  #descend(depth: number, offer: Offer): void {
    if (offer.nesting >= MAX_NESTING) return;
    this.#levels[depth + 1] = levelWith(offer.role, offer.nesting + 1);
  }

  #heading(el: Element, depth: number, heading: Heading): void {
    const { role, nameLabel } = readHeading(el);
    const { blockLevelsUp } = boxOf(el);
    const at = Math.max(0, depth - blockLevelsUp);
    let level = this.#levels[at];
    // A heading without a role matters only where it ends a section.
    if (!level) {
      if (!role) return;
      level = this.#levels[at] = levelWith(null, 0);
    }
    closeAndOpen(level, heading, role, heading.shadows && !nameLabel);
  }
}
