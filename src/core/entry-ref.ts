// An EntryRef with only what a match carries (list, entry, status): for entries whose
// details are not loaded (an imported list removed since, or a lean index).
import type { EntryRef, MatchedEntry } from './types';

export function bareEntryRef(e: MatchedEntry): EntryRef {
  return {
    list: e.list,
    entry: e.entry,
    status: e.status,
    removedOn: null,
    listedOn: null,
    criteria: [],
    rationale: '',
    sourceUrl: '',
    entityType: null,
    country: null,
    response: null,
  };
}
