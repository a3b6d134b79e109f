// One company (or organisation) named on the page, compact enough that three fit a popup
// without scrolling: its name, one line per list it is on (short list name and why), and one
// line per page text that matched (the text and how, in a few words). Each line opens to its
// details on demand. A name that is not a flag says why first, in plain words.
import { t } from '../../../shared/i18n';
import type { DataLookup } from '../../presentation/lookup';
import type { NotFlaggedReason } from '../../presentation/not-flagged';
import type { EntityView, Occurrence } from '../../presentation/view-model';
import { DismissButton } from './DismissButton';
import { EntryDetails } from '../../common/EntryDetails';
import { EvidenceRow } from '../../common/EvidenceRow';

interface Props {
  entity: EntityView;
  lookup: DataLookup;
  onReveal: (occurrence: Occurrence) => void;
  /** Why this name is not a flag (the "Also seen, not flagged" section). */
  reasons?: NotFlaggedReason[];
}

export function EntityCard({ entity, lookup, onReveal, reasons }: Props) {
  const headingId = `entity-${entity.section}-${entity.id.replace(/[^a-z0-9_-]/gi, '_')}`;
  // Dismissed by the user: marked as such, with the dismissal and Undo first (DismissButton).
  const dismissed = entity.dismissal ? ' entity-dismissed' : '';
  return (
    <article class={`entity entity-${entity.section}${dismissed}`} aria-labelledby={headingId}>
      <h3 id={headingId} class="entity-name">
        {entity.displayName}
      </h3>
      {reasons && reasons.length > 0 ? (
        <ul class="not-flagged-reasons">
          {reasons.map((r) => (
            <li key={`${r.text}\u0000${r.note ?? ''}`}>
              {r.text}
              {r.note ? <span class="link-note"> {t('notFlaggedLinkNote', r.note)}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {entity.dismissal ? <DismissButton entity={entity} /> : null}
      <ul class="entries" aria-label={t('cardListsLabel', entity.displayName)}>
        {entity.entries.map((entry) => (
          <EntryDetails key={`${entry.list}:${entry.entry}`} entry={entry} list={lookup.list(entry.list)} />
        ))}
      </ul>
      <ul class="evidence-list" aria-label={t('cardMatchedLabel', entity.displayName)}>
        {entity.evidence.map((item) => (
          <EvidenceRow
            key={`${item.text}:${item.matchType}`}
            item={item}
            name={lookup.name(item.nameId)}
            company={entity.displayName}
            onReveal={onReveal}
            showCautions={!reasons}
          />
        ))}
      </ul>
      {entity.dismissal ? null : <DismissButton entity={entity} />}
    </article>
  );
}
