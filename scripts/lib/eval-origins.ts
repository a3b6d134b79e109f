// Evaluation of origin findings on tests/corpus/origins.json, beside the company corpus in
// `npm run eval`: each item is a stated value (an origin, producer line or address) or lines
// of page text; a finding counts right when the item expects its place.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contextsFromLines } from '../../src/formats/page/origin-scan';
import { OriginMatcher, type OriginContextKind } from '../../src/core/origins';
import { buildOriginIndex } from './build-origins';

interface Item {
  id: string;
  group: string;
  context?: OriginContextKind;
  lines?: string;
  text?: string;
  expected: string[];
}

export interface OriginEval {
  items: number;
  expected: number;
  found: number;
  right: number;
  misses: string[];
  wrong: string[];
}

export function evalOrigins(root = process.cwd()): OriginEval {
  const matcher = new OriginMatcher(buildOriginIndex(root));
  const { items } = JSON.parse(readFileSync(resolve(root, 'tests/corpus/origins.json'), 'utf8')) as { items: Item[] };
  const out: OriginEval = { items: items.length, expected: 0, found: 0, right: 0, misses: [], wrong: [] };
  for (const item of items) {
    const contexts = item.lines
      ? contextsFromLines(item.lines.split('\n'), matcher)
      : [{ kind: item.context!, label: item.context!, text: item.text ?? '', source: 'eval' }];
    const found = new Set(contexts.flatMap((c) => matcher.findOrigins(c).map((f) => f.placeName)));
    out.expected += item.expected.length;
    out.found += found.size;
    for (const p of found) {
      if (item.expected.includes(p)) out.right++;
      else out.wrong.push(`${item.id}: ${p}`);
    }
    for (const p of item.expected) if (!found.has(p)) out.misses.push(`${item.id}: ${p}`);
  }
  return out;
}

export function formatOriginEval(e: OriginEval): string {
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = [
    `Origin findings (tests/corpus/origins.json): ${e.items} items, ${e.expected} expected places, ` +
      `${e.found} found; precision ${pct(e.right, e.found)}, recall ${pct(e.right, e.expected)}`,
  ];
  for (const m of e.misses) lines.push(`  missed ${m}`);
  for (const w of e.wrong) lines.push(`  wrong  ${w}`);
  return lines.join('\n');
}
