// Plain-text report of a corpus evaluation: per-item table, per kind and language,
// overall precision and recall of flags, then every wrong and every missed flag with
// what the matcher did instead, so each line can be traced to the rule behind it.
import { KINDS, LANGUAGES } from './eval-corpus';
import {
  describeEvidence,
  groupBy,
  precision,
  PRECISION_TARGET,
  recall,
  RECALL_TARGET,
  tally,
  type Diagnosis,
  type ItemResult,
  type Tally,
} from './eval-score';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ratio = (n: number, d: number) => (d === 0 ? '-' : pct(n / d));

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

function table(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right.has(i) ? lpad(c, widths[i]) : pad(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function tallyRow(label: string, t: Tally): string[] {
  return [
    label,
    String(t.items),
    String(t.expected),
    String(t.found),
    String(t.tp + t.fp),
    String(t.fp),
    ratio(t.tp, t.tp + t.fp),
    ratio(t.found, t.expected),
  ];
}

export function formatReport(results: readonly ItemResult[], opts: { verbose?: boolean } = {}): string {
  const out: string[] = [];
  const NUM = new Set([1, 2, 3, 4, 5, 6, 7]);

  out.push('Per item (exp = expected flags, found = of those flagged, flags = flag matches, fp = wrong flags)', '');
  const rows = results.map((r) => {
    const t = tally([r]);
    return [
      r.item.id,
      `${r.item.language}/${r.item.kind}`,
      String(t.expected),
      String(t.found),
      String(t.tp + t.fp),
      String(t.fp),
      ratio(t.tp, t.tp + t.fp),
      ratio(t.found, t.expected),
    ];
  });
  out.push(
    ...table(
      ['item', 'lang/kind', 'exp', 'found', 'flags', 'fp', 'precision', 'recall'],
      rows,
      new Set([2, 3, 4, 5, 6, 7]),
    ),
    '',
  );

  const header = ['group', 'items', 'exp', 'found', 'flags', 'fp', 'precision', 'recall'];
  const byKind = groupBy(results, (r) => r.item.kind);
  const byLang = groupBy(results, (r) => r.item.language);
  const groupRows: string[][] = [];
  for (const k of KINDS) if (byKind.has(k)) groupRows.push(tallyRow(k, tally(byKind.get(k)!)));
  for (const l of LANGUAGES) if (byLang.has(l)) groupRows.push(tallyRow(l, tally(byLang.get(l)!)));
  const real = results.filter((r) => r.item.real);
  if (real.length > 0) groupRows.push(tallyRow('real pages', tally(real)));
  out.push('Per kind and language', '', ...table(header, groupRows, NUM), '');

  const all = tally(results);
  const p = precision(all);
  const r = recall(all);
  const trapCount = results.reduce((n, x) => n + x.traps.length, 0);
  const trapHit = results.reduce((n, x) => n + x.traps.filter((t) => t.violated).length, 0);
  out.push(
    'Overall',
    '',
    `  items: ${all.items}, expected flags: ${all.expected}, flag matches: ${all.tp + all.fp}, traps: ${trapCount} (${trapHit} flagged)`,
    `  precision of flags: ${pct(p)} (${all.tp}/${all.tp + all.fp})  target >= ${pct(PRECISION_TARGET)}  ${p >= PRECISION_TARGET ? 'MET' : 'NOT MET'}`,
    `  recall of flags:    ${pct(r)} (${all.found}/${all.expected})  target >= ${pct(RECALL_TARGET)}  ${r >= RECALL_TARGET ? 'MET' : 'NOT MET'}`,
    '',
  );

  const fps = results.flatMap((x) => x.flags.filter((f) => !f.correct).map((f) => ({ r: x, f })));
  out.push(`False positives (${fps.length}): flagged, but a careful screener would not flag this`, '');
  for (const { r: x, f } of fps) {
    const m = f.match;
    out.push(`  [${x.item.id}] "${m.text}" -> ${m.entityName} (${m.matchType}, name "${m.name}")`);
    out.push(`      evidence: ${describeEvidence(m.evidence)}`);
    if (f.trap) out.push(`      trap: ${f.trap.why}`);
    else if (f.possible) out.push(`      expected review only (possible): ${f.possible.why}`);
    else if (f.otherEntity) out.push(`      wrong company: the page names ${f.otherEntity.entity} here`);
    else out.push('      not expected on this item');
  }
  if (fps.length === 0) out.push('  none');
  out.push('');

  const fns = results.flatMap((x) => x.expected.filter((e) => !e.found).map((e) => ({ r: x, e })));
  out.push(`False negatives (${fns.length}): a careful screener would flag this, the matcher did not`, '');
  for (const { r: x, e } of fns) {
    out.push(
      `  [${x.item.id}] ${e.expected.entity}: "${e.expected.text}"${e.expected.note ? ` (${e.expected.note})` : ''}`,
    );
    for (const d of e.diagnosis) out.push(`      instead: ${describeDiagnosis(d)}`);
  }
  if (fns.length === 0) out.push('  none');
  out.push('');

  const possibles = results.flatMap((x) => x.possible.map((p) => ({ r: x, p })));
  if (possibles.length > 0) {
    out.push(`Review-only expectations (${possibles.length}): may be possible, must not be flags`, '');
    for (const { r: x, p } of possibles) {
      out.push(
        `  [${x.item.id}] ${p.expected.entity}: "${p.expected.text}" -> ${p.status}${p.status === 'flag' ? ' (counted as a false positive above)' : ''}`,
      );
    }
    out.push('');
  }

  if (opts.verbose) {
    out.push('All matches per item (verbose)', '');
    for (const x of results) {
      out.push(`  [${x.item.id}] ${x.blocks} blocks`);
      x.scans.forEach((s, b) => {
        for (const m of s.matches)
          out.push(
            `      b${b} ${m.level.padEnd(8)} "${m.text}" -> ${m.entityName} (${m.matchType}; ${describeEvidence(m.evidence)})`,
          );
        for (const g of s.guards) out.push(`      b${b} guard    "${g.text}"`);
      });
    }
    out.push('');
  }
  return out.join('\n');
}

export function describeDiagnosis(d: Diagnosis): string {
  switch (d.kind) {
    case 'possible':
      return `only possible: "${d.match.text}" (${d.match.matchType}, name "${d.match.name}"; ${describeEvidence(d.match.evidence)})`;
    case 'flag-other-entity':
      return `flagged as another entity: "${d.match.text}" -> ${d.match.entityName} (${d.match.matchType})`;
    case 'possible-other-entity':
      return `possible for another entity: "${d.match.text}" -> ${d.match.entityName} (${d.match.matchType}; ${describeEvidence(d.match.evidence)})`;
    case 'guard':
      return `held back by a look-alike guard on "${d.text}"${d.guard ? `: ${d.guard.recordName} (not ${d.guard.notEntityName})` : ''}`;
    case 'nothing':
      return 'no match at all (no listed name, alias or link covers this text)';
  }
}

/** Machine-readable summary for scripts (`npm run eval -- --json`). */
export function jsonReport(results: readonly ItemResult[]): unknown {
  const all = tally(results);
  const row = (t: Tally) => ({ ...t, precision: precision(t), recall: recall(t) });
  return {
    overall: row(all),
    targets: { precision: PRECISION_TARGET, recall: RECALL_TARGET },
    byKind: Object.fromEntries([...groupBy(results, (r) => r.item.kind)].map(([k, v]) => [k, row(tally(v))])),
    byLanguage: Object.fromEntries([...groupBy(results, (r) => r.item.language)].map(([k, v]) => [k, row(tally(v))])),
    items: results.map((r) => ({ id: r.item.id, ...row(tally([r])) })),
    falsePositives: results.flatMap((r) =>
      r.flags
        .filter((f) => !f.correct)
        .map((f) => ({
          item: r.item.id,
          text: f.match.text,
          entity: f.match.entityName,
          matchType: f.match.matchType,
          evidence: f.match.evidence,
          trap: f.trap?.why ?? null,
        })),
    ),
    falseNegatives: results.flatMap((r) =>
      r.expected
        .filter((e) => !e.found)
        .map((e) => ({
          item: r.item.id,
          entity: e.expected.entity,
          text: e.expected.text,
          instead: e.diagnosis.map(describeDiagnosis),
        })),
    ),
  };
}
