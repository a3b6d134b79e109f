// The flags, grouped by the role the page states for each company: "Awarded to",
// "Brand of this product", "Bidders", then "Mentioned on the page". A page without any
// stated roles keeps one plain section.
import type { FieldGroup } from '../../../core/field-rank';
import { t } from '../../../shared/i18n';
import type { DataLookup } from '../../presentation/lookup';
import type { Occurrence, PopupView } from '../../presentation/view-model';
import { EntitySection } from './EntitySection';

const GROUPS: FieldGroup[] = ['awarded', 'brand', 'bidders', 'mentioned'];

function groupHeading(group: FieldGroup): string {
  switch (group) {
    case 'awarded':
      return t('groupAwarded');
    case 'brand':
      return t('groupBrand');
    case 'bidders':
      return t('groupBidders');
    case 'mentioned':
      return t('groupMentioned');
  }
}

interface Props {
  view: PopupView;
  lookup: DataLookup;
  onReveal: (occurrence: Occurrence) => void;
}

export function FlagSections({ view, lookup, onReveal }: Props) {
  // The intro goes under the cards, so the first view is the companies themselves.
  const intro = <p class="intro">{t('sectionFlagsIntro')}</p>;
  if (view.flags.length === 0) return null;
  if (view.flags.every((e) => e.group === 'mentioned')) {
    return (
      <>
        <EntitySection
          id="flags"
          heading={t('sectionFlags')}
          entities={view.flags}
          collapsed={false}
          lookup={lookup}
          onReveal={onReveal}
        />
        {intro}
      </>
    );
  }
  return (
    <>
      {GROUPS.map((group) => (
        <EntitySection
          key={group}
          id={`flags-${group}`}
          heading={groupHeading(group)}
          entities={view.flags.filter((e) => e.group === group)}
          collapsed={false}
          lookup={lookup}
          onReveal={onReveal}
        />
      ))}
      {intro}
    </>
  );
}
