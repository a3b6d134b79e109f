// The labelled evaluation corpus (tests/corpus/): manifest types, loading, and the
// well-formedness checks shared by `npm run eval` and tests/unit/eval-corpus.test.ts.
// Expectations are a careful human screener's reading of each item, never the matcher's
// output: a disagreement is a finding, so nothing here consults the matcher.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledData, TextBlock } from '../../src/core/types';
import { blocksForSource, type ItemSource } from './eval-blocks';
import { findOccurrences, overlaps, type Span } from './eval-text';

export const LANGUAGES = ['nl', 'fr', 'en', 'de', 'es'] as const;
/**
 * Other EU languages, allowed on real items (copied from notices and pages in those languages).
 * The per-language coverage rule (tests/unit/eval-corpus.test.ts) applies to LANGUAGES only.
 */
export const OTHER_LANGUAGES = [
  'bg',
  'cs',
  'da',
  'el',
  'et',
  'fi',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
] as const;
export const KINDS = ['procurement', 'webshop', 'prose'] as const;
export type Language = (typeof LANGUAGES)[number] | (typeof OTHER_LANGUAGES)[number];
export type Kind = (typeof KINDS)[number];

/** A listed company the page names: `entity` is the display name the matcher reports as entityName. */
export interface ExpectedFlag {
  entity: string;
  /** Page text (visible) that names it; any flag of that entity overlapping an occurrence counts. */
  text: string;
  note?: string;
}

/** Text that must NOT be flagged, with the reason a screener would give. */
export interface Trap {
  text: string;
  why: string;
}

/** A mention a screener would only review (contested or weakly sourced link): must not be a flag. */
export interface ExpectedPossible {
  entity: string;
  text: string;
  why: string;
}

export interface CorpusItem {
  id: string;
  language: Language;
  kind: Kind;
  /** `pages/x.html`, `data/x.json`, `real/x.xml` (relative to tests/corpus) or `snippets.json#<key>`. */
  file?: string;
  /** Inline plain text (each line a block), instead of `file`. */
  text?: string;
  /** The page's URL, passed to the page-to-blocks step like the CLI's --url. */
  url?: string;
  /** Real third-party content (see tests/corpus/SOURCES.md) rather than an authored example. */
  real?: boolean;
  /**
   * Where a real item's text was copied from (file, and for TED notices the origin path of
   * the index TSV); mainly for inline `text` items. Details in tests/corpus/SOURCES.md.
   */
  source?: string;
  note?: string;
  flags: ExpectedFlag[];
  traps: Trap[];
  possible?: ExpectedPossible[];
}

export interface Manifest {
  note?: string;
  items: CorpusItem[];
}

/** An item with its text split into blocks exactly as the CLI would. */
export interface LoadedItem {
  item: CorpusItem;
  /** The source as stored (HTML with hidden parts, JSON, plain text). */
  raw: string;
  blocks: TextBlock[];
  /** What the CLI took the input for: html, text, or a data-file format (ocds, ted-...). */
  format: string;
}

export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL('../../tests/corpus', import.meta.url));

export function loadManifest(corpusDir = DEFAULT_CORPUS_DIR): Manifest {
  return JSON.parse(readFileSync(join(corpusDir, 'expected.json'), 'utf8')) as Manifest;
}

export function loadSnippets(corpusDir = DEFAULT_CORPUS_DIR): Record<string, string | string[]> {
  const path = join(corpusDir, 'snippets.json');
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string | string[]>;
}

/** Where an item's text comes from; throws with the item id when it cannot be found. */
export function itemSource(
  item: CorpusItem,
  corpusDir: string,
  snippets: Record<string, string | string[]>,
): ItemSource {
  if (item.text !== undefined) return { kind: 'text', text: item.text };
  if (item.file === undefined) throw new Error(`${item.id}: neither "file" nor "text"`);
  const hash = item.file.indexOf('#');
  if (hash >= 0) {
    const key = item.file.slice(hash + 1);
    const value = snippets[key];
    if (value === undefined) throw new Error(`${item.id}: no snippet "${key}" in snippets.json`);
    return { kind: 'text', text: Array.isArray(value) ? value.join('\n') : value };
  }
  const path = join(corpusDir, item.file);
  if (!existsSync(path)) throw new Error(`${item.id}: file ${item.file} does not exist`);
  return { kind: 'file', name: item.file, bytes: readFileSync(path) };
}

export function loadItem(item: CorpusItem, corpusDir: string, snippets: Record<string, string | string[]>): LoadedItem {
  const source = itemSource(item, corpusDir, snippets);
  const { raw, blocks, format } = blocksForSource(source, item.url ?? null);
  // The item's language stands for what a page declares (<html lang>) where the input
  // itself does not say it: plain-text snippets, pages without a lang attribute.
  return { item, raw, blocks: blocks.map((b) => (b.lang ? b : { ...b, lang: item.language })), format };
}

/** Every occurrence of `text` in the item's visible blocks. */
export function visibleOccurrences(loaded: LoadedItem, text: string): Span[] {
  return findOccurrences(loaded.blocks, text);
}

/**
 * Problems that make the manifest unusable or its expectations unverifiable: missing
 * files, unknown entity names, expected text not on the page, traps not in the item,
 * traps overlapping an expected name, orphan corpus files. Empty when well-formed.
 */
export function validateManifest(manifest: Manifest, data: CompiledData, corpusDir = DEFAULT_CORPUS_DIR): string[] {
  const problems: string[] = [];
  const entityNames = new Set(data.entities.map((e) => e.displayName));
  const snippets = loadSnippets(corpusDir);
  const ids = new Set<string>();
  const usedFiles = new Set<string>();
  const usedSnippets = new Set<string>();

  if (!Array.isArray(manifest.items) || manifest.items.length === 0) return ['expected.json: "items" is empty'];
  for (const item of manifest.items) {
    const at = `item "${item.id}"`;
    if (typeof item.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(item.id))
      problems.push(`${at}: id must be lower-case letters, digits and dashes`);
    if (ids.has(item.id)) problems.push(`${at}: duplicate id`);
    ids.add(item.id);
    if ((OTHER_LANGUAGES as readonly string[]).includes(item.language)) {
      if (!item.real) problems.push(`${at}: language "${item.language}" is only allowed on real items`);
    } else if (!(LANGUAGES as readonly string[]).includes(item.language))
      problems.push(
        `${at}: language "${item.language}" is not one of ${LANGUAGES.join(', ')} (or, on real items, ${OTHER_LANGUAGES.join(', ')})`,
      );
    if (!(KINDS as readonly string[]).includes(item.kind))
      problems.push(`${at}: kind "${item.kind}" is not one of ${KINDS.join(', ')}`);
    if ((item.file === undefined) === (item.text === undefined))
      problems.push(`${at}: needs exactly one of "file" and "text"`);
    if (!Array.isArray(item.flags)) problems.push(`${at}: "flags" must be an array`);
    if (!Array.isArray(item.traps)) problems.push(`${at}: "traps" must be an array`);
    if (item.file !== undefined) {
      const hash = item.file.indexOf('#');
      if (hash >= 0) usedSnippets.add(item.file.slice(hash + 1));
      else usedFiles.add(item.file);
    }

    let loaded: LoadedItem;
    try {
      loaded = loadItem(item, corpusDir, snippets);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }

    const expectedSpans: Span[] = [];
    const named = [
      ...(item.flags ?? []).map((f) => ({ ...f, what: 'flag' })),
      ...(item.possible ?? []).map((p) => ({ ...p, what: 'possible' })),
    ];
    for (const f of named) {
      if (!entityNames.has(f.entity))
        problems.push(`${at}: ${f.what} entity "${f.entity}" is not the display name of any compiled entity`);
      if (typeof f.text !== 'string' || f.text.trim() === '') {
        problems.push(`${at}: ${f.what} for "${f.entity}" has no text`);
        continue;
      }
      const occ = visibleOccurrences(loaded, f.text);
      if (occ.length === 0)
        problems.push(`${at}: ${f.what} text "${f.text}" does not occur in the item's visible text`);
      expectedSpans.push(...occ);
    }
    for (const p of item.possible ?? []) {
      if (!p.why) problems.push(`${at}: possible "${p.text}" has no "why"`);
    }

    for (const t of item.traps ?? []) {
      if (typeof t.text !== 'string' || t.text.trim() === '') {
        problems.push(`${at}: a trap has no text`);
        continue;
      }
      if (!t.why) problems.push(`${at}: trap "${t.text}" has no "why"`);
      const occ = visibleOccurrences(loaded, t.text);
      const inRaw = findOccurrences([{ text: loaded.raw, field: null }], t.text).length > 0;
      if (occ.length === 0 && !inRaw) problems.push(`${at}: trap text "${t.text}" does not occur in the item`);
      for (const o of occ) {
        if (expectedSpans.some((e) => overlaps(e, o))) {
          problems.push(
            `${at}: trap "${t.text}" overlaps an expected flag or possible text; make one of them more specific`,
          );
          break;
        }
      }
    }
  }

  for (const key of Object.keys(snippets)) {
    if (!usedSnippets.has(key)) problems.push(`snippets.json: snippet "${key}" is not used by any item`);
  }
  for (const dir of ['pages', 'data', 'real']) {
    const abs = join(corpusDir, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs)) {
      const rel = relative(corpusDir, join(abs, f));
      if (!usedFiles.has(rel)) problems.push(`${rel}: not used by any item in expected.json`);
    }
  }
  return problems;
}
