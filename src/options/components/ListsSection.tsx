// The lists the extension checks against, with their provenance, and a switch for each.
import type { ListMeta } from '../../core/types';
import { formatCount, formatListDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import { type Settings, isListEnabled, withListEnabled } from '../../shared/settings';

interface Props {
  lists: ListMeta[];
  settings: Settings;
  onChange: (next: Settings) => void;
}

function ListCard({ list, on, onToggle }: { list: ListMeta; on: boolean; onToggle: (on: boolean) => void }) {
  const switchId = `list-${list.id}`;
  return (
    <li class="list-card">
      <div class="list-head">
        <h3 id={`${switchId}-title`}>
          {list.title}
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
      <dl class="facts">
        <dt>{t('labelPublisher')}</dt>
        <dd>{list.publisher}</dd>
        <dt>{t('labelPublished')}</dt>
        <dd>{list.published ? formatListDate(list.published) : t('dateNotGiven')}</dd>
        <dt>{t('labelVersion')}</dt>
        <dd>{list.version}</dd>
        <dt>{t('labelEntries')}</dt>
        <dd>{formatCount(list.entryCount)}</dd>
        {list.regime ? (
          <>
            <dt>{t('labelRegime')}</dt>
            <dd>{list.regime}</dd>
          </>
        ) : null}
        <dt>{t('labelCoverage')}</dt>
        <dd>{list.coverageNote || t('dateNotGiven')}</dd>
      </dl>
    </li>
  );
}

export function ListsSection({ lists, settings, onChange }: Props) {
  return (
    <section class="options-section" aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('listsHeading')}</h2>
      <p class="intro">{t('listsIntro')}</p>
      <ul class="list-cards">
        {lists.map((list) => (
          <ListCard
            key={list.id}
            list={list}
            on={isListEnabled(settings, list.id)}
            onToggle={(on) => onChange(withListEnabled(settings, list.id, on))}
          />
        ))}
      </ul>
    </section>
  );
}
