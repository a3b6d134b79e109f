// One list entry behind a company, as one line that opens: closed, the list's short name as a
// chip and why the company is on it, in the list's own terms (removed or revoked said
// plainly); open, the attributed sentence (who listed, excluded or removed it, and when),
// then what neither says: the list's full title, the publisher and date when the sentence
// does not name them, version, coverage, the entry as the list names it, criteria, rationale,
// company response, history and source. Each fact once per card.
import {
  groundIsNotSettlements,
  isCurrentStanding,
  listAgeMonths,
  listKindOf,
  standingOf,
} from '../../core/entry-wording';
import type { EntryRef, ListMeta } from '../../core/types';
import { formatListAge, formatListDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import {
  attribution,
  criterionLabel,
  historyEventLabel,
  kindLabel,
  shortListName,
  whyLine,
} from '../presentation/explain';
import { ExternalLink } from './ExternalLink';

interface Props {
  entry: EntryRef;
  list: ListMeta | undefined;
  /** Today, for the list's age (tests pass a fixed date). */
  now?: Date;
  /** Open from the start: where one name was asked about, its details are the answer. */
  open?: boolean;
}

/** The rationale often restates the criteria word for word; then the criteria are not shown again. */
function criteriaInRationale(entry: EntryRef): boolean {
  const rationale = entry.rationale ?? '';
  return rationale !== '' && entry.criteria.every((c) => rationale.includes(c.text));
}

export function EntryDetails({ entry, list, now = new Date(), open = false }: Props) {
  const removed = !isCurrentStanding(standingOf(entry));
  const kind = listKindOf(list);
  const age = list ? listAgeMonths(list.published, now) : null;
  const history = entry.history ?? [];
  const statusNote = entry.statusNote ?? (entry.statusVerified === false ? t('statusNotVerified') : null);
  const short = shortListName(entry.list, list);
  const otherGround = groundIsNotSettlements(entry);
  const showCriteria = entry.criteria.length > 0 && !criteriaInRationale(entry);
  const sentence = attribution(entry, list);
  const publishedText = list?.published ? formatListDate(list.published) : null;
  const showPublisher = list !== undefined && !sentence.includes(list.publisher);
  const showPublished = list !== undefined && !(publishedText && sentence.includes(publishedText));
  return (
    <li class={removed ? 'entry entry-removed' : 'entry'}>
      <details class="entry-details" open={open}>
        <summary>
          <span class={`chip chip-kind-${kind ?? 'unknown'}${removed ? ' chip-removed' : ''}`}>{short}</span>{' '}
          <span class={removed ? 'why status-removed' : 'why'}>
            {whyLine(entry)}
            {otherGround ? <span class="why-ground"> {t('whyOtherGround')}</span> : null}
          </span>
        </summary>
        <div class="entry-more">
          <p class="entry-list-title">
            {list?.title ?? entry.list}
            {kind ? <span class={`badge badge-kind badge-kind-${kind}`}>{kindLabel(kind)}</span> : null}
            {list?.partial ? <span class="badge badge-partial">{t('partialBadge')}</span> : null}
          </p>
          <p class="attribution">{sentence}</p>
          {otherGround ? <p class="ground-note">{t('groundNotSettlements')}</p> : null}
          <dl class="facts">
            <dt>{t('labelEntryName')}</dt>
            <dd class="entry-name">{entry.entry}</dd>
            {statusNote ? (
              <>
                <dt>{t('labelStatus')}</dt>
                <dd class="status-note">{statusNote}</dd>
              </>
            ) : null}
            {list && showPublisher ? (
              <>
                <dt>{t('labelPublisher')}</dt>
                <dd>{list.publisher}</dd>
              </>
            ) : null}
            {list ? (
              <>
                <dt>{t('labelPublished')}</dt>
                <dd>
                  {showPublished ? (publishedText ?? t('dateNotGiven')) : null}
                  {age !== null ? (
                    <span class="list-age">
                      {showPublished ? ' ' : ''}({formatListAge(age)})
                    </span>
                  ) : null}
                </dd>
                <dt>{t('labelVersion')}</dt>
                <dd>{list.version}</dd>
              </>
            ) : null}
            {list?.regime ? (
              <>
                <dt>{t('labelRegime')}</dt>
                <dd>{list.regime}</dd>
              </>
            ) : null}
            {showCriteria ? (
              <>
                <dt>{kind === 'investor-exclusion' ? t('labelGround') : t('labelCriteria')}</dt>
                <dd>
                  <ul class="criteria">
                    {entry.criteria.map((c) => (
                      <li key={c.code}>
                        {criterionLabel(c) ? <strong class="criterion-code">{criterionLabel(c)} </strong> : null}
                        {c.text}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {entry.rationale ? (
              <>
                <dt>{t('labelRationale')}</dt>
                <dd>{entry.rationale}</dd>
              </>
            ) : null}
            {entry.response ? (
              <>
                <dt>{t('labelResponse')}</dt>
                <dd>{entry.response}</dd>
              </>
            ) : null}
            {entry.note ? (
              <>
                <dt>{t('labelEntryNote')}</dt>
                <dd>{entry.note}</dd>
              </>
            ) : null}
          </dl>
          {/* A single event is the standing and date the line already gives. */}
          {history.length > 1 ? (
            <details class="entry-history">
              <summary>{t('historyHeading')}</summary>
              <ol>
                {history.map((h, i) => (
                  <li key={`${i}:${h.date}:${h.event}`}>
                    <span class="history-date">{formatListDate(h.date)}</span>: {historyEventLabel(h, list)}
                    {h.note ? <span class="history-note"> ({h.note})</span> : null}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          {list?.partial ? (
            <details class="partial-note">
              <summary>{t('partialListNote')}</summary>
              <p>{list.coverageNote}</p>
            </details>
          ) : null}
          {entry.sourceUrl ? (
            <p class="source">
              <ExternalLink href={entry.sourceUrl} label={t('sourceLinkLabel', entry.entry)}>
                {t('sourceLink')}
              </ExternalLink>
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
}
