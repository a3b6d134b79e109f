// Generic field detection: the role a block container states through the page's own
// structure, in any site. Checked in order:
//  1. microdata (itemprop="brand" / "manufacturer" / "seller", name of a Brand/Organization);
//  2. the container's own leading text: "Merk: AHAVA", "Sold by Acme", `<b>Merk</b> AHAVA`,
//     or a container that is all label ("Leverancier" heading or cell);
//  3. a label just before it: dt before dd, th (or label cell) before td in the same row,
//     "Supplier:" text or a label element before a value element;
//  4. a column header above a td ("Gegunde inschrijver" over the winners' column);
//  5. the section it is in: a heading above it ("Section I: Contracting authority",
//     "Attributaire(s)") or a class around it ("winner-name"), for blocks that look like
//     names (sections.ts).
// Inheritance is collectBlocks' job: a container with a role passes it to nested blocks.
// Cost per container: a bounded read of its leading text and of one sibling; table headers
// are read once per table; sections follow the walk (sections.ts).
import type { FieldRole } from '../../../core/types';
import { isNumberingOnly, labelRole, leadingRole, MAX_LABEL_CHARS } from './labels';
import { leadingText, previousShown, shortText } from './dom-text';
import { microdataRole } from './microdata';
import { headingOf, isHeadingBox, LABEL_LEVEL } from './headings';
import { SectionTracker } from './sections';
import { columnRole, type HeaderCache } from './tables';
import type { FieldOf } from './types';

/**
 * Upper bound on the text of a container that takes its role from a sibling label: a label
 * names the value next to it, not the rest of the page (`<h2>Leverancier</h2><div>whole
 * page</div>`).
 */
const MAX_VALUE_CHARS = 2000;

const ELEMENT_NODE = 1;

/** The role `el`'s own leading text states. */
function ownRole(el: Element): FieldRole | null {
  const lead = leadingText(el, MAX_LABEL_CHARS);
  if (!lead.text) return null;
  let role = leadingRole(lead.text);
  // `<p><b>Merk</b> AHAVA</p>`, `<div><span class="label">Winner</span> Acme</div>`.
  if (!role && lead.firstInline) {
    const label = shortText(lead.firstInline, MAX_LABEL_CHARS);
    if (label && label.length < lead.text.length) role = labelRole(label);
  }
  // `<div>Leverancier:<ul>...</ul></div>`: the nested blocks inherit the role, so, as for a
  // label before its value, they must be a value and not the rest of the page.
  if (role && lead.nested && shortText(el, MAX_VALUE_CHARS) === null) return null;
  return role;
}

/** The label node before `el`: for a dd the dt of its group, else the previous shown sibling. */
function labelNodeBefore(el: Element): Node | null {
  let prev = previousShown(el);
  if (el.localName === 'dd') {
    // <dt>Merk</dt><dd>A</dd><dd>B</dd>: every dd of the group belongs to the dt.
    while (prev && prev.nodeType === ELEMENT_NODE && (prev as Element).localName === 'dd') prev = previousShown(prev);
  }
  return prev;
}

/**
 * A colon with text after it: "Nom du titulaire : Egis" is a label with its value, not a
 * label for what follows; "Section I: Contracting authority" (numbering, colon, label) is.
 */
const COLON_VALUE = /[:：]\s*\S/;

function labelRoleOf(node: Node): FieldRole | null {
  const label = shortText(node, MAX_LABEL_CHARS);
  if (!label) return null;
  const colon = label.search(COLON_VALUE);
  if (colon >= 0 && !isNumberingOnly(label.slice(0, colon))) return null;
  return labelRole(label);
}

/** A heading (h1-h6 and the like, not th/dt) or the box that holds only one. */
function isSectionHeading(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const heading = headingOf(node as Element);
  return heading ? heading.level < LABEL_LEVEL : isHeadingBox(node as Element);
}

/**
 * `headingsBySection`: headings are left to the section tracker, which gives their role
 * only to the blocks after them that look like names, up to the next heading.
 */
function siblingRole(el: Element, headingsBySection: boolean): FieldRole | null {
  // Header cells label the cells below them, not the header cell next to them.
  if (el.localName === 'th' || el.parentElement?.parentElement?.localName === 'thead') return null;
  const prev = labelNodeBefore(el);
  let role = prev && !(headingsBySection && isSectionHeading(prev)) ? labelRoleOf(prev) : null;
  if (!role && el.localName === 'td') {
    // A row header covers the whole row: <tr><th>Leveranciers</th><td>A</td><td>B</td></tr>,
    // and Amazon's comparison table (<td>Vendido por</td> then one seller per product).
    const first = el.parentElement?.firstElementChild;
    if (first && first !== el && first !== prev) role = labelRoleOf(first);
  }
  if (!role) return null;
  return shortText(el, MAX_VALUE_CHARS) === null ? null : role;
}

function genericRole(el: Element, headers: HeaderCache, headingsBySection: boolean): FieldRole | null {
  const micro = microdataRole(el);
  if (micro) return micro;
  const own = ownRole(el);
  if (own) return own;
  const sibling = siblingRole(el, headingsBySection);
  if (sibling) return sibling;
  return el.localName === 'td' ? columnRole(el, headers) : null;
}

/**
 * A field detector for one scan: the site adapter's answer first, then the generic rules,
 * then the section the element is in (a heading or class above it), cached per element
 * (collectBlocks asks once per container, the cache serves repeated walks within the same
 * scan job). Sections are followed only when collectBlocks passes the depth: they need
 * the walk order.
 */
export function createFieldDetector(adapterFieldOf?: FieldOf | null): FieldOf {
  // Only roles are kept: most containers have none, and a WeakMap entry per container of
  // a large page costs more garbage collection than asking again. Header roles are read
  // once per table (detector-wide: a detector lives for one scan job).
  const cache = new WeakMap<Element, FieldRole>();
  const headers: HeaderCache = new WeakMap();
  const sections = new SectionTracker(headers);
  return (el, depth) => {
    let role: FieldRole | null = null;
    try {
      // Every container, in walk order, even one whose role is cached: headings open and
      // close sections whatever their own role.
      const offer = depth === undefined ? null : sections.enter(el, depth);
      const cached = cache.get(el);
      if (cached) return cached;
      role = adapterFieldOf?.(el) ?? genericRole(el, headers, depth !== undefined);
      if (!role && offer && depth !== undefined) role = sections.take(el, depth, offer);
    } catch {
      // A page shape no rule expected must never stop the scan: no role then.
      role = null;
    }
    if (role) cache.set(el, role);
    return role;
  };
}
