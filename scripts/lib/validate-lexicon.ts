// Validation of the matching lexicon (data/lexicon/): each file against its JSON Schema, every
// record's source named in the file's sources, and every list entry a record points at
// present in the lists. Run by the build (scripts/build-data.ts) and the unit tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import lexiconSchema from '../../data/schema/lexicon.schema.json';
import headingsSchema from '../../data/schema/field-headings.schema.json';

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const validateLexicon = ajv.compile(lexiconSchema);
const validateHeadings = ajv.compile(headingsSchema);

interface EntryPointer {
  list: string;
  entry: string;
}

/** Problems found, one line each ("data/lexicon/titles.json: records[2].source: ..."); empty when valid. */
export function lexiconProblems(dir: string, lists: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const problems: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const path = join(dir, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const headings = file === 'field-headings.json';
    const validate = headings ? validateHeadings : validateLexicon;
    if (!validate(json)) {
      for (const err of validate.errors ?? []) problems.push(`${path}: ${err.instancePath || '/'} ${err.message}`);
      continue;
    }
    if (headings) continue;
    const lexicon = json as { sources: Record<string, unknown>; records: Record<string, unknown>[] };
    lexicon.records.forEach((r, i) => {
      if (!(String(r.source) in lexicon.sources)) {
        problems.push(`${path}: records[${i}].source "${String(r.source)}" is not one of the file's sources`);
      }
      for (const key of ['company', 'shadows'] as const) {
        const p = r[key] as EntryPointer | undefined;
        if (p && !lists.get(p.list)?.has(p.entry)) {
          problems.push(`${path}: records[${i}].${key}: no entry "${p.entry}" in list "${p.list}"`);
        }
      }
      if (typeof r.models === 'string') {
        try {
          new RegExp(r.models);
        } catch {
          problems.push(`${path}: records[${i}].models is not a regular expression`);
        }
      }
    });
  }
  return problems;
}
