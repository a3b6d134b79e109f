// One list entry behind a flagged entity: the entry exactly as the list gives it, which
// list (title, publisher, date, version, partial or not), status, criteria, rationale,
// source, and the attributed sentence.
import type { EntryRef, ListMeta } from '../../core/types';
import { formatListDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import { attribution, criterionLabel, statusText } from '../explain';
import { ExternalLink } from './ExternalLink';

interface Props {
  entry: EntryRef;
  list: ListMeta | undefined;
}

export function EntryDetails({ entry, list }: Props) {
  const removed = entry.status === 'delisted';
  return (
    <li class={removed ? 'entry entry-removed' : 'entry'}>
      <h4 class="entry-name">{entry.entry}</h4>
      <p class="attribution">{attribution(entry, list)}</p>
      <dl class="facts">
        <dt>{t('labelStatus')}</dt>
        <dd class={removed ? 'status status-removed' : 'status'}>{statusText(entry)}</dd>
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
            <dd>{list.published ? formatListDate(list.published) : t('dateNotGiven')}</dd>
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
        {entry.listedOn ? (
          <>
            <dt>{t('labelListedOn')}</dt>
            <dd>{formatListDate(entry.listedOn)}</dd>
          </>
        ) : null}
        {entry.criteria.length > 0 ? (
          <>
            <dt>{t('labelCriteria')}</dt>
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
      </dl>
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
