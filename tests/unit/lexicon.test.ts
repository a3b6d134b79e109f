// The matching lexicon (data/lexicon/) is valid, every record names its source, and the
// validator catches a broken file.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconProblems } from '../../scripts/lib/validate-lexicon';

const DIR = new URL('../../data/lexicon/', import.meta.url).pathname;
const lists = new Map<string, Set<string>>();
for (const f of readdirSync(new URL('../../data/lists/', import.meta.url).pathname)) {
  const j = JSON.parse(readFileSync(new URL(`../../data/lists/${f}`, import.meta.url), 'utf8')) as {
    id: string;
    entries: { name: string }[];
  };
  lists.set(j.id, new Set(j.entries.map((e) => e.name)));
}

function brokenCopy(file: string, edit: (json: { records: Record<string, unknown>[] }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  copyFileSync(join(DIR, file), join(dir, file));
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { records: Record<string, unknown>[] };
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

describe('data/lexicon', () => {
  it('is valid against its schemas, with a source for every record', () => {
    expect(lexiconProblems(DIR, lists)).toEqual([]);
  });

  it('refuses a record without a source', () => {
    const dir = brokenCopy('titles.json', (j) => delete j.records[0].source);
    expect(lexiconProblems(dir, lists).join('\n')).toMatch(
      /titles\.json: \/records\/0 must have required property 'source'/,
    );
  });

  it('refuses a source that the file does not list', () => {
    const dir = brokenCopy('role-markers.json', (j) => (j.records[0].source = 'nowhere'));
    expect(lexiconProblems(dir, lists).join('\n')).toMatch(/"nowhere" is not one of the file's sources/);
  });

  it('refuses a pointer to a list entry that does not exist', () => {
    const dir = brokenCopy('product-lines.json', (j) => {
      j.records[0].company = { list: 'dbio-2024', entry: 'No Such Company' };
    });
    expect(lexiconProblems(dir, lists).join('\n')).toMatch(/no entry "No Such Company" in list "dbio-2024"/);
  });

  it('refuses a legal form that is not written normalised', () => {
    const dir = brokenCopy('legal-forms.json', (j) => (j.records[0].form = 'Ltd.'));
    expect(lexiconProblems(dir, lists).length).toBeGreaterThan(0);
  });
});
