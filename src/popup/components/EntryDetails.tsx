// One list entry behind a flagged entity: the entry exactly as the list gives it, which
// list (kind, title, publisher, date and age, version, partial or not), status, criteria,
// rationale, source, the attributed sentence, and the entry's dated history.
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
import { attribution, criterionLabel, historyEventLabel, kindLabel, statusText } from '../explain';
import { ExternalLink } from './ExternalLink';

interface Props {
  entry: EntryRef;
  list: ListMeta | undefined;
  /** Today, for the list's age (tests pass a fixed date). */
  now?: Date;
}

export function EntryDetails({ entry, list, now = new Date() }: Props) {
  const removed = !isCurrentStanding(standingOf(entry));
  const kind = listKindOf(list);
  const age = list ? listAgeMonths(list.published, now) : null;
  const history = entry.history ?? [];
  const statusNote = entry.statusNote ?? (entry.statusVerified === false ? t('statusNotVerified') : null);
  return (
    <li class={removed ? 'entry entry-removed' : 'entry'}>
      <h4 class="entry-name">
        {entry.entry}
        {kind ? <span class={`badge badge-kind badge-kind-${kind}`}>{kindLabel(kind)}</span> : null}
      </h4>
      <p class="attribution">{attribution(entry, list)}</p>
      {groundIsNotSettlements(entry) ? <p class="ground-note">{t('groundNotSettlements')}</p> : null}
      <dl class="facts">
        <dt>{t('labelStatus')}</dt>
        <dd class={removed ? 'status status-removed' : 'status'}>
          {statusText(entry)}
          {statusNote ? <span class="status-note"> {statusNote}</span> : null}
        </dd>
        <dt>{t('labelList')}</dt>
        <dd>
          {list?.title ?? entry.list}
          {list?.partial ? <span class="badge badge-partial">{t('partialBadge')}</span> : null}
        </dd>
        {list ? (
          <>
            <dt>{t('labelPublisher')}</dt>
            <dd>{list.publisher}</dd>
            <dt>{t('labelPublished')}</dt>
            <dd>
              {list.published ? formatListDate(list.published) : t('dateNotGiven')}
              {age !== null ? <span class="list-age"> ({formatListAge(age)})</span> : null}
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
        {entry.listedOn && kind !== 'investor-exclusion' ? (
          <>
            <dt>{t('labelListedOn')}</dt>
            <dd>{formatListDate(entry.listedOn)}</dd>
          </>
        ) : null}
        {entry.criteria.length > 0 ? (
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
      {history.length > 0 ? (
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
    </li>
  );
}
