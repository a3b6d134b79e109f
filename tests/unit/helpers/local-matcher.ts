// The page scanner's matcher without a background: the core matcher in the same context,
// answering after a microtask as the background answers after a message.
import originIndex from '../../../src/generated/origin-index.json';
import { Matcher } from '../../../src/core/matcher';
import { OriginMatcher, type OriginIndex } from '../../../src/core/origins';
import type { CompiledData } from '../../../src/core/types';
import type { BlockMatcher } from '../../../src/content/block-matcher';
import { originsOf } from '../../../src/core/origin-findings';

let origins: OriginMatcher | null = null;

/** A matcher for `data` with `enabledLists` switched on (all when omitted). */
export function localMatcher(data: CompiledData, enabledLists?: ReadonlySet<string>): BlockMatcher {
  const matcher = Matcher.fromData(data, { enabledLists: enabledLists ?? null });
  return {
    key: enabledLists ? [...enabledLists].sort().join('\n') : '*',
    scanBlocks: async (blocks) =>
      blocks.map((b) => {
        const scan = matcher.scanBlock(b);
        return scan.matches.length > 0 || scan.guards.length > 0 ? scan : null;
      }),
    findOrigins: async (contexts) => {
      origins ??= new OriginMatcher(originIndex as unknown as OriginIndex);
      return originsOf(contexts, origins);
    },
  };
}
