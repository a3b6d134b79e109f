// Column headers of tables: the role a header cell states for the cells below it
// ("Gegunde inschrijver" over the winners' column). Header roles are read once per table
// and cached for the scan.
import type { FieldRole } from '../../../core/types';
import { labelRole, MAX_LABEL_CHARS } from './labels';
import { shortText } from './dom-text';

export type HeaderCache = WeakMap<Element, (FieldRole | null)[]>;

/** The table a row belongs to (tr -> thead/tbody/tfoot? -> table). */
function tableOfRow(row: Element): Element | null {
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

/** The role each column's header states (one entry per column, colspan counted). */
export function headerRoles(table: Element, cache: HeaderCache): (FieldRole | null)[] {
  let roles = cache.get(table);
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
  cache.set(table, roles);
  return roles;
}

/** True when some column header of `table` states a role: then the columns say who is who. */
export function hasRoleColumn(table: Element, cache: HeaderCache): boolean {
  return headerRoles(table, cache).some((r) => r !== null);
}

/** The role the column header above `cell` states. */
export function columnRole(cell: Element, cache: HeaderCache): FieldRole | null {
  const row = cell.parentElement;
  if (!row || row.localName !== 'tr' || row.parentElement?.localName === 'thead') return null;
  const table = tableOfRow(row);
  if (!table) return null;
  const roles = headerRoles(table, cache);
  if (roles.length === 0) return null;
  let index = 0;
  for (let c = row.firstElementChild; c && c !== cell; c = c.nextElementSibling) index += span(c);
  return roles[index] ?? null;
}
