// What a list entry says, independent of the UI language: the kind of list, the entry's
// standing (listed, excluded, removed, revoked, ...), its dates and its history, and one
// attributed English sentence for the CLI and the CSV export. The popup and the options page
// say the same in the user's language (src/ui/presentation/explain.ts). Pure: no DOM, no extension APIs.
import type { EntryEvent, EntryRef, EntryStanding, ListKind } from './types';

/** What the wording needs of a list: a ListMeta, or a list as an audit record keeps it. */
export interface ListFacts {
  publisher: string;
  published?: string | null;
  kind?: ListKind | null;
  recommendedBy?: string | null;
  origin?: 'bundled' | 'imported';
}

/** The kind of a list; lists stored before kinds existed are imported ones or unknown (null). */
export function listKindOf(list: ListFacts | undefined): ListKind | null {
  if (!list) return null;
  return list.kind ?? (list.origin === 'imported' ? 'imported' : null);
}

export const LIST_KINDS: readonly ListKind[] = [
  'un-database',
  'sanctions',
  'investor-exclusion',
  'ngo-research',
  'imported',
];

/** Kind names for text outside the extension pages (CLI summary). */
export const LIST_KIND_NAMES: Record<ListKind, string> = {
  'un-database': 'UN database',
  sanctions: 'sanctions',
  'investor-exclusion': 'investor exclusion',
  'ngo-research': 'NGO research',
  imported: 'imported',
};

/** The entry's standing; entries compiled without one fall back to their status. */
export function standingOf(entry: Pick<EntryRef, 'status' | 'standing'>): EntryStanding {
  return entry.standing ?? (entry.status === 'delisted' ? 'removed' : 'listed');
}

/** Listed, excluded and divested entries are current and flag; the others are history. */
export function isCurrentStanding(standing: EntryStanding): boolean {
  return standing === 'listed' || standing === 'excluded' || standing === 'divested';
}

/** The date of the entry's standing (listing, decision, removal, revocation), if known. */
export function standingDate(entry: EntryRef): string | null {
  if (entry.standingOn !== undefined) return entry.standingOn;
  return entry.status === 'delisted' ? entry.removedOn : entry.listedOn;
}

/**
 * True when the list gives the exclusion's ground and it is not settlement activity
 * (Caterpillar: the destruction of Palestinian property). Users are told in one line.
 */
export function groundIsNotSettlements(entry: Pick<EntryRef, 'ground'>): boolean {
  return typeof entry.ground === 'string' && entry.ground !== '' && entry.ground !== 'settlements';
}

/** Who acted: the deciding body the entry names (Norges Bank), else the list's publisher. */
export function actorOf(entry: EntryRef, list: ListFacts | undefined): string {
  return entry.decidedBy ?? list?.publisher ?? entry.list;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-08-25" -> "25 August 2025", "2014-01" -> "January 2014", "2012" -> "2012"; else as given. */
export function englishDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return value;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (m[2] && !month) return value;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  return month ? `${month} ${m[1]}` : m[1];
}

/** "on 25 August 2025" for a full date, "in January 2014" / "in 2012" for a partial one. */
function onDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `on ${englishDate(value)}` : `in ${englishDate(value)}`;
}

/**
 * One attributed sentence, in English, for the entry: "Excluded by Norges Bank on 25 August
 * 2025 on the recommendation of the Council on Ethics", "Listed by <publisher> for (a), (g) on
 * <date>", "Listing by <publisher> revoked on <date>", "Removed from the list by ...".
 */
export function describeEntry(entry: EntryRef, list: ListFacts | undefined): string {
  const standing = standingOf(entry);
  const publisher = list?.publisher ?? entry.list;
  const date = standingDate(entry);
  switch (standing) {
    case 'excluded':
    case 'divested': {
      const verb = standing === 'divested' ? 'Divested by' : 'Excluded by';
      const rec = list?.recommendedBy && (entry.recommendedOn?.length ?? 0) > 0 ? list.recommendedBy : null;
      return (
        `${verb} ${actorOf(entry, list)}${date ? ` ${onDate(date)}` : ''}` +
        `${rec ? ` on the recommendation of the ${rec}` : ''}` +
        `${groundIsNotSettlements(entry) ? ' (ground: not settlement activity)' : ''}`
      );
    }
    case 'exclusion-revoked':
      return `Exclusion by ${actorOf(entry, list)} revoked${date ? ` ${onDate(date)}` : ''}`;
    case 'revoked':
      return `Listing by ${publisher} revoked${date ? ` ${onDate(date)}` : ''}${entry.revokedBy ? ` (${entry.revokedBy})` : ''}`;
    case 'removed':
      return `Removed from the list by ${publisher}${date ? ` ${onDate(date)}` : ''}`;
    case 'listed': {
      const codes =
        entry.criteria.length > 0 && entry.criteria.every((c) => /^[a-z0-9]{1,3}$/i.test(c.code))
          ? entry.criteria.map((c) => `(${c.code})`).join(', ')
          : null;
      if (date) return `Listed by ${publisher}${codes ? ` for ${codes}` : ''} ${onDate(date)}`;
      const published = list?.published ? `, in the list published ${onDate(list.published)}` : '';
      return `Listed by ${publisher}${codes ? ` for ${codes}` : ''}${published}`;
    }
  }
}

/** The facts of one entry for JSON outputs (CLI, screening): kind, standing, dates, history. */
export interface EntryFacts {
  kind: ListKind | null;
  standing: EntryStanding;
  /** Listed, excluded or divested: the entry flags. */
  current: boolean;
  /** The date of the standing (listing, decision, removal or revocation), as the list gives it. */
  date: string | null;
  decidedBy: string | null;
  recommendedBy: string | null;
  recommendedOn: string[];
  ground: string | null;
  statusVerified: boolean | null;
  wording: string;
  history: EntryEvent[];
}

export function entryFacts(entry: EntryRef, list: ListFacts | undefined): EntryFacts {
  const standing = standingOf(entry);
  const recommendedOn = entry.recommendedOn ?? [];
  return {
    kind: listKindOf(list),
    standing,
    current: isCurrentStanding(standing),
    date: standingDate(entry),
    decidedBy: entry.decidedBy ?? null,
    recommendedBy: recommendedOn.length > 0 ? (list?.recommendedBy ?? null) : null,
    recommendedOn: [...recommendedOn],
    ground: entry.ground ?? null,
    statusVerified: entry.statusVerified ?? null,
    wording: describeEntry(entry, list),
    history: (entry.history ?? []).map((h) => ({ ...h })),
  };
}

// ---------------------------------------------------------------------------------------------
// Currency

/**
 * The last day a list date can mean (a partial date is read at its end, so age is never
 * overstated): "2025-05" -> 31 May 2025. Null for no date or an unreadable one.
 */
export function latestDayOf(value: string | null): Date | null {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim()) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
  if (m[2]) return new Date(Date.UTC(y, Number(m[2]), 0));
  return new Date(Date.UTC(y, 11, 31));
}

/** Whole months from the list's date to `now` (0 when in the future), or null without a date. */
export function listAgeMonths(published: string | null, now: Date): number | null {
  const d = latestDayOf(published);
  if (!d) return null;
  let months = (now.getUTCFullYear() - d.getUTCFullYear()) * 12 + (now.getUTCMonth() - d.getUTCMonth());
  if (now.getUTCDate() < d.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/** More than a year old (past the first anniversary of its date): the options page says so plainly. */
export function isOlderThanAYear(published: string | null, now: Date): boolean {
  const d = latestDayOf(published);
  if (!d) return false;
  const dayAfterAnniversary = Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate() + 1);
  return now.getTime() >= dayAfterAnniversary;
}
