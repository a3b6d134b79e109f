// The origin index (src/generated/origin-index.json): the settlement-localities list with its
// spellings by rule (src/core/origin-variants.ts) and the origin lexicon. Built with the
// company index by scripts/build-data.ts; the list is validated there with the other lists.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compileOriginIndex,
  type OriginIndex,
  type OriginLexiconRecord,
  type SourceLocality,
} from '../../src/core/origins';
import { LOCALITIES_LIST_ID } from './validate';

export function buildOriginIndex(root = process.cwd()): OriginIndex {
  const path = resolve(root, 'data/lists/settlement-localities-west-bank.json');
  const bytes = readFileSync(path);
  const json = JSON.parse(bytes.toString('utf8')) as {
    id: string;
    title: string;
    publisher: string;
    url: string;
    published: string | null;
    coverage_note: string;
    partial?: boolean;
    entries: SourceLocality[];
  };
  if (json.id !== LOCALITIES_LIST_ID) throw new Error(`${path}: expected the list "${LOCALITIES_LIST_ID}"`);
  const lexicon = JSON.parse(readFileSync(resolve(root, 'data/lexicon/origin-labels.json'), 'utf8')) as {
    records: OriginLexiconRecord[];
  };
  return compileOriginIndex(
    {
      meta: {
        id: json.id,
        title: json.title,
        publisher: json.publisher,
        url: json.url,
        published: json.published,
        coverageNote: json.coverage_note,
        partial: json.partial !== false,
        entryCount: json.entries.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
      entries: json.entries,
    },
    lexicon.records,
  );
}
