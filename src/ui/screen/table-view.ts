// Pure view logic of the results table: filters, sorting, pages. Kept out of the
// components so 10,000 rows can be tested (and re-sorted) without rendering them.
import type { ScreenResult, ScreenRow } from '../../core/screening-types';

export interface TableFilter {
  result: ScreenResult | 'all' | 'found';
  /** A list id: rows with a match naming an entry of that list. */
  list: string | 'all';
  /** Case-insensitive text in the name or the matched entity. */
  text: string;
}

export type SortKey = 'row' | 'input' | 'result' | 'entity';
export type SortDir = 'asc' | 'desc';

export const PAGE_SIZE = 100;

const RESULT_RANK: Record<ScreenResult, number> = { flag: 0, possible: 1, removed: 2, clear: 3 };

export const defaultFilter = (): TableFilter => ({ result: 'all', list: 'all', text: '' });

export function filterRows(rows: readonly ScreenRow[], f: TableFilter): ScreenRow[] {
  const text = f.text.trim().toLocaleLowerCase();
  return rows.filter((r) => {
    if (f.result === 'found' ? r.result === 'clear' : f.result !== 'all' && r.result !== f.result) return false;
    if (f.list !== 'all' && !r.matches.some((m) => m.lists.some((l) => l.list === f.list))) return false;
    if (text !== '') {
      const hay = [r.input, ...r.matches.map((m) => m.entityName)].join('\u0000').toLocaleLowerCase();
      if (!hay.includes(text)) return false;
    }
    return true;
  });
}

function entityOf(r: ScreenRow): string {
  return r.matches[0]?.entityName ?? '';
}

export function sortRows(rows: readonly ScreenRow[], key: SortKey, dir: SortDir): ScreenRow[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const cmp = (a: ScreenRow, b: ScreenRow): number => {
    switch (key) {
      case 'row':
        return a.row - b.row;
      case 'input':
        return collator.compare(a.input, b.input) || a.row - b.row;
      case 'result':
        return RESULT_RANK[a.result] - RESULT_RANK[b.result] || a.row - b.row;
      case 'entity': {
        // Rows without a match go last either way: sorting by entity is about the matches.
        const ea = entityOf(a);
        const eb = entityOf(b);
        if (ea === '' || eb === '') return (ea === '' ? 1 : 0) - (eb === '' ? 1 : 0) || a.row - b.row;
        return collator.compare(ea, eb) || a.row - b.row;
      }
    }
  };
  const sorted = [...rows].sort(cmp);
  return dir === 'asc' ? sorted : sorted.reverse();
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageSlice<T>(rows: readonly T[], page: number, size = PAGE_SIZE): T[] {
  const p = Math.min(Math.max(page, 0), pageCount(rows.length, size) - 1);
  return rows.slice(p * size, (p + 1) * size);
}

/** The lists that any row matched, for the list filter. */
export function listsInRows(rows: readonly ScreenRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) for (const m of r.matches) for (const l of m.lists) ids.add(l.list);
  return [...ids].sort();
}
