// One company (or organisation) named on the page: its list entries, then the page text
// that matched it.
import { t } from '../../shared/i18n';
import type { DataLookup } from '../lookup';
import type { EntityView, Occurrence } from '../view-model';
import { DismissButton } from './DismissButton';
import { EntryDetails } from './EntryDetails';
import { EvidenceRow } from './EvidenceRow';

interface Props {
  entity: EntityView;
  lookup: DataLookup;
  onReveal: (occurrence: Occurrence) => void;
}

export function EntityCard({ entity, lookup, onReveal }: Props) {
  const headingId = `entity-${entity.section}-${entity.id.replace(/[^a-z0-9_-]/gi, '_')}`;
  // Dismissed by the user: marked as such, with the dismissal and Undo first (DismissButton).
  const dismissed = entity.dismissal ? ' entity-dismissed' : '';
  return (
    <article class={`entity entity-${entity.section}${dismissed}`} aria-labelledby={headingId}>
      <h3 id={headingId} class="entity-name">
        {entity.displayName}
      </h3>
      {entity.dismissal ? <DismissButton entity={entity} /> : null}
      <ul class="entries">
        {entity.entries.map((entry) => (
          <EntryDetails key={`${entry.list}:${entry.entry}`} entry={entry} list={lookup.list(entry.list)} />
        ))}
      </ul>
      <h4 class="evidence-heading">{t('pageEvidenceHeading')}</h4>
      <ul class="evidence-list">
        {entity.evidence.map((item) => (
          <EvidenceRow
            key={`${item.text}:${item.matchType}`}
            item={item}
            name={lookup.name(item.nameId)}
            onReveal={onReveal}
          />
        ))}
      </ul>
      {entity.dismissal ? null : <DismissButton entity={entity} />}
    </article>
  );
}
