// A group of entity cards under one heading. `collapsed` sections (also seen, dismissed)
// start closed so the flags stay in view; the count is in the heading either way.
import type { ComponentChildren } from 'preact';
import type { DataLookup } from '../../presentation/lookup';
import type { NotFlaggedReason } from '../../presentation/not-flagged';
import type { EntityView, Occurrence } from '../../presentation/view-model';
import { EntityCard } from './EntityCard';

interface Props {
  id: string;
  heading: string;
  intro?: ComponentChildren;
  entities: EntityView[];
  collapsed: boolean;
  lookup: DataLookup;
  onReveal: (occurrence: Occurrence) => void;
  /** Why each entity is not a flag, for sections of names that are not flags. */
  reasonsFor?: (entity: EntityView) => NotFlaggedReason[];
}

export function EntitySection({ id, heading, intro, entities, collapsed, lookup, onReveal, reasonsFor }: Props) {
  if (entities.length === 0) return null;
  const cards = entities.map((e) => (
    <EntityCard key={e.id} entity={e} lookup={lookup} onReveal={onReveal} reasons={reasonsFor?.(e)} />
  ));
  if (!collapsed) {
    return (
      <section class="entity-section" id={id} aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{heading}</h2>
        {intro}
        {cards}
      </section>
    );
  }
  return (
    <section class="entity-section" id={id}>
      <details>
        <summary>
          <h2>{heading}</h2>
        </summary>
        {intro}
        {cards}
      </details>
    </section>
  );
}
