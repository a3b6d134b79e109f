// The settlement-localities list, which only origin findings use: a short card like the
// company lists' (name, publisher, date, places, how complete), without an on/off switch
// since it never flags a company, and with what it is used for and its caveat in words.
import type { OriginIndex } from '../../../core/origins';
import { formatCount, formatListDate } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { coverageSentence } from './ListsSection';

export function OriginListCard({ index }: { index: Pick<OriginIndex, 'list' | 'places'> }) {
  const { list, places } = index;
  const review = places.filter((p) => p.reviewRequired).length;
  const coverage = list.coverageNote ? coverageSentence(list.coverageNote) : '';
  return (
    <section class="options-section" aria-labelledby="origin-list-heading">
      <h2 id="origin-list-heading">{t('optionsOriginListHeading')}</h2>
      <ul class="list-cards">
        <li class="list-card" data-kind="origins">
          <div class="list-head">
            <h3>
              {list.title}
              {list.partial ? <span class="badge badge-partial">{t('partialBadge')}</span> : null}
            </h3>
          </div>
          <p class="list-line">
            <span class="list-date">{list.published ? formatListDate(list.published) : t('dateNotGiven')}</span>
            {' · '}
            <span class="list-entries">
              {t('optionsOriginListCount', [formatCount(places.length), formatCount(review)])}
            </span>
          </p>
          <p class="origin-list-use">{t('optionsOriginListNote')}</p>
          {coverage ? <p class="coverage-short">{coverage}</p> : null}
          <details class="list-more">
            <summary>{t('listMore')}</summary>
            <dl class="facts">
              <dt>{t('labelPublisher')}</dt>
              <dd>{list.publisher}</dd>
              {list.coverageNote && list.coverageNote.trim() !== coverage ? (
                <>
                  <dt>{t('labelCoverage')}</dt>
                  <dd class="coverage-note">{list.coverageNote}</dd>
                </>
              ) : null}
            </dl>
          </details>
        </li>
      </ul>
    </section>
  );
}
