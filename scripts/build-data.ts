// Validate the lists in data/ and compile them into src/generated/compiled-lists.json,
// the structure the matcher loads. A malformed list fails the build with a message that
// names the file, the entry and the field (scripts/lib/validate.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadCorporateLinks, loadListFiles, NOT_FOR_FLAGGING } from './lib/load-lists';
import { loadDictionaries } from './lib/common-words';
import { normalizeName } from '../src/core/normalize';
import { compileLists, type SourceGuard, type SourceList, type SourceListFile } from '../src/core/compile';

export function buildCompiledData(root = process.cwd()) {
  const files = loadListFiles(resolve(root, 'data/lists'));
  const lists = files.filter((f) => !NOT_FOR_FLAGGING.has(f.json.id));
  const links = loadCorporateLinks(resolve(root, 'data/corporate-links.json'), files);
  const weak = JSON.parse(readFileSync(resolve(root, 'data/curation/weak-names.json'), 'utf8')) as {
    names: { name: string }[];
  };
  const sources: SourceListFile[] = lists.map((f) => ({
    list: f.json as unknown as SourceList,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
    origin: 'bundled',
  }));
  const guards: SourceGuard[] = links.json.not_related.map((r) => ({
    name: r.name,
    notTheSameAs: r.not_the_same_as,
    list: r.list,
    reason: r.reason,
    sourceUrl: r.source_url,
  }));
  const { common, properNouns } = loadDictionaries();
  return compileLists(sources, guards, {
    // Plurals count too: the dictionaries hold stems ("archivist" for "Archivists").
    isCommonWord: (t) => common.has(t) || (t.endsWith('s') && common.has(t.slice(0, -1))),
    isKnownName: (t) => properNouns.has(t),
    weakNames: new Set(weak.names.map((n) => normalizeName(n.name))),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  const data = buildCompiledData();
  const out = resolve('src/generated/compiled-lists.json');
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(data);
  writeFileSync(out, json);
  const weak = data.names.filter((n) => n.strength === 'weak').length;
  console.log(
    `compiled ${data.lists.length} lists, ${data.entities.length} entities, ${data.names.length} names ` +
      `(${weak} weak), ${data.guards.length} look-alike guards -> ${out} (${(json.length / 1024).toFixed(0)} KiB, ` +
      `${(performance.now() - t0).toFixed(0)} ms)`,
  );
}
