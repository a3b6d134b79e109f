// `npm run audit -- DIR`: the precision audit. Scans every notice, page or data file in DIR
// with the CLI's own reading and the same matcher as the extension, and lists every distinct
// flagged (entity, text) pair with one context line and the rule that decided it, every
// possible mark (what review mode paints), and every mention of a listed name's distinctive
// token that produced neither.
//
//   npm run audit -- DIR [--index TSV] [--json] [--all]
//   npm run audit -- --verdicts tests/audit/ted-notices.json   (DIR and index from the file)
//
// With --verdicts it compares the run with the reviewed verdicts: precision over the
// reviewed pairs, wrong flags that came back, right flags that disappeared, flags nobody has
// reviewed; exit 1 when any of those is not empty.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Matcher } from '../src/core/matcher';
import type { CompiledData } from '../src/core/types';
import { auditFiles, readUrlIndex, runAudit, type AuditResult } from './lib/audit-scan';
import { compare, readVerdicts } from './lib/audit-verdicts';

const USAGE = 'usage: npm run audit -- DIR [--index TSV] [--json] [--all] | --verdicts FILE [--json]';

function main(argv: string[]): number {
  let dir: string | null = null;
  let index: string | null = null;
  let verdictsPath: string | null = null;
  let json = false;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--index' && argv[i + 1]) index = argv[++i];
    else if (a === '--verdicts' && argv[i + 1]) verdictsPath = argv[++i];
    else if (a === '--json') json = true;
    else if (a === '--all') all = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else if (!a.startsWith('-') && dir === null) dir = a;
    else {
      console.error(USAGE);
      return 2;
    }
  }
  const verdicts = verdictsPath ? readVerdicts(verdictsPath) : null;
  if (verdicts) {
    dir ??= resolve(verdicts.dir);
    if (verdicts.index) index ??= resolve(verdicts.index);
  }
  if (!dir || !existsSync(dir)) {
    console.error(dir ? `audit: no folder ${dir}` : USAGE);
    return 2;
  }
  const data = JSON.parse(readFileSync('src/generated/compiled-lists.json', 'utf8')) as CompiledData;
  const result = runAudit(Matcher.fromData(data), auditFiles(dir), index ? readUrlIndex(index) : new Map());
  if (result.files === 0) {
    console.error(`audit: no notices, pages or data files in ${dir}`);
    return 2;
  }
  const comparison = verdicts ? compare(result, verdicts) : null;
  if (json) {
    console.log(JSON.stringify({ ...result, comparison }, null, 2));
  } else {
    printReport(result, all);
    if (comparison) {
      console.log(
        `\nReviewed: ${comparison.right} right, ${comparison.wrong} wrong of ${result.flags.length} flagged pairs; precision ${(comparison.precision * 100).toFixed(1)}%`,
      );
      for (const v of comparison.wrongBack) console.log(`  WRONG FLAG BACK  ${v.entity} <- "${v.text}" (${v.why})`);
      for (const v of comparison.rightGone) console.log(`  RIGHT FLAG GONE  ${v.entity} <- "${v.text}" (${v.why})`);
      for (const p of comparison.unreviewed)
        console.log(`  NOT REVIEWED     ${p.entityName} <- "${p.text}" [${p.rule}] ${p.context}`);
      for (const v of comparison.missed) console.log(`  known miss       ${v.entity} <- "${v.text}" (${v.why})`);
    }
  }
  if (result.unreadable.length > 0) console.error(`audit: ${result.unreadable.length} file(s) could not be read`);
  if (comparison && (comparison.wrongBack.length || comparison.rightGone.length || comparison.unreviewed.length))
    return 1;
  return 0;
}

function printReport(r: AuditResult, all: boolean): void {
  console.log(
    `${r.files} files; ${r.flags.length} flagged pairs, ${r.possibles.length} possible marks, ${r.mentions.length} unflagged mentions`,
  );
  for (const u of r.unreadable) console.log(`UNREADABLE ${u.file}: ${u.error}`);
  const limit = all ? Infinity : 60;
  console.log('\nFLAGGED (count, entity, page text, rule, first file, context)');
  for (const p of r.flags)
    console.log(`${p.count}\t${p.entityName}\t${p.text}\t${p.rule}\t${p.files[0]}\t${p.context}`);
  console.log('\nPOSSIBLE MARKS (shown only in review mode)');
  for (const p of r.possibles)
    console.log(`${p.count}\t${p.entityName}\t${p.text}\t${p.rule}\t${p.files[0]}\t${p.context}`);
  console.log(`\nUNFLAGGED MENTIONS${all ? '' : ' (most frequent 60; --all for every one)'}`);
  for (const m of r.mentions.slice(0, limit))
    console.log(`${m.count}\t${m.entities.join(' / ')}\t${m.text}\t${m.files[0]}\t${m.context}`);
}

process.exitCode = main(process.argv.slice(2));
