// Synthetic list entries for the 10x benchmark: plausible company names ("Nordvalt Brenika
// Logistics B.V.", "Grupo Tavelino", "Keramor Holding AG") with a derived alias each, as
// the compiler would give a listed name with a legal form and a generic word. Their
// invented words occur nowhere in the benchmark text, so they add trie size and first-
// token look-ups (a third start with a real word: "Nord", "Euro", "Delta") but no matches.
import type { CompiledData, CompiledName, Entity, TextBlock } from '../../src/core/types';
import { normalizeName, tokenize } from '../../src/core/normalize';
import { stripLegalForms } from '../../src/core/legal-forms';
import { rng } from './bench-corpus';

const ONSETS = [
  'b',
  'br',
  'c',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'x', 'nd', 'rt', 'lk', 'm'];
/** Real words companies start their names with (first-token hits on real text). */
const LEADS = [
  'Nord',
  'Euro',
  'Delta',
  'Alpha',
  'Global',
  'United',
  'General',
  'Royal',
  'First',
  'Atlas',
  'Nova',
  'Green',
  'Blue',
  'Star',
  'Prime',
  'West',
  'East',
  'Union',
  'Central',
  'Grupo',
  'Groupe',
  'Société',
];
const TAILS = [
  'Logistics',
  'Holding',
  'Group',
  'Systems',
  'Trading',
  'Construction',
  'Industries',
  'Foods',
  'Bank',
  'Energy',
  'Technologies',
  'Services',
  'Engineering',
  'Materials',
  'Retail',
  'Mobility',
];
const FORMS = [
  'B.V.',
  'N.V.',
  'GmbH',
  'AG',
  'S.A.',
  'SAS',
  'Ltd',
  'Ltd.',
  'Inc.',
  'plc',
  'S.L.',
  'SpA',
  'Oy',
  'AB',
  'A/S',
  'sp. z o.o.',
  'בע"מ',
];

const capitalise = (w: string): string => w[0].toUpperCase() + w.slice(1);

/** Every normalised token of the benchmark text: invented words must avoid these. */
export function vocabulary(blocks: readonly TextBlock[]): Set<string> {
  const vocab = new Set<string>();
  for (const b of blocks) for (const t of tokenize(b.text)) vocab.add(t.norm);
  return vocab;
}

/**
 * `count` synthetic names (listed names and derived aliases), grouped into entities of one
 * list, appended to `base`. Deterministic.
 */
export function withSyntheticNames(base: CompiledData, count: number, vocab: ReadonlySet<string>): CompiledData {
  const random = rng(10);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const used = new Set<string>();
  const word = (): string => {
    for (;;) {
      const syllables = 2 + Math.floor(random() * 2);
      let w = '';
      for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
      if (w.length >= 5 && !vocab.has(w) && !used.has(w)) {
        used.add(w);
        return capitalise(w);
      }
    }
  };
  const entities: Entity[] = [];
  const names: CompiledName[] = [];
  let nextId = Math.max(...base.names.map((n) => n.id)) + 1;
  const add = (text: string, entity: string, kind: CompiledName['kind']): void => {
    const tokens = stripLegalForms(normalizeName(text).split(' ')).core;
    names.push({
      id: nextId++,
      tokens,
      text,
      entity,
      kind,
      strength: 'strong',
      weakReason: null,
      acronym: null,
      link: null,
    });
  };
  for (let e = 0; names.length < count; e++) {
    const lead = random() < 0.33 ? pick(LEADS) + ' ' : '';
    const core = lead + word() + (random() < 0.5 ? ' ' + word() : '');
    const tail = random() < 0.6 ? ' ' + pick(TAILS) : '';
    const form = random() < 0.8 ? ' ' + pick(FORMS) : '';
    const id = `synthetic-${e}`;
    const display = core + tail + form;
    entities.push({
      id,
      displayName: display,
      entries: [
        {
          list: 'synthetic',
          entry: display,
          status: 'listed',
          removedOn: null,
          listedOn: null,
          criteria: [],
          rationale: '',
          sourceUrl: '',
          entityType: 'company',
          country: null,
          response: null,
        },
      ],
    });
    add(display, id, 'listed-name');
    // The compiler's derived alias: the name without its generic last word.
    if (tail && names.length < count) add(core, id, 'derived-alias');
  }
  return {
    ...base,
    lists: [
      ...base.lists,
      {
        id: 'synthetic',
        title: 'Synthetic benchmark names',
        publisher: '',
        url: '',
        published: null,
        version: 'bench',
        coverageNote: '',
        partial: false,
        entryCount: entities.length,
        sha256: '',
        regime: null,
        origin: 'imported',
      },
    ],
    entities: [...base.entities, ...entities],
    names: [...base.names, ...names],
  };
}

/** The texts a peer would search for: every distinct name and alias as written. */
export function aliasTexts(data: CompiledData): string[] {
  return [...new Set(data.names.map((n) => n.text))];
}
