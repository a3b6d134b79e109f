// The labelled corpus (tests/corpus/expected.json) is well-formed, and the matcher meets
// the project's targets on it: precision of flags >= 0.98, recall >= 0.95. The targets
// are asserted as they are; when the matcher misses them this test fails and lists every
// false positive and false negative (the same report as `npm run eval`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_CORPUS_DIR,
  KINDS,
  LANGUAGES,
  loadItem,
  loadSnippets,
  type LoadedItem,
} from '../../scripts/lib/eval-corpus';
import { describeDiagnosis } from '../../scripts/lib/eval-report';
import { runEvaluation, type EvalRun } from '../../scripts/lib/eval-run';
import {
  describeEvidence,
  evaluateItem,
  precision,
  PRECISION_TARGET,
  recall,
  RECALL_TARGET,
  tally,
} from '../../scripts/lib/eval-score';
import { findOccurrences } from '../../scripts/lib/eval-text';
import { Matcher } from '../../src/core/matcher';

let run: EvalRun;
let loaded: LoadedItem[];

beforeAll(() => {
  run = runEvaluation();
  const snippets = loadSnippets();
  loaded = run.manifest.items.flatMap((item) => {
    try {
      return [loadItem(item, DEFAULT_CORPUS_DIR, snippets)];
    } catch {
      return [];
    }
  });
}, 120_000);

describe('corpus manifest', () => {
  test('has no well-formedness problems', () => {
    expect(run.problems).toEqual([]);
  });

  test('every item file exists', () => {
    const missing = run.manifest.items
      .filter((i) => i.file !== undefined)
      .map((i) => i.file!.split('#')[0])
      .filter((f) => !existsSync(join(DEFAULT_CORPUS_DIR, f)));
    expect(missing).toEqual([]);
    expect(loaded).toHaveLength(run.manifest.items.length);
  });

  test('every expected entity is the display name of a compiled entity', () => {
    const names = new Set(run.data.entities.map((e) => e.displayName));
    const unknown = run.manifest.items.flatMap((i) =>
      [...i.flags, ...(i.possible ?? [])].filter((f) => !names.has(f.entity)).map((f) => `${i.id}: ${f.entity}`),
    );
    expect(unknown).toEqual([]);
  });

  test('every expected text is visible on its item and every trap text occurs in its item', () => {
    const bad: string[] = [];
    for (const l of loaded) {
      for (const f of [...l.item.flags, ...(l.item.possible ?? [])]) {
        if (findOccurrences(l.blocks, f.text).length === 0) bad.push(`${l.item.id}: expected "${f.text}" not visible`);
      }
      for (const t of l.item.traps) {
        const visible = findOccurrences(l.blocks, t.text).length > 0;
        const inSource = findOccurrences([{ text: l.raw, field: null }], t.text).length > 0;
        if (!visible && !inSource) bad.push(`${l.item.id}: trap "${t.text}" not in the item`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('covers at least 60 items, 8 per language, every kind in every language', () => {
    const items = run.manifest.items;
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const lang of LANGUAGES) {
      const own = items.filter((i) => i.language === lang);
      expect(own.length, `items in ${lang}`).toBeGreaterThanOrEqual(8);
      for (const kind of KINDS)
        expect(
          own.some((i) => i.kind === kind),
          `${lang} has a ${kind} item`,
        ).toBe(true);
    }
  });

  test('has both positives and traps in quantity', () => {
    const flags = run.manifest.items.reduce((n, i) => n + i.flags.length, 0);
    const traps = run.manifest.items.reduce((n, i) => n + i.traps.length, 0);
    expect(flags).toBeGreaterThanOrEqual(100);
    expect(traps).toBeGreaterThanOrEqual(100);
  });
});

describe('scoring', () => {
  // Guards the scorer itself: a report that always passed would hide every regression.
  test('counts a listed name as correct, an unexpected one as a false positive, and a missed one as a false negative', () => {
    const matcher = Matcher.fromData(run.data);
    const text = 'Winner: Heidelberg Materials AG. Booking via Booking.com. Partner in Bouwstoffen BV.';
    const result = evaluateItem(matcher, {
      item: {
        id: 'synthetic',
        language: 'en',
        kind: 'prose',
        text,
        flags: [
          { entity: 'Heidelberg Materials AG', text: 'Heidelberg Materials AG' },
          { entity: 'Ahava – Dead Sea Laboratories Ltd.', text: 'Partner in Bouwstoffen BV' },
        ],
        traps: [{ text: 'Booking via Booking.com', why: 'synthetic trap' }],
      },
      raw: text,
      blocks: [{ text, field: null }],
      format: 'text',
    });
    const t = tally([result]);
    expect(t.tp).toBe(1);
    expect(t.fp).toBe(1);
    expect(result.flags.find((f) => !f.correct)?.trap?.why).toBe('synthetic trap');
    expect(result.traps[0].violated).toBe(true);
    expect(t.found).toBe(1);
    expect(t.expected).toBe(2);
    expect(precision(t)).toBe(0.5);
    expect(recall(t)).toBe(0.5);
  });

  test('finds texts on word boundaries, case-sensitively, across whitespace runs', () => {
    const blocks = [{ text: 'PHOTO print, HOT deal\n   and Heidelberg\n  Materials', field: null }];
    expect(findOccurrences(blocks, 'HOT')).toEqual([{ block: 0, start: 13, end: 16 }]);
    expect(findOccurrences(blocks, 'hot')).toEqual([]);
    expect(findOccurrences(blocks, 'Heidelberg Materials')).toHaveLength(1);
  });
});

describe('targets on the corpus', () => {
  const falsePositives = () =>
    run.results
      .flatMap((r) => r.flags.filter((f) => !f.correct).map((f) => ({ id: r.item.id, f })))
      .map(
        ({ id, f }) =>
          `[${id}] "${f.match.text}" -> ${f.match.entityName} (${f.match.matchType}; ${describeEvidence(f.match.evidence)})${f.trap ? ` trap: ${f.trap.why}` : ''}`,
      )
      .join('\n');
  const falseNegatives = () =>
    run.results
      .flatMap((r) => r.expected.filter((e) => !e.found).map((e) => ({ id: r.item.id, e })))
      .map(
        ({ id, e }) =>
          `[${id}] ${e.expected.entity}: "${e.expected.text}" instead: ${e.diagnosis.map(describeDiagnosis).join(' | ')}`,
      )
      .join('\n');

  test(`precision of flags is at least ${PRECISION_TARGET}`, () => {
    const t = tally(run.results);
    expect(
      precision(t),
      `precision ${precision(t).toFixed(3)}; false positives:\n${falsePositives()}`,
    ).toBeGreaterThanOrEqual(PRECISION_TARGET);
  });

  test(`recall of flags is at least ${RECALL_TARGET}`, () => {
    const t = tally(run.results);
    expect(recall(t), `recall ${recall(t).toFixed(3)}; false negatives:\n${falseNegatives()}`).toBeGreaterThanOrEqual(
      RECALL_TARGET,
    );
  });
});
