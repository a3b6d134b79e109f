// The results: counts, filters (result, list, text), a sortable table shown a page at a
// time (10,000 rows stay quick: only one page is in the DOM), details for a chosen row, and
// the exports.
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { EntryRef, ListMeta } from '../../../core/types';
import { criterionLabel, fieldLabel } from '../../presentation/explain';
import type { DataLookup } from '../../presentation/lookup';
import { RowDetails } from '../../common/Lookup';
import { formatCount } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import type { ScreenCounts, ScreenResult, ScreenRow } from '../../../core/screening-types';
import { resultLabel } from '../../presentation/explain';
import { matchTypeLabel, sourceLabel } from '../messages';
import {
  type SortDir,
  type SortKey,
  type TableFilter,
  PAGE_SIZE,
  defaultFilter,
  filterRows,
  listsInRows,
  pageCount,
  pageSlice,
  sortRows,
} from '../table-view';

interface Props {
  rows: ScreenRow[];
  counts: ScreenCounts;
  lookup: DataLookup;
  lists: readonly ListMeta[];
  warnings: string[];
  onPrint: () => void;
  onCsv: () => void;
  onJson: () => void;
  onNew: () => void;
}

const uniq = <T,>(xs: T[]) => [...new Set(xs)];

/** The list entries a row's matches name, as the lists give them. */
function rowEntries(row: ScreenRow, lookup: DataLookup): EntryRef[] {
  const out: EntryRef[] = [];
  for (const m of row.matches) {
    const entity = lookup.entity(m.entity);
    for (const l of m.lists) {
      const e = entity?.entries.find((x) => x.list === l.list && x.entry === l.entry);
      if (e) out.push(e);
    }
  }
  return out;
}

/** "Government of Canada (Global Affairs Canada; ...)" -> "Government of Canada": a table cell, not a citation. */
export function shortPublisher(publisher: string): string {
  const cut = publisher.search(/ \(|; /);
  return cut > 0 ? publisher.slice(0, cut) : publisher;
}

function criteriaCell(entries: EntryRef[]): string {
  const parts: string[] = [];
  for (const e of entries) {
    for (const c of e.criteria) {
      const label = criterionLabel(c) || (c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text);
      parts.push(label);
    }
  }
  return uniq(parts).join(', ');
}

function SortHeader({
  label,
  k,
  sort,
  onSort,
}: {
  label: string;
  k: SortKey;
  sort: { key: SortKey; dir: SortDir };
  onSort: (k: SortKey) => void;
}) {
  const active = sort.key === k;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" onClick={() => onSort(k)}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

export function ResultsView({ rows, counts, lookup, lists, warnings, onPrint, onCsv, onJson, onNew }: Props) {
  const [filter, setFilter] = useState<TableFilter>(defaultFilter);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'row', dir: 'asc' });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<number | null>(null);

  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort.key, sort.dir), [rows, filter, sort]);
  const pages = pageCount(shown.length);
  const current = Math.min(page, pages - 1);
  const visible = pageSlice(shown, current);
  const listIds = useMemo(() => listsInRows(rows), [rows]);
  const listById = useMemo(() => new Map(lists.map((l) => [l.id, l])), [lists]);

  const update = (next: Partial<TableFilter>) => {
    setFilter({ ...filter, ...next });
    setPage(0);
  };
  const onSort = (key: SortKey) => {
    setSort(sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });
    setPage(0);
  };

  return (
    <section class="results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('screenResultsHeading')}</h2>
      <p class="counts" role="status">
        {t('screenCounts', [
          formatCount(counts.checked),
          formatCount(counts.flag),
          formatCount(counts.possible),
          formatCount(counts.removed),
          formatCount(counts.clear),
        ])}
      </p>
      {warnings.map((w) => (
        <p class="note warn" key={w}>
          {w}
        </p>
      ))}
      <div class="result-actions">
        <button type="button" class="primary" onClick={onPrint}>
          {t('exportPrint')}
        </button>
        <button type="button" onClick={onCsv}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={onJson}>
          {t('exportJson')}
        </button>
        <button type="button" onClick={onNew}>
          {t('screenNew')}
        </button>
      </div>
      <div class="filters" role="group" aria-label={t('screenFiltersLabel')}>
        <label>
          {t('screenFilterResult')}{' '}
          <select
            id="filter-result"
            value={filter.result}
            onChange={(e) => update({ result: (e.currentTarget as HTMLSelectElement).value as TableFilter['result'] })}
          >
            <option value="all">{t('screenFilterAll')}</option>
            <option value="found">{t('screenFilterFound')}</option>
            {(['flag', 'possible', 'removed', 'clear'] as ScreenResult[]).map((r) => (
              <option key={r} value={r}>
                {resultLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('screenFilterList')}{' '}
          <select
            id="filter-list"
            value={filter.list}
            onChange={(e) => update({ list: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="all">{t('screenFilterAllLists')}</option>
            {listIds.map((id) => (
              <option key={id} value={id}>
                {listById.get(id)?.title ?? id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('screenFilterText')}{' '}
          <input
            id="filter-text"
            type="search"
            value={filter.text}
            onInput={(e) => update({ text: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <span class="note">{t('screenShowing', [formatCount(shown.length), formatCount(rows.length)])}</span>
      </div>
      <div class="table-wrap">
        <table class="results-table">
          <thead>
            <tr>
              <SortHeader label={t('screenColRow')} k="row" sort={sort} onSort={onSort} />
              <SortHeader label={t('screenColName')} k="input" sort={sort} onSort={onSort} />
              <th scope="col">{t('screenColRole')}</th>
              <SortHeader label={t('screenColResult')} k="result" sort={sort} onSort={onSort} />
              <SortHeader label={t('screenColEntry')} k="entity" sort={sort} onSort={onSort} />
              <th scope="col">{t('screenColLists')}</th>
              <th scope="col">{t('screenColCriteria')}</th>
              <th scope="col">{t('screenColMatchType')}</th>
              <th scope="col">{t('screenColSource')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => {
              const entries = rowEntries(r, lookup);
              const isOpen = open === r.row;
              return (
                <Fragment key={r.row}>
                  <tr class={`row-${r.result}`}>
                    <td class="num">{r.row}</td>
                    <td>
                      <button
                        type="button"
                        class="link-button row-name"
                        aria-expanded={isOpen}
                        onClick={() => setOpen(isOpen ? null : r.row)}
                      >
                        {r.input}
                      </button>
                    </td>
                    <td>{r.field ? fieldLabel(r.field) : ''}</td>
                    <td>
                      <span class={`result result-${r.result}`}>{resultLabel(r.result)}</span>
                    </td>
                    <td>{uniq(r.matches.map((m) => m.entityName)).join('; ')}</td>
                    <td title={uniq(entries.map((e) => listById.get(e.list)?.title ?? e.list)).join('\n')}>
                      {uniq(entries.map((e) => shortPublisher(listById.get(e.list)?.publisher ?? e.list))).join('; ')}
                    </td>
                    <td>{criteriaCell(entries)}</td>
                    <td>{uniq(r.matches.map((m) => matchTypeLabel(m.matchType))).join('; ')}</td>
                    <td class="source">{sourceLabel(r.source)}</td>
                  </tr>
                  {isOpen ? (
                    <tr class="details-row">
                      <td colSpan={9}>
                        <RowDetails row={r} lookup={lookup} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav class="pager" aria-label={t('screenPagerLabel')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('screenPagePrev')}
          </button>
          <span>{t('screenPageOf', [current + 1, pages])}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('screenPageNext')}
          </button>
        </nav>
      ) : null}
      <p class="note">{t('screenPageSize', PAGE_SIZE)}</p>
    </section>
  );
}
