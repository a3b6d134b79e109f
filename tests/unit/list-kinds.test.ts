// The kinds of list, the status of every entry in its list's own terms (listed, excluded,
// divested, removed, revoked, exclusion revoked), its dated history, the attributed wording,
// and each list's age. Data: compiled from data/ by the build's own compiler; real text:
// sentences from public pages (tests/fixtures/real-snippets) and real TED award notices.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { loadListFiles } from '../../scripts/lib/load-lists';
import {
  describeEntry,
  entryFacts,
  isCurrentStanding,
  isOlderThanAYear,
  listAgeMonths,
  listKindOf,
} from '../../src/core/entry-wording';
import { Matcher } from '../../src/core/matcher';
import { scanPage } from '../../src/core/page';
import type { CompiledData, Entity, EntryRef, ListMeta, Match } from '../../src/core/types';
import { blocksFromInput } from '../../src/cli/inputs';
import { main } from '../../src/cli/main';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GPFG = 'investor-exclusions-norway-gpfg';
const KLP = 'investor-exclusions-klp';
const ISIF = 'investor-exclusions-isif';
const US = 'us-sanctions-eo-14115-historical';
const OHCHR = 'ohchr-bhr-database-hrc-31-36';

let data: CompiledData;
let matcher: Matcher;
const list = (id: string): ListMeta => data.lists.find((l) => l.id === id)!;
const entityWith = (listId: string, entry: string): Entity =>
  data.entities.find((e) => e.entries.some((x) => x.list === listId && x.entry === entry))!;
const entryOf = (listId: string, entry: string): EntryRef =>
  entityWith(listId, entry).entries.find((x) => x.list === listId && x.entry === entry)!;

/** Every string in a JSON value, as written. */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}

/** Overlapping 40-character pieces of a text. */
const windows = (text: string) =>
  Array.from({ length: Math.max(0, Math.floor((text.length - 40) / 20) + 1) }, (_, i) =>
    text.slice(i * 20, i * 20 + 40),
  );

beforeAll(() => {
  data = buildCompiledData(root);
  matcher = Matcher.fromData(data);
});

describe('list kinds', () => {
  it('gives every compiled list its kind, completeness and, for a list of revoked designations, history', () => {
    const kinds = Object.fromEntries(data.lists.map((l) => [l.id, [l.kind, l.partial, l.historical]]));
    expect(kinds).toEqual({
      'dbio-2024': ['ngo-research', true, false],
      [ISIF]: ['investor-exclusion', false, false],
      [KLP]: ['investor-exclusion', false, false],
      [GPFG]: ['investor-exclusion', false, false],
      [OHCHR]: ['un-database', false, false],
      'au-sanctions-settler-violence': ['sanctions', false, false],
      'ca-sanctions-extremist-settler-violence': ['sanctions', false, false],
      'eu-sanctions-settler-violence': ['sanctions', false, false],
      'jp-sanctions-settler-violence': ['sanctions', false, false],
      'uk-sanctions-settler-violence': ['sanctions', true, false],
      [US]: ['sanctions', true, true],
      whoprofits: ['ngo-research', true, false],
    });
    expect(list(GPFG).recommendedBy).toBe('Council on Ethics');
  });

  it('calls a list without a kind imported only when the user imported it', () => {
    expect(listKindOf({ publisher: 'x', origin: 'imported' })).toBe('imported');
    expect(listKindOf({ publisher: 'x', origin: 'bundled' })).toBeNull();
    expect(listKindOf({ publisher: 'x', origin: 'bundled', kind: 'sanctions' })).toBe('sanctions');
  });

  it("carries the users' coverage notes and none of the maintainers' curation notes", () => {
    const compiled = stringsOf(data).join('\n');
    for (const { json } of loadListFiles(resolve(root, 'data/lists'))) {
      const meta = data.lists.find((l) => l.id === json.id);
      if (meta) expect(meta.coverageNote).toBe(json.coverage_note);
      // Curation notes quote rationales and category texts, which users do see: only the
      // parts written for maintainers alone (found nowhere else in the file) must not leak.
      const { curation_note: note, ...rest } = json;
      const elsewhere = stringsOf(rest).join('\n');
      const own = windows(note).filter((w) => !elsewhere.includes(w));
      expect(own.length, json.id).toBeGreaterThan(0);
      for (const w of own) expect(compiled, json.id).not.toContain(w);
    }
  });

  it("orders an entity's entries: UN database, sanctions, investor exclusions, NGO research", () => {
    const leumi = entityWith(GPFG, 'Bank Leumi Le-Israel BM');
    expect(leumi.displayName).toBe('Bank Leumi Le-Israel Ltd.');
    expect(leumi.entries.map((e) => e.list)).toEqual([OHCHR, ISIF, KLP, GPFG, 'whoprofits']);
  });
});

describe('entry status, dates and history', () => {
  it('an exclusion by Norges Bank: decision date, who decided, the recommendations', () => {
    const e = entryOf(GPFG, 'Bank Leumi Le-Israel BM');
    expect([e.status, e.standing, e.standingOn, e.decidedBy]).toEqual([
      'listed',
      'excluded',
      '2025-08-25',
      'Norges Bank',
    ]);
    expect(e.recommendedOn).toEqual(['2025-06-25', '2025-07-02']);
    expect(e.history).toEqual([
      { date: '2025-06-25', event: 'recommended', note: null },
      { date: '2025-07-02', event: 'recommended', note: null },
      { date: '2025-08-25', event: 'excluded', note: 'Norges Bank' },
    ]);
    expect(describeEntry(e, list(GPFG))).toBe(
      'Excluded by Norges Bank on 25 August 2025 on the recommendation of the Council on Ethics',
    );
  });

  it('an exclusion revoked and imposed again keeps its history in order', () => {
    const e = entryOf(GPFG, 'Africa Israel Investments Ltd');
    expect(e.standing).toBe('excluded');
    expect(e.statusVerified).toBe(false);
    expect(e.statusNote).toContain('has not been confirmed');
    expect(e.history!.map((h) => `${h.date} ${h.event}`)).toEqual([
      '2009-11-16 recommended',
      '2010 excluded',
      '2013-08 exclusion-revoked',
      '2013-11 recommended',
      '2014-01 excluded',
    ]);
    expect(describeEntry(e, list(GPFG))).toBe(
      'Excluded by Ministry of Finance in January 2014 on the recommendation of the Council on Ethics',
    );
  });

  it('names the Council on Ethics only where the list dates a recommendation', () => {
    const paz = entryOf(GPFG, 'Paz Retail and Energy Ltd');
    expect(paz.recommendedOn).toEqual([]);
    expect(describeEntry(paz, list(GPFG))).toBe('Excluded by Norges Bank on 11 May 2025');
  });

  it('says when an exclusion rests on a ground other than settlement activity', () => {
    const cat = entryOf(GPFG, 'Caterpillar Inc');
    expect(cat.ground).toBe('destruction_of_palestinian_property');
    expect(describeEntry(cat, list(GPFG))).toContain('(ground: not settlement activity)');
    expect(entryOf(KLP, 'Caterpillar Inc').ground).toBe('destruction_of_palestinian_property');
    expect(entryOf(GPFG, 'Bezeq The Israeli Telecommunication Corp Ltd').ground).toBe('settlements');
  });

  it("a divestment is worded as one, and KLP's decision and announcement are both dated", () => {
    const isif = entryOf(ISIF, 'Bank Leumi-le Israel BM');
    expect(isif.standing).toBe('divested');
    expect(describeEntry(isif, list(ISIF))).toMatch(
      /^Divested by Ireland Strategic Investment Fund .* on 5 April 2024$/,
    );
    const klp = entryOf(KLP, 'Bank Leumi Le-Israel BM');
    expect(klp.history).toEqual([
      { date: '2021-06', event: 'excluded', note: null },
      { date: '2021-07-05', event: 'announced', note: null },
    ]);
  });

  it('a US designation is revoked history, with its date and the order that revoked it', () => {
    const e = entryOf(US, 'Binyanei Bar Amana');
    expect([e.status, e.standing, e.standingOn, e.removedOn]).toEqual([
      'delisted',
      'revoked',
      '2025-01-20',
      '2025-01-20',
    ]);
    expect(e.revokedBy).toContain('Executive Order 14148');
    expect(e.history!.map((h) => `${h.date} ${h.event}`)).toEqual(['2024-11-18 listed', '2025-01-20 revoked']);
    expect(isCurrentStanding(e.standing!)).toBe(false);
    const facts = entryFacts(e, list(US));
    expect([facts.kind, facts.standing, facts.current, facts.date]).toEqual([
      'sanctions',
      'revoked',
      false,
      '2025-01-20',
    ]);
    expect(facts.wording).toMatch(/^Listing by US Department of State .* revoked on 20 January 2025 /);
  });

  it('every US entry is history, and an entity listed elsewhere too keeps flagging through the other lists', () => {
    const us = data.entities.flatMap((e) => e.entries).filter((e) => e.list === US);
    expect(us).toHaveLength(30);
    expect(us.every((e) => e.status === 'delisted' && e.standing === 'revoked')).toBe(true);
    const amana = entityWith(US, 'Amana');
    expect(amana.entries.filter((e) => e.status === 'listed').map((e) => e.list)).toEqual([
      'ca-sanctions-extremist-settler-violence',
      'eu-sanctions-settler-violence',
      'uk-sanctions-settler-violence',
    ]);
  });

  it('an OHCHR removal is dated and worded as a removal', () => {
    const alstom = entryOf(OHCHR, 'Alstom S. A.');
    expect([alstom.standing, alstom.standingOn]).toEqual(['removed', '2025-09-26']);
    expect(describeEntry(alstom, list(OHCHR))).toBe(
      'Removed from the list by United Nations Office of the High Commissioner for Human Rights (OHCHR) on 26 September 2025',
    );
  });
});

describe('each new list flags its entries on real text', () => {
  interface Snippet {
    id: string;
    list: string;
    lang: string;
    text: string;
    flags?: string[];
    history?: string[];
  }
  const snippets = (
    JSON.parse(readFileSync(resolve(root, 'tests/fixtures/real-snippets/new-lists.json'), 'utf8')) as {
      snippets: Snippet[];
    }
  ).snippets;
  const scan = (s: Snippet): Match[] => scanPage(matcher, [{ text: s.text, field: null, lang: s.lang }])[0].matches;

  it('has a sentence for every list added', () => {
    expect(new Set(snippets.map((s) => s.list))).toEqual(
      new Set([
        GPFG,
        KLP,
        ISIF,
        US,
        'au-sanctions-settler-violence',
        'jp-sanctions-settler-violence',
        'ca-sanctions-extremist-settler-violence',
      ]),
    );
  });

  it.each(snippets.filter((s) => s.flags).map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const flagged = scan(s)
      .filter((m) => m.level === 'flag')
      .flatMap((m) => m.lists.filter((l) => l.list === s.list && l.status === 'listed').map((l) => l.entry));
    expect(new Set(flagged)).toEqual(new Set(s.flags));
  });

  it('a designation that was revoked is seen but never flags', () => {
    const s = snippets.find((x) => x.history)!;
    const matches = scan(s).filter((m) => m.lists.some((l) => l.list === US && s.history!.includes(l.entry)));
    expect(matches.map((m) => [m.text, m.level, m.rule])).toEqual([
      ['Binyanei Bar Amana Ltd.', 'possible', 'delisted-only'],
    ]);
  });

  it("Who Profits' new ABB entry flags on two real TED awards (ABB b.v., ABB Oy)", () => {
    const notices = resolve(root, '../shared/corpora/ted-notices');
    const winners = [
      '476201ba9a15b215041a632c34e562c99642db73.xml',
      '074f21c4e2bdf0a42df1e4ea72e75086e35e953c.xml',
    ].map((file) => {
      const input = blocksFromInput(file, readFileSync(resolve(notices, file), 'utf8'), null);
      return scanPage(matcher, input.blocks)
        .flatMap((b) => b.matches)
        .filter((m) => m.level === 'flag' && m.lists.some((l) => l.list === 'whoprofits' && l.entry === 'ABB Group'))
        .map((m) => m.text);
    });
    expect(winners[0]).toContain('ABB b.v');
    expect(winners[1]).toEqual(['ABB Oy']);
  });
});

describe('currency', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('counts whole months from the last day a date can mean', () => {
    expect(listAgeMonths('2025-08-25', now)).toBe(15);
    expect(listAgeMonths('2026-05-28', now)).toBe(6);
    // "2025-05" can mean 31 May 2025 at the latest.
    expect(listAgeMonths('2025-05', now)).toBe(18);
    expect(listAgeMonths('2025', new Date('2026-01-15T00:00:00Z'))).toBe(0);
    expect(listAgeMonths(null, now)).toBeNull();
  });

  it('calls a list more than a year old only after its first anniversary', () => {
    expect(isOlderThanAYear('2025-12-06', now)).toBe(false);
    expect(isOlderThanAYear('2025-12-05', now)).toBe(true);
    expect(isOlderThanAYear('2026-05-28', now)).toBe(false);
    expect(isOlderThanAYear('2025', now)).toBe(false);
    expect(isOlderThanAYear('2025', new Date('2027-01-01T00:00:00Z'))).toBe(true);
    expect(isOlderThanAYear(null, now)).toBe(false);
  });

  it('says which bundled lists are more than a year old on 6 December 2026', () => {
    const stale = data.lists.filter((l) => isOlderThanAYear(l.published, now)).map((l) => l.id);
    expect(stale).toEqual([
      'dbio-2024',
      ISIF,
      KLP,
      GPFG,
      OHCHR,
      'au-sanctions-settler-violence',
      'ca-sanctions-extremist-settler-violence',
      'jp-sanctions-settler-violence',
      'uk-sanctions-settler-violence',
      US,
    ]);
  });
});

describe('settlement-screen check', () => {
  async function check(name: string): Promise<string> {
    const out: string[] = [];
    const code = await main(['check', name], {
      io: { out: (t) => out.push(t), err: () => {}, read: async () => new Uint8Array() },
      matcher: () => matcher,
    });
    expect(code).toBe(0);
    return out.join('\n');
  }

  it("names the UN database and the Norwegian fund's exclusion with its decision date", async () => {
    const out = await check('Bank Leumi Le-Israel B.M.');
    expect(out).toContain('FLAG     "Bank Leumi Le-Israel B.M." -> Bank Leumi Le-Israel Ltd.');
    expect(out).toMatch(
      /UN database: Listed by United Nations Office of the High Commissioner for Human Rights \(OHCHR\) for \(e\), \(f\), \(g\)/,
    );
    expect(out).toContain(
      'investor exclusion: Excluded by Norges Bank on 25 August 2025 on the recommendation of the Council on Ethics [investor-exclusions-norway-gpfg]',
    );
  });

  it('shows a revoked designation as history, not a flag', async () => {
    const out = await check('Binyanei Bar Amana');
    expect(out).toMatch(/^"Binyanei Bar Amana": 0 flags, 1 possible/);
    expect(out).toContain('sanctions: Listing by US Department of State');
    expect(out).toContain('revoked on 20 January 2025');
    expect(out).toContain('(history, not a flag) [us-sanctions-eo-14115-historical]');
  });
});
