// Generic field detection: the role a block container states through the page's own
// structure, in any site. Checked in order:
//  1. microdata (itemprop="brand" / "manufacturer" / "seller", name of a Brand/Organization);
//  2. the container's own leading text: "Merk: AHAVA", "Sold by Acme", `<b>Merk</b> AHAVA`,
//     or a container that is all label ("Leverancier" heading or cell);
//  3. a label just before it: dt before dd, th (or label cell) before td in the same row,
//     "Supplier:" text or a label element before a value element;
//  4. a column header above a td ("Gegunde inschrijver" over the winners' column);
//  5. the heading of the section it is in ("Section I: Contracting authority").
// Inheritance is collectBlocks' job: a container with a role passes it to nested blocks.
// Cost per container: a bounded read of its leading text and of one sibling; table headers
// are read once per table.
import type { FieldRole } from '../../core/types';
import { isNumberingOnly, labelRole, leadingRole, MAX_LABEL_CHARS } from './labels';
import { leadingText, previousShown, shortText } from './dom-text';
import { microdataRole } from './microdata';
import type { FieldOf } from './types';

/**
 * Upper bound on the text of a container that takes its role from a sibling label: a label
 * names the value next to it, not the rest of the page (`<h2>Leverancier</h2><div>whole
 * page</div>`).
 */
const MAX_VALUE_CHARS = 2000;

const ELEMENT_NODE = 1;

/** Per-detector caches: one detector per scan job, so DOM changes are picked up next time. */
interface Caches {
  tables: WeakMap<Element, (FieldRole | null)[]>;
  headings: WeakMap<Element, FieldRole | null>;
}

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

function siblingRole(el: Element): FieldRole | null {
  // Header cells label the cells below them, not the header cell next to them.
  if (el.localName === 'th' || el.parentElement?.parentElement?.localName === 'thead') return null;
  const prev = labelNodeBefore(el);
  let role = prev ? labelRoleOf(prev) : null;
  if (!role && el.localName === 'td') {
    // A row header covers the whole row: <tr><th>Leveranciers</th><td>A</td><td>B</td></tr>,
    // and Amazon's comparison table (<td>Vendido por</td> then one seller per product).
    const first = el.parentElement?.firstElementChild;
    if (first && first !== el && first !== prev) role = labelRoleOf(first);
  }
  if (!role) return null;
  return shortText(el, MAX_VALUE_CHARS) === null ? null : role;
}

/** The table a cell belongs to (cell -> tr -> thead/tbody/tfoot? -> table). */
function tableOf(row: Element): Element | null {
  const parent = row.parentElement;
  if (!parent) return null;
  if (parent.localName === 'table') return parent;
  const grand = parent.parentElement;
  return grand && grand.localName === 'table' ? grand : null;
}

function rowsOf(section: Element): Element[] {
  return Array.from(section.children).filter((c) => c.localName === 'tr');
}

/** The header row: thead's last row, else the first row when it has th cells and no td. */
function headerRow(table: Element): Element | null {
  const sections = Array.from(table.children);
  const thead = sections.find((c) => c.localName === 'thead');
  if (thead) return rowsOf(thead).at(-1) ?? null;
  const firstSection = sections.find((c) => c.localName === 'tr' || c.localName === 'tbody');
  if (!firstSection) return null;
  const first = firstSection.localName === 'tr' ? firstSection : rowsOf(firstSection)[0];
  if (!first) return null;
  const cells = Array.from(first.children);
  return cells.some((c) => c.localName === 'th') && !cells.some((c) => c.localName === 'td') ? first : null;
}

function span(cell: Element): number {
  const n = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

function headerRoles(table: Element, caches: Caches): (FieldRole | null)[] {
  let roles = caches.tables.get(table);
  if (roles) return roles;
  roles = [];
  const row = headerRow(table);
  if (row) {
    for (const cell of Array.from(row.children)) {
      const text = shortText(cell, MAX_LABEL_CHARS);
      const role = text ? labelRole(text) : null;
      for (let k = span(cell); k > 0; k--) roles.push(role);
    }
  }
  caches.tables.set(table, roles);
  return roles;
}

function columnRole(cell: Element, caches: Caches): FieldRole | null {
  const row = cell.parentElement;
  if (!row || row.localName !== 'tr' || row.parentElement?.localName === 'thead') return null;
  const table = tableOf(row);
  if (!table) return null;
  const roles = headerRoles(table, caches);
  if (roles.length === 0) return null;
  let index = 0;
  for (let c = row.firstElementChild; c && c !== cell; c = c.nextElementSibling) index += span(c);
  return roles[index] ?? null;
}

const HEADING = /^h([1-6])$/;
/** How far back a heading's section is looked for, in siblings. */
const HEADING_LOOKBACK = 12;

function headingRole(h: Element, caches: Caches): FieldRole | null {
  let role = caches.headings.get(h);
  if (role === undefined) {
    const text = shortText(h, MAX_LABEL_CHARS);
    role = text ? leadingRole(text) : null;
    caches.headings.set(h, role);
  }
  return role;
}

/**
 * The section a heading opens: `<h2>Section I: Contracting authority</h2><h4>I.1) Name and
 * addresses</h4><p>Example Council</p>`. Walks back over siblings to the nearest heading of
 * each higher level (outline order); the first with a role gives it.
 */
function sectionRole(el: Element, caches: Caches): FieldRole | null {
  if (HEADING.test(el.localName)) return null;
  let level = 7;
  let n = 0;
  for (let p = el.previousElementSibling; p && n < HEADING_LOOKBACK && level > 1; p = p.previousElementSibling, n++) {
    const m = HEADING.exec(p.localName);
    if (!m) continue;
    const l = Number(m[1]);
    if (l >= level) continue;
    level = l;
    const role = headingRole(p, caches);
    if (role) return shortText(el, MAX_VALUE_CHARS) === null ? null : role;
  }
  return null;
}

function genericRole(el: Element, caches: Caches): FieldRole | null {
  const micro = microdataRole(el);
  if (micro) return micro;
  const own = ownRole(el);
  if (own) return own;
  const sibling = siblingRole(el);
  if (sibling) return sibling;
  if (el.localName === 'td') return columnRole(el, caches);
  return sectionRole(el, caches);
}

/**
 * A field detector for one scan: the site adapter's answer first, then the generic rules,
 * cached per element (collectBlocks asks once per container, the cache serves repeated
 * walks within the same scan job).
 */
export function createFieldDetector(adapterFieldOf?: FieldOf | null): FieldOf {
  // Only roles are kept: most containers have none, and a WeakMap entry per container of
  // a large page costs more garbage collection than asking again.
  const cache = new WeakMap<Element, FieldRole>();
  const caches: Caches = { tables: new WeakMap(), headings: new WeakMap() };
  return (el) => {
    const cached = cache.get(el);
    if (cached) return cached;
    let role: FieldRole | null = null;
    try {
      role = adapterFieldOf?.(el) ?? genericRole(el, caches);
    } catch {
      // A page shape no rule expected must never stop the scan: no role then.
      role = null;
    }
    if (role) cache.set(el, role);
    return role;
  };
}
