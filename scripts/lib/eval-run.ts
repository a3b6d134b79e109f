// One evaluation run over the corpus: compile the lists in data/ (so the run measures the
// data as it is now, without `npm run build:data`), build the matcher, score every item.
import { fileURLToPath } from 'node:url';
import { buildCompiledData } from '../build-data';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import {
  DEFAULT_CORPUS_DIR,
  loadItem,
  loadManifest,
  loadSnippets,
  validateManifest,
  type Manifest,
} from './eval-corpus';
import { evaluateItem, type ItemResult } from './eval-score';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface EvalRun {
  manifest: Manifest;
  data: CompiledData;
  /** Well-formedness problems of the manifest (see validateManifest). */
  problems: string[];
  results: ItemResult[];
}

export function runEvaluation(
  opts: { corpusDir?: string; data?: CompiledData; only?: ReadonlySet<string> } = {},
): EvalRun {
  const corpusDir = opts.corpusDir ?? DEFAULT_CORPUS_DIR;
  const data = opts.data ?? buildCompiledData(REPO_ROOT);
  const manifest = loadManifest(corpusDir);
  const problems = validateManifest(manifest, data, corpusDir);
  const matcher = Matcher.fromData(data);
  const snippets = loadSnippets(corpusDir);
  const results: ItemResult[] = [];
  for (const item of manifest.items) {
    if (opts.only && !opts.only.has(item.id)) continue;
    let loaded;
    try {
      loaded = loadItem(item, corpusDir, snippets);
    } catch {
      continue; // reported in problems
    }
    results.push(evaluateItem(matcher, loaded));
  }
  return { manifest, data, problems, results };
}
