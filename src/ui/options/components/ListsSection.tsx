// The lists the extension checks against, with their provenance, and a switch for each.
// Each list is a short card (name, publisher, date and age, entries, how complete in one
// sentence, on/off; its age said plainly when over a year), with the full title, version,
// regime and whole coverage note behind "more". The maintainers' curation notes are not part
// of the compiled data and never reach this page.
import { useState } from 'preact/hooks';
import { isOlderThanAYear, LIST_KINDS, listAgeMonths, listKindOf } from '../../../core/entry-wording';
import type { ListKind, ListMeta } from '../../../core/types';
import { formatCount, formatListAge, formatListDate } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { type Settings, isListEnabled, withListEnabled } from '../../../shared/settings';
import { kindLabel, shortListName } from '../../presentation/explain';

interface Props {
  lists: ListMeta[];
  settings: Settings;
  onChange: (next: Settings) => void;
  /** Today, for each list's age (tests pass a fixed date). */
  now?: Date;
}

function Currency({ list, now }: { list: ListMeta; now: Date }) {
  if (!list.published) return <p class="list-currency list-undated">{t('listUndated')}</p>;
  if (!isOlderThanAYear(list.published, now)) return null;
  return (
    <p class="list-currency list-stale" role="note">
      {t('listOlderThanAYear', formatListDate(list.published))}
    </p>
  );
}

/** The publisher without its parenthesised or appended detail (in "more"). */
function shortPublisher(publisher: string): string {
  const cut = publisher.split(/\s*[(;,]\s*/)[0].trim();
  return cut.length >= 3 ? cut : publisher;
}

/**
 * How complete the list is, in one sentence of its coverage note: the sentence that says so
 * (partial, complete, a sample, historical), else the one that counts what it holds, else
 * the first.
 */
export function coverageSentence(note: string): string {
  const sentences = note.trim().match(/[^.!?]+(?:[.!?]+(?=\s+\p{Lu}|\s*$)|[^.!?]*$)/gu) ?? [];
  const trimmed = sentences.map((x) => x.trim()).filter(Boolean);
  const find = (re: RegExp) => trimmed.find((x) => re.test(x));
  return (
    find(/\b(partial|complete|sample|historical|only)\b/i) ?? find(/\b(all|It has)\b/) ?? trimmed[0] ?? note.trim()
  );
}

function ListCard({
  list,
  on,
  onToggle,
  now,
}: {
  list: ListMeta;
  on: boolean;
  onToggle: (on: boolean) => void;
  now: Date;
}) {
  const switchId = `list-${list.id}`;
  const kind = listKindOf(list);
  const age = listAgeMonths(list.published, now);
  const coverage = list.coverageNote ? coverageSentence(list.coverageNote) : '';
  const shortName = shortListName(list.id, list);
  const publisher = shortPublisher(list.publisher);
  return (
    <li class="list-card" data-kind={kind ?? ''}>
      <div class="list-head">
        <h3 id={`${switchId}-title`}>
          {shortName}
          {/* An imported list's kind is said by its "imported" badge. */}
          {kind && kind !== 'imported' ? (
            <span class={`badge badge-kind badge-kind-${kind}`}>{kindLabel(kind)}</span>
          ) : null}
          {list.partial ? <span class="badge badge-partial">{t('partialBadge')}</span> : null}
          {list.origin === 'imported' ? <span class="badge badge-imported">{t('importedBadge')}</span> : null}
        </h3>
        <label class="switch">
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            checked={on}
            aria-labelledby={`${switchId}-title`}
            onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{on ? t('listOn') : t('listOff')}</span>
        </label>
      </div>
      <p class="list-line">
        <span class="list-publisher">{publisher}</span>
        {' · '}
        <span class="list-date">
          {list.published ? formatListDate(list.published) : t('dateNotGiven')}
          {age !== null ? <span class="list-age"> ({formatListAge(age)})</span> : null}
        </span>
        {' · '}
        <span class="list-entries">{t('listEntriesCount', formatCount(list.entryCount))}</span>
      </p>
      {coverage ? <p class="coverage-short">{coverage}</p> : null}
      <Currency list={list} now={now} />
      {list.historical ? <p class="list-historical">{t('listHistorical')}</p> : null}
      <details class="list-more">
        <summary>
          {t('listMore')}
          <span class="visually-hidden">: {shortName}</span>
        </summary>
        <dl class="facts">
          <dt>{t('labelList')}</dt>
          <dd>{list.title}</dd>
          {publisher !== list.publisher ? (
            <>
              <dt>{t('labelPublisher')}</dt>
              <dd>{list.publisher}</dd>
            </>
          ) : null}
          <dt>{t('labelVersion')}</dt>
          <dd>{list.version}</dd>
          {list.regime ? (
            <>
              <dt>{t('labelRegime')}</dt>
              <dd>{list.regime}</dd>
            </>
          ) : null}
          {list.coverageNote && list.coverageNote.trim() !== coverage ? (
            <>
              <dt>{t('labelCoverage')}</dt>
              <dd class="coverage-note">{list.coverageNote}</dd>
            </>
          ) : null}
        </dl>
      </details>
    </li>
  );
}

export function ListsSection({ lists, settings, onChange, now = new Date() }: Props) {
  const [kindFilter, setKindFilter] = useState<ListKind | 'all'>('all');
  const kinds = LIST_KINDS.filter((k) => lists.some((l) => listKindOf(l) === k));
  const shown = kindFilter === 'all' ? lists : lists.filter((l) => listKindOf(l) === kindFilter);
  return (
    <section class="options-section" aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('listsHeading')}</h2>
      <p class="intro">{t('listsIntro')}</p>
      {kinds.length > 1 ? (
        <p class="list-filter">
          <label for="list-kind-filter">{t('listKindFilterLabel')} </label>
          <select
            id="list-kind-filter"
            value={kindFilter}
            onChange={(e) => setKindFilter((e.currentTarget as HTMLSelectElement).value as ListKind | 'all')}
          >
            <option value="all">{t('listKindFilterAll')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <ul class="list-cards">
        {shown.map((list) => (
          <ListCard
            key={list.id}
            list={list}
            on={isListEnabled(settings, list.id)}
            onToggle={(on) => onChange(withListEnabled(settings, list.id, on))}
            now={now}
          />
        ))}
      </ul>
    </section>
  );
}
