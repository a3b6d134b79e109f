// The matcher of every tab: the match index is parsed here once, on the first request after
// the background starts, and content scripts ask for their pages' blocks to be matched.
// Holds the bundled lists merged with the user's imported lists, and a matcher per choice
// of lists in use (a few at most: tabs opened before a settings change still ask with the
// old choice until they rescan).
import matchIndexText from '../generated/match-index.json?raw';
import originIndexText from '../generated/origin-index.json?raw';
import { Matcher, type BlockScan, type ScanSeen } from '../core/matcher';
import { OriginMatcher, opensOriginRow, type OriginIndex } from '../core/origins';
import type { CompiledData } from '../core/types';
import { browser } from '../shared/browser';
import { disabledListIds, loadSettings } from '../shared/settings';
import { USER_DATA_REVISION_KEY } from '../shared/user-data/changes';
import { getImportedCompiled } from '../shared/user-data/imported-lists';
import { mergeCompiledData } from '../shared/user-data/merge';
import {
  fromWireBatch,
  type ListChoice,
  type MatchBlocksReply,
  type MatchBlocksRequest,
  type MatchOriginsReply,
  type MatchRequest,
} from '../shared/match-messages';
import type { OriginContextOnPage } from '../core/origin-report';
import { originsOf } from '../core/origin-findings';

const MATCHERS_KEPT = 4;

interface ListData {
  revision: string | null;
  data: Promise<CompiledData>;
  matchers: Map<string, Promise<Matcher>>;
}

let bundled: CompiledData | null = null;
let current: ListData | null = null;
let originMatcher: OriginMatcher | null = null;

function bundledData(): CompiledData {
  bundled ??= JSON.parse(matchIndexText) as CompiledData;
  return bundled;
}

/** Bundled plus imported lists; the bundled ones alone when the imported ones cannot be read. */
async function loadListData(forget: () => void): Promise<CompiledData> {
  const base = bundledData();
  try {
    return mergeCompiledData(base, await getImportedCompiled());
  } catch (err) {
    console.warn('Settlement Screen: matching with the bundled lists only; imported lists unavailable', err);
    // Read them again on the next request rather than keep the bundled ones for good.
    forget();
    return base;
  }
}

function listDataFor(revision: string | null): ListData {
  if (current && current.revision === revision) return current;
  const entry: ListData = {
    revision,
    matchers: new Map(),
    data: loadListData(() => {
      if (current === entry) current = null;
    }),
  };
  current = entry;
  return entry;
}

/**
 * The matcher for a choice of lists, built once: the background's own warm-up and the first
 * pages' requests arrive together and share the one being built.
 */
function matcherFor(choice: ListChoice): Promise<Matcher> {
  const entry = listDataFor(choice.revision);
  const key = [...choice.disabled].sort().join('\n');
  let matcher = entry.matchers.get(key);
  if (!matcher) {
    const off = new Set(choice.disabled);
    matcher = entry.data.then((data) =>
      Matcher.fromData(data, { enabledLists: new Set(data.lists.map((l) => l.id).filter((id) => !off.has(id))) }),
    );
    if (entry.matchers.size >= MATCHERS_KEPT) entry.matchers.delete(entry.matchers.keys().next().value as string);
    entry.matchers.set(key, matcher);
  }
  return matcher;
}

function originMatcherNow(): OriginMatcher {
  originMatcher ??= new OriginMatcher(JSON.parse(originIndexText) as OriginIndex);
  return originMatcher;
}

export async function answerMatchRequest(request: MatchRequest): Promise<MatchBlocksReply | MatchOriginsReply> {
  if (request.type === 'match-blocks') return answerMatchBlocks(request);
  try {
    return { ok: true, origins: matchOrigins(request.contexts) };
  } catch (err) {
    console.warn('Settlement Screen: could not match', err);
    return { ok: false };
  }
}

export async function answerMatchBlocks(request: MatchBlocksRequest): Promise<MatchBlocksReply> {
  try {
    const matcher = await matcherFor(request.lists);
    const found: [number, BlockScan][] = [];
    const seen: ScanSeen = { named: false };
    const blocks = fromWireBatch(request.batch);
    blocks.forEach((b, i) => {
      const scan = matcher.scanBlock({ text: b.text, field: b.field, lang: b.lang }, request.readerHints && seen);
      if (scan.matches.length > 0 || scan.guards.length > 0) found.push([i, scan]);
    });
    if (!request.readerHints) return { ok: true, found };
    return {
      ok: true,
      found,
      needsReader: seen.named || blocks.some((b) => opensOriginRow(b.text, originMatcherNow())),
    };
  } catch (err) {
    console.warn('Settlement Screen: could not match', err);
    return { ok: false };
  }
}

function matchOrigins(contexts: readonly OriginContextOnPage[]) {
  return originsOf(contexts, originMatcherNow());
}

/**
 * Builds the matcher the pages will most likely ask for as soon as the background starts, so
 * the first blocks a tab sends wait only for their own matching, not for the index to be
 * parsed and the imported lists read.
 */
export async function warmUp(): Promise<void> {
  try {
    const [settings, stored] = await Promise.all([loadSettings(), browser.storage.local.get(USER_DATA_REVISION_KEY)]);
    const value = (stored as Record<string, unknown>)[USER_DATA_REVISION_KEY];
    await matcherFor({ disabled: disabledListIds(settings), revision: typeof value === 'string' ? value : null });
  } catch (err) {
    console.debug('Settlement Screen: could not prepare the matcher ahead of the pages', err);
  }
}
