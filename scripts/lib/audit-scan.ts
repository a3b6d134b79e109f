// The precision audit's scan: every file of a folder (TED notices, eForms notices, HTML pages,
// OCDS, text) read by the CLI's own steps (decode, detect, blocks), matched by the same core,
// and reduced to what a reviewer judges:
//  - every distinct (entity, page text) pair at `flag` level, with one context line, the file,
//    how often it occurs and the rule that decided it;
//  - every distinct possible mark (what review mode paints), likewise;
//  - every mention of a listed name's distinctive token that produced neither, so a reviewer
//    sees what the matcher passed over.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeInput } from '../../src/cli/decode';
import { blocksFromInput } from '../../src/cli/inputs';
import type { Matcher } from '../../src/core/matcher';
import { normalizeName, tokenize } from '../../src/core/normalize';
import { scanPage } from '../../src/core/page';
import type { Match, TextBlock } from '../../src/core/types';

export interface AuditPair {
  /** Stable key of the pair: entity id and the normalised matched text. */
  key: string;
  entity: string;
  entityName: string;
  /** The matched page text, as first seen. */
  text: string;
  level: Match['level'];
  rule: string;
  count: number;
  files: string[];
  /** The block around the first occurrence, trimmed to about 160 characters. */
  context: string;
}

export interface AuditMention {
  /** The listed name's distinctive token, normalised. */
  token: string;
  /** Names of entities the token belongs to. */
  entities: string[];
  text: string;
  count: number;
  files: string[];
  context: string;
}

export interface AuditResult {
  files: number;
  unreadable: { file: string; error: string }[];
  flags: AuditPair[];
  possibles: AuditPair[];
  mentions: AuditMention[];
}

export function pairKey(entity: string, text: string): string {
  return `${entity}\u0000${normalizeName(text)}`;
}

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 70);
  const to = Math.min(text.length, end + 70);
  return `${from > 0 ? '…' : ''}${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to)}${to < text.length ? '…' : ''}`.replace(
    /\s+/g,
    ' ',
  );
}

/** Files of a folder (not recursive), sorted, with the URL an index gives each (file -> url). */
export function auditFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(xml|html?|json|txt|csv)$/i.test(f))
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Tokens that say a listed name may be meant: the single token of a one-word name and the
 * first token of a longer one, unless it is too short to tell anything by itself.
 */
function distinctiveTokens(matcher: Matcher): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const n of matcher.data.names) {
    const t = n.tokens[0];
    if (!t || t.length < 4 || /^\d+$/.test(t)) continue;
    const entity = matcher.entity(n.entity);
    if (!entity) continue;
    let set = out.get(t);
    if (!set) out.set(t, (set = new Set()));
    set.add(entity.displayName);
  }
  return out;
}

export function runAudit(
  matcher: Matcher,
  files: readonly string[],
  urls: ReadonlyMap<string, string> = new Map(),
): AuditResult {
  const flags = new Map<string, AuditPair>();
  const possibles = new Map<string, AuditPair>();
  const mentions = new Map<string, AuditMention>();
  const unreadable: AuditResult['unreadable'] = [];
  const tokens = distinctiveTokens(matcher);
  for (const file of files) {
    let blocks: TextBlock[];
    try {
      const { text } = decodeInput(readFileSync(file));
      blocks = blocksFromInput(file, text, urls.get(basename(file)) ?? null).blocks;
    } catch (e) {
      unreadable.push({ file: basename(file), error: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const scans = scanPage(matcher, blocks);
    scans.forEach((scan, b) => {
      const block = blocks[b];
      const covered: [number, number][] = [];
      for (const m of scan.matches) {
        covered.push([m.start, m.end]);
        const into = m.level === 'flag' ? flags : possibles;
        tally(into, pairKey(m.entity, m.text), basename(file), () => ({
          key: pairKey(m.entity, m.text),
          entity: m.entity,
          entityName: m.entityName,
          text: m.text,
          level: m.level,
          rule: m.rule,
          count: 0,
          files: [],
          context: contextOf(block.text, m.start, m.end),
        }));
      }
      for (const g of scan.guards) covered.push([g.start, g.end]);
      for (const t of tokenize(block.text)) {
        const entities = tokens.get(t.norm);
        if (!entities) continue;
        if (covered.some(([s, e]) => t.start < e && t.end > s)) continue;
        const raw = block.text.slice(t.start, t.end);
        tally(mentions, `${t.norm}\u0000${raw}`, basename(file), () => ({
          token: t.norm,
          entities: [...entities],
          text: raw,
          count: 0,
          files: [],
          context: contextOf(block.text, t.start, t.end),
        }));
      }
    });
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    files: files.length,
    unreadable,
    flags: [...flags.values()].sort(byCount),
    possibles: [...possibles.values()].sort(byCount),
    mentions: [...mentions.values()].sort(byCount),
  };
}

/** Counts one more occurrence under `key`, keeping the first context and up to five files. */
function tally<T extends { count: number; files: string[] }>(
  into: Map<string, T>,
  key: string,
  file: string,
  first: () => T,
): void {
  let row = into.get(key);
  if (!row) into.set(key, (row = first()));
  row.count++;
  if (row.files.length < 5 && !row.files.includes(file)) row.files.push(file);
}

/** file name -> URL, from an index TSV whose first column is the file and one column an http(s) URL. */
export function readUrlIndex(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    const url = cols.find((c) => /^https?:\/\//.test(c));
    if (cols[0] && url) out.set(cols[0], url.trim());
  }
  return out;
}
