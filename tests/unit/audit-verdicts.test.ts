// The reviewed precision audit on real text nobody here wrote: 1,711 TED notices, 66 eForms
// notices and 67 shop pages in ../shared/corpora (CI lays shared/ beside the clone). Every
// flagged pair and every possible mark was judged by a person (tests/audit/*.json). This
// fails when a pair judged wrong flags again, a pair judged right stops flagging, or a flag
// appears that nobody has reviewed (run `npm run audit -- --verdicts FILE` to see it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { auditFiles, readUrlIndex, runAudit } from '../../scripts/lib/audit-scan';
import { compare, readVerdicts } from '../../scripts/lib/audit-verdicts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const matcher = Matcher.fromData(
  JSON.parse(readFileSync(resolve(root, 'src/generated/compiled-lists.json'), 'utf8')) as CompiledData,
);

describe.each(['ted-notices', 'eforms-notices', 'product-pages'])('precision audit: %s', (corpus) => {
  const verdicts = readVerdicts(resolve(root, 'tests/audit', `${corpus}.json`));
  const dir = resolve(root, verdicts.dir);

  it('has its corpus beside the repository', () => {
    expect(existsSync(dir), `${dir} is missing: the audit needs ../shared/corpora`).toBe(true);
  });

  const run = () => {
    const files = auditFiles(dir);
    const result = runAudit(matcher, files, verdicts.index ? readUrlIndex(resolve(root, verdicts.index)) : new Map());
    return { files, result, comparison: compare(result, verdicts) };
  };
  const { files, result, comparison } = existsSync(dir) ? run() : { files: [], result: null, comparison: null };

  it('reads every file', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(result?.unreadable).toEqual([]);
  });

  it('flags no pair judged wrong', () => {
    expect(comparison?.wrongBack.map((v) => `${v.entity} <- ${v.text}`)).toEqual([]);
  });

  it('still flags every pair judged right', () => {
    expect(comparison?.rightGone.map((v) => `${v.entity} <- ${v.text}`)).toEqual([]);
  });

  it('has a verdict for every flag', () => {
    expect(comparison?.unreviewed.map((p) => `${p.entityName} <- ${p.text}: ${p.context}`)).toEqual([]);
  });

  it('meets the precision target over the reviewed flags', () => {
    expect(comparison?.precision).toBeGreaterThanOrEqual(0.98);
  });
});
