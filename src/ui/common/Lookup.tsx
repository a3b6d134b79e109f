// Lookup: type a name, see what the lists say about it, with the same matcher and the
// same cards as the page results (flags, near misses with their reason, removed entries,
// look-alikes left clear). Also exports the per-name result view that the screening page
// shows for a selected row.
import { resultLabel } from '../presentation/explain';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ScreenRow } from '../../core/screening-types';
import { screenName } from '../../core/screening';
import { loadExtensionData, type ExtensionData } from './extension-data';
import { browser } from '../../shared/browser';
import { t } from '../../shared/i18n';
import type { ReportedMatch, TabResults } from '../../shared/messages';
import type { DataLookup } from '../presentation/lookup';
import { buildView, type EntityView } from '../presentation/view-model';
import { EntryDetails } from './EntryDetails';
import { EvidenceRow } from './EvidenceRow';
import { ExternalLink } from './ExternalLink';
import './lookup.css';

/** Path of the screening page in the built extension (CRXJS keeps source paths). */
export const SCREEN_PAGE = 'src/ui/screen/index.html';

/** Longest text the lookup accepts: longer than any name, short enough to stay instant. */
export const LOOKUP_MAX_LENGTH = 1000;

/** A screened name as popup-style entity views (the popup's own grouping rules). */
export function rowEntityViews(row: ScreenRow, lookup: DataLookup): EntityView[] {
  const matches: ReportedMatch[] = row.matches.map((m, i) => ({
    ...m,
    key: `lookup-${i}`,
    frameId: 0,
    // The name itself is the context; when the match is the whole name it adds nothing.
    context: m.text === row.input ? '' : row.input,
  }));
  const results: TabResults = {
    tabId: -1,
    frames: {
      '0': {
        url: '',
        title: '',
        scannedAt: '',
        matches,
        guards: [],
        blocks: 1,
        chars: row.input.length,
        paused: false,
      },
    },
  };
  const view = buildView(results, lookup);
  // Nothing to show on a page: no occurrences, so no "Show on page" button.
  const strip = (e: EntityView): EntityView => ({ ...e, evidence: e.evidence.map((x) => ({ ...x, occurrences: [] })) });
  return [...view.flags, ...view.possible, ...view.removed].map(strip);
}

function sectionBadge(section: EntityView['section']): string {
  return resultLabel(section);
}

function resultSentence(row: ScreenRow): string {
  switch (row.result) {
    case 'flag':
      return t('lookupSummaryFlag', row.input);
    case 'possible':
      return t('lookupSummaryPossible', row.input);
    case 'removed':
      return t('lookupSummaryRemoved', row.input);
    case 'clear':
      return t('lookupSummaryClear', row.input);
  }
}

const noop = () => undefined;

/** What the lists say about one name: a summary sentence, entity cards, look-alikes. */
export function RowDetails({ row, lookup }: { row: ScreenRow; lookup: DataLookup }) {
  const entities = rowEntityViews(row, lookup);
  return (
    <div class={`row-details row-details-${row.result}`}>
      <p class="lookup-summary">{resultSentence(row)}</p>
      {entities.map((e) => (
        <article class={`entity entity-${e.section}`} key={e.id}>
          <h3 class="entity-name">
            {e.displayName}
            <span class={`badge badge-${e.section}`}>{sectionBadge(e.section)}</span>
          </h3>
          <ul class="entries">
            {e.entries.map((entry) => (
              <EntryDetails key={`${entry.list}:${entry.entry}`} entry={entry} list={lookup.list(entry.list)} open />
            ))}
          </ul>
          <h4 class="evidence-heading">{t('lookupEvidenceHeading')}</h4>
          <ul class="evidence-list">
            {e.evidence.map((item) => (
              <EvidenceRow
                key={`${item.text}:${item.matchType}`}
                item={item}
                name={lookup.name(item.nameId)}
                company={e.displayName}
                onReveal={noop}
                open
              />
            ))}
          </ul>
        </article>
      ))}
      {row.guards.length > 0 ? (
        <ul class="lookalikes">
          {row.guards.map((g) => {
            const guard = lookup.guard(g.guard);
            return (
              <li key={`${g.start}:${g.guard}`}>
                <q>{g.text}</q> {guard ? t('lookalikeNotEntity', guard.notEntityName) : t('lookalikeNoDetails')}
                {guard?.reason ? <span class="reason"> {guard.reason}</span> : null}
                {guard?.sourceUrl ? (
                  <>
                    {' '}
                    <ExternalLink href={guard.sourceUrl}>{t('sourceLink')}</ExternalLink>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

interface Props {
  /** Loads the data and matcher (injected in tests). */
  load?: () => Promise<ExtensionData>;
  /** Checked as soon as the data is loaded (context menu: the selected text). */
  initialQuery?: string;
  /** Show the link to the screening page (the popup does; the screening page itself does not). */
  showScreenLink?: boolean;
}

export function Lookup({ load = loadExtensionData, initialQuery = '', showScreenLink = false }: Props) {
  const [data, setData] = useState<ExtensionData | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState(initialQuery.slice(0, LOOKUP_MAX_LENGTH));
  const [checked, setChecked] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    load()
      .then((d) => alive && setData(d))
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, [load]);

  useEffect(() => {
    if (data && initialQuery.trim() !== '')
      setChecked(initialQuery.replace(/\s+/g, ' ').trim().slice(0, LOOKUP_MAX_LENGTH));
  }, [data, initialQuery]);

  const row = useMemo(
    () =>
      data && checked
        ? screenName(data.matcher, { input: checked, field: null, source: { kind: 'line', line: 1 } })
        : null,
    [data, checked],
  );

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const name = query.replace(/\s+/g, ' ').trim();
    setChecked(name === '' ? null : name);
  };

  const openScreening = (e: Event) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(SCREEN_PAGE) }).then(() => window.close());
  };

  return (
    <section class="lookup" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading" class="lookup-heading">
        {t('lookupHeading')}
      </h2>
      <form role="search" class="lookup-form" onSubmit={onSubmit}>
        <input
          id="lookup-input"
          aria-labelledby="lookup-heading"
          type="search"
          autocomplete="off"
          spellcheck={false}
          maxLength={LOOKUP_MAX_LENGTH}
          placeholder={t('lookupPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!data}>
          {t('lookupButton')}
        </button>
      </form>
      {failed ? (
        <p class="note warn" role="alert">
          {t('lookupFailed')}
        </p>
      ) : null}
      <div aria-live="polite">{row && data ? <RowDetails row={row} lookup={data.lookup} /> : null}</div>
      {showScreenLink ? (
        <p class="screen-link">
          <a href={browser.runtime.getURL(SCREEN_PAGE)} onClick={openScreening}>
            {t('openScreening')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
