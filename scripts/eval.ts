// `npm run eval`: precision and recall of flag-level matches on the labelled corpus in
// tests/corpus/ (expected.json), with every false positive and false negative and what
// the matcher did instead. Exit code 0 whatever the scores; `--check` exits 1 when the
// targets (precision >= 0.98, recall >= 0.95) are not met or the manifest is malformed.
//
//   npm run eval                     report
//   npm run eval -- --check          report, exit 1 below target
//   npm run eval -- --json           machine-readable summary
//   npm run eval -- --item ID ...    only these items (repeatable)
//   npm run eval -- --verbose        also every match and guard per item
import { evalOrigins, formatOriginEval } from './lib/eval-origins';
import { runEvaluation } from './lib/eval-run';
import { formatReport, jsonReport } from './lib/eval-report';
import { meetsTargets, tally } from './lib/eval-score';

const USAGE = 'usage: npm run eval -- [--check] [--json] [--verbose] [--item ID]...';

function main(argv: string[]): number {
  let check = false;
  let json = false;
  let verbose = false;
  const only = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--json') json = true;
    else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--item' && argv[i + 1]) only.add(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`eval: unknown argument "${a}"\n${USAGE}`);
      return 2;
    }
  }

  const run = runEvaluation({ only: only.size > 0 ? only : undefined });
  if (only.size > 0) {
    const missing = [...only].filter((id) => !run.results.some((r) => r.item.id === id));
    if (missing.length > 0)
      console.error(`eval: no item ${missing.map((m) => `"${m}"`).join(', ')} in tests/corpus/expected.json`);
  }
  if (json) {
    console.log(JSON.stringify({ problems: run.problems, ...(jsonReport(run.results) as object) }, null, 2));
  } else {
    if (run.problems.length > 0) {
      console.log(`Corpus problems (${run.problems.length}): fix tests/corpus/expected.json`, '');
      for (const p of run.problems) console.log(`  ${p}`);
      console.log('');
    }
    console.log(formatReport(run.results, { verbose }));
    console.log('');
    console.log(formatOriginEval(evalOrigins()));
  }
  if (!check) return 0;
  return run.problems.length === 0 && meetsTargets(tally(run.results)) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
