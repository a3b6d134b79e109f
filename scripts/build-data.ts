// Validate the lists in data/ and compile them into src/generated/compiled-lists.json,
// the structure the matcher loads. A malformed list fails the build with a message that
// names the file, the entry and the field (scripts/lib/validate.ts). The code generated from
// the data schemas (types, the imported-list validator) is written first.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadCorporateLinks, loadCurationFiles, loadListFiles, NOT_FOR_FLAGGING } from './lib/load-lists';
import { writeSchemaCode } from './lib/schema-code';
import { loadDictionaries } from './lib/common-words';
import { lexiconProblems } from './lib/validate-lexicon';
import { buildOriginIndex } from './lib/build-origins';
import { normalizeName, tokenize } from '../src/core/normalize';
import { compileLists, type SourceGuard, type SourceLink, type SourceListFile } from '../src/core/compile';
import type { CompiledData } from '../src/core/types';
import type { SourceProductLine } from '../src/core/compile';
import publicBodies from '../data/lexicon/public-bodies.json';
import productLinesFile from '../data/lexicon/product-lines.json';
import { HEADING_RECORDS } from '../src/formats/page/fields/heading-records';
import { compileHeadingTables } from '../src/formats/page/fields/heading-tables';
import { siteDomains } from '../src/formats/page/sites';

export function buildCompiledData(root = process.cwd()) {
  const files = loadListFiles(resolve(root, 'data/lists'));
  const entries = new Map(files.map((f) => [f.json.id, new Set(f.json.entries.map((e) => e.name))]));
  const problems = lexiconProblems(resolve(root, 'data/lexicon'), entries);
  if (problems.length > 0) throw new Error(`data/lexicon is not valid:\n${problems.join('\n')}`);
  const lists = files.filter((f) => !NOT_FOR_FLAGGING.has(f.json.id));
  const links = loadCorporateLinks(resolve(root, 'data/corporate-links.json'), files);
  const curation = loadCurationFiles(resolve(root, 'data/curation'), files, links);
  const sources: SourceListFile[] = lists.map((f) => ({
    list: f.json,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
    origin: 'bundled',
  }));
  const guards: SourceGuard[] = [
    ...[...links.json.not_related, ...curation.notRelatedExtra.not_related].map((r) => ({
      name: r.name,
      notTheSameAs: r.not_the_same_as,
      list: r.list,
      reason: r.reason,
      sourceUrl: r.source_url,
    })),
    ...publicBodyGuards(),
  ];
  const linkStatus = new Map(curation.linkStatus.links.map((x) => [`${x.name}\u0000${x.listed_entity}`, x]));
  const sourceLinks: SourceLink[] = links.json.links.map((l) => {
    const st = linkStatus.get(`${l.name}\u0000${l.listed_entity}`);
    return {
      name: l.name,
      relation: l.relation,
      listedEntity: l.listed_entity,
      list: l.list,
      sourceUrl: l.source_url,
      quote: l.source_quote,
      asOf: l.as_of,
      note: l.note ?? null,
      status: st?.status ?? 'current',
      statusNote: st?.why ?? null,
    };
  });
  const nameTokens = new Set<string>();
  for (const f of lists) {
    for (const e of f.json.entries)
      for (const n of [e.name, ...e.aliases]) for (const t of tokenize(n)) nameTokens.add(t.norm);
  }
  for (const l of sourceLinks) for (const t of tokenize(l.name)) nameTokens.add(t.norm);
  for (const r of productLinesFile.records) for (const t of tokenize(r.brand)) nameTokens.add(t.norm);
  const { common, properNouns, languages, commonIn } = loadDictionaries(nameTokens);
  return compileLists(
    sources,
    guards,
    {
      // Plurals count too: the dictionaries hold stems ("archivist" for "Archivists").
      isCommonWord: (t) => common.has(t) || (t.endsWith('s') && common.has(t.slice(0, -1))),
      isWidelyCommonWord: (t) => (languages.get(t) ?? 0) >= 2,
      isKnownName: (t) => properNouns.has(t),
      weakNames: new Set(curation.weakNames.names.map((n) => normalizeName(n.name))),
      commonIn,
      publicBodyAcronyms: publicBodyAcronyms(),
      productLines: productLines(),
    },
    sourceLinks,
  );
}

/** CompiledData without the display texts: what the matcher needs and nothing more. */
export function leanIndex(data: CompiledData): CompiledData {
  return {
    ...data,
    lists: data.lists.map((l) => ({ ...l, title: '', coverageNote: '', url: '', publisher: '' })),
    entities: data.entities.map((e) => ({
      ...e,
      entries: e.entries.map((r) => ({
        ...r,
        criteria: [],
        rationale: '',
        sourceUrl: '',
        response: null,
        country: null,
        // Dates, notes and history are for the popup and the exports, which read the full data.
        history: [],
        recommendedOn: [],
        statusNote: null,
        revokedBy: null,
        note: null,
      })),
    })),
    names: data.names.map((n) => (n.link ? { ...n, link: { ...n.link, quote: '', sourceUrl: '', note: null } } : n)),
    guards: data.guards.map((g) => ({ ...g, reason: '', sourceUrl: '', recordName: '' })),
  };
}

/** Public registers and bodies whose names contain a listed name: look-alikes that stay clear. */
function publicBodyGuards(): SourceGuard[] {
  return publicBodies.records.flatMap((r) =>
    r.names.map((name) => ({
      name,
      notTheSameAs: r.shadows.entry,
      list: r.shadows.list,
      reason: `${r.names[0]} is a public body${r.country ? ` (${r.country})` : ''}, not the listed company "${r.shadows.entry}".`,
      sourceUrl: sourceUrl(publicBodies.sources, r.source),
      publicBody: true,
    })),
  );
}

function publicBodyAcronyms(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of publicBodies.records) {
    if (!('acronym' in r) || !r.acronym) continue;
    out.set(r.acronym, [...new Set([...(out.get(r.acronym) ?? []), r.language])]);
  }
  return out;
}

function productLines(): SourceProductLine[] {
  return productLinesFile.records.map((r) => ({
    brand: r.brand,
    company: 'company' in r && r.company ? r.company : null,
    otherCompany: 'other_company' in r && r.other_company ? r.other_company : null,
    line: r.line,
    models: r.models,
    words: r.words,
    sourceUrl: sourceUrl(productLinesFile.sources, r.source),
  }));
}

function sourceUrl(sources: Record<string, { url: string }>, key: string): string {
  const s = sources[key];
  if (!s) throw new Error(`data/lexicon: source "${key}" is not in the file's sources`);
  return s.url;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t0 = performance.now();
  console.log(`generated from data/schema: ${writeSchemaCode().join(', ')}`);
  const data = buildCompiledData();
  const out = resolve('src/generated/compiled-lists.json');
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(data);
  writeFileSync(out, json);
  // The background matches for every tab: it loads a lean copy without the texts only
  // the popup shows (rationales, criteria, sources). Same shape, same name ids.
  const lean = JSON.stringify(leanIndex(data));
  writeFileSync(resolve('src/generated/match-index.json'), lean);
  const weak = data.names.filter((n) => n.strength === 'weak').length;
  console.log(
    `compiled ${data.lists.length} lists, ${data.entities.length} entities, ${data.names.length} names ` +
      `(${weak} weak), ${data.guards.length} look-alike guards -> ${out} (${(json.length / 1024).toFixed(0)} KiB, ` +
      `${(performance.now() - t0).toFixed(0)} ms); matching index ${(lean.length / 1024).toFixed(0)} KiB`,
  );
  // Origin findings (a kind of their own) read the localities list through their own index.
  const origins = buildOriginIndex();
  writeFileSync(resolve('src/generated/origin-index.json'), JSON.stringify(origins));
  // Content scripts read a page's rows with the labels alone; the places stay in the background.
  writeFileSync(resolve('src/generated/origin-labels.json'), JSON.stringify(origins.labels));
  // Content scripts read headings with the compiled tables: no sources, already normalised.
  writeFileSync(resolve('src/generated/heading-tables.json'), JSON.stringify(compileHeadingTables(HEADING_RECORDS)));
  // ... and the supported sites' domains by kind, without the adapters (they load with the page reader).
  writeFileSync(resolve('src/generated/site-domains.json'), JSON.stringify(siteDomains()));
  console.log(`compiled the origin index: ${origins.places.length} places, ${origins.names.length} spellings`);
}
