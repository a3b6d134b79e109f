// Why a name seen on the page is not a flag, in plain words, from the evidence its matches
// carry. Used by the popup's "Also seen, not flagged" section: one reason per distinct
// cause and page text, so a name repeated on the page is explained once.
import type { Evidence, LinkStatus, WeakReason } from '../../core/types';
import { t } from '../../shared/i18n';
import type { EntityView, EvidenceItem } from './view-model';

export interface NotFlaggedReason {
  text: string;
  /** The curators' note on a link that is not current (why it ended, what the source is). */
  note: string | null;
}

function weakReason(reason: WeakReason, text: string): string {
  switch (reason) {
    case 'short':
      return t('notFlaggedShort', text);
    case 'acronym':
      return t('notFlaggedAcronym', text);
    case 'common-word':
      return t('notFlaggedCommonWord', text);
    case 'homonym':
      return t('notFlaggedHomonym', text);
    case 'generic-words':
      return t('notFlaggedGenericWords', text);
    default:
      // A reason added to the matcher later still reads as a plain sentence.
      return t('notFlaggedUnconfirmed', text);
  }
}

function linkReason(status: LinkStatus, text: string): string {
  switch (status) {
    case 'historical':
      return t('notFlaggedLinkHistorical', text);
    case 'weak-source':
      return t('notFlaggedLinkWeakSource', text);
    case 'contested':
      return t('notFlaggedLinkContested', text);
    default:
      return t('notFlaggedLinkNotCurrent', text);
  }
}

type Of<K extends Evidence['kind']> = Extract<Evidence, { kind: K }>;
const find = <K extends Evidence['kind']>(item: EvidenceItem, kind: K): Of<K> | undefined =>
  item.evidence.find((e): e is Of<K> => e.kind === kind);

/** The reasons for one page text, most decisive first. */
function itemReasons(item: EvidenceItem): NotFlaggedReason[] {
  // A link that is not current never flags, whatever else the page says: that is the reason.
  const link = find(item, 'link-not-current');
  if (link) return [{ text: linkReason(link.status, item.text), note: link.note }];
  const out: NotFlaggedReason[] = [];
  // The name is the tail of another organisation's name ("Meixner + Partner GmbH").
  if (item.rule === 'part-of-longer-name') out.push({ text: t('notFlaggedPartOfLongerName', item.text), note: null });
  const runsOn = find(item, 'runs-on');
  if (runsOn) out.push({ text: t('notFlaggedRunsOn', [item.text, runsOn.text]), note: null });
  const weak = find(item, 'no-corroboration');
  if (weak) out.push({ text: weakReason(weak.reason, item.text), note: null });
  if (out.length === 0) out.push({ text: t('notFlaggedUnconfirmed', item.text), note: null });
  return out;
}

/** Why `entity` (a possible match or a company only removed entries name) is not a flag. */
export function notFlaggedReasons(entity: EntityView): NotFlaggedReason[] {
  // Removed entries are never flags, however well the name matched.
  if (entity.section === 'removed' || entity.evidence.some((i) => find(i, 'delisted-only'))) {
    return [{ text: t('evidenceDelistedOnly'), note: null }];
  }
  const seen = new Set<string>();
  const out: NotFlaggedReason[] = [];
  for (const item of entity.evidence) {
    if (item.level === 'flag') continue;
    for (const r of itemReasons(item)) {
      const key = `${r.text}\u0000${r.note ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}
