// The heading words compiled for pages: what heading-words.ts looks up, without the
// sources and already normalised, so a page's content script neither carries the
// lexicon's texts nor tokenises it at start-up. Compiled by the build from the records
// (heading-records.ts) into src/generated/heading-tables.json; a test checks that the
// generated file is what compiling the lexicon gives.
import type { FieldRole } from '../../../core/types';
import { tokenize } from '../../../core/normalize';
import type { HeadingRecord } from './heading-records';
import { isFiller } from './labels';

/** A phrase's normalised tokens joined by spaces, its role and the languages it is written in. */
export type PhraseEntry = [key: string, role: FieldRole | null, languages: string[]];

export interface HeadingTables {
  heading: PhraseEntry[];
  nameLabel: PhraseEntry[];
  /** Class and id words (one word each) and the role they state. */
  classes: [word: string, role: FieldRole][];
  /** Languages some heading is written in. */
  languages: string[];
  /** Words of the headings and name labels, longest first, folded as `foldForGate` does. */
  gateWords: string[];
}

const MARKS = /\p{M}/gu;
/** Lower case without accents: how the gate words are written and page text is compared to them. */
export const foldForGate = (s: string): string => s.toLowerCase().normalize('NFD').replace(MARKS, '');

function entriesOf(records: readonly HeadingRecord[], kind: HeadingRecord['kind']): PhraseEntry[] {
  const entries = new Map<string, PhraseEntry>();
  for (const r of records) {
    if (r.kind !== kind) continue;
    const key = tokenize(r.text)
      .map((t) => t.norm)
      .join(' ');
    const e = entries.get(key);
    if (!e) entries.set(key, [key, r.role, [r.language]]);
    else if (!e[2].includes(r.language)) e[2].push(r.language);
  }
  return [...entries.values()];
}

export function compileHeadingTables(records: readonly HeadingRecord[]): HeadingTables {
  const classes: [string, FieldRole][] = [];
  for (const r of records) if (r.kind === 'class' && r.role) classes.push([r.text, r.role]);
  const gateWords = new Set(
    records
      .filter((r) => r.kind !== 'class')
      .flatMap((r) =>
        foldForGate(r.text)
          .split(/[^\p{L}]+/u)
          .filter((w) => w.length >= 3 && (r.kind === 'name-label' || !isFiller(w))),
      ),
  );
  return {
    heading: entriesOf(records, 'heading'),
    nameLabel: entriesOf(records, 'name-label'),
    classes,
    languages: [...new Set(records.map((r) => r.language))],
    gateWords: [...gateWords].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)),
  };
}
