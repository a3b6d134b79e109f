// The origin matcher of the content script. The index comes in as text and is parsed on the
// first full scan: evaluated as an object literal it would cost every page's start-up its
// whole size, even pages without a product.
import indexText from '../generated/origin-index.json?raw';
import { OriginMatcher, type OriginIndex } from '../core/origins';

let matcher: OriginMatcher | null = null;

export function contentOriginMatcher(): OriginMatcher {
  matcher ??= new OriginMatcher(JSON.parse(indexText) as OriginIndex);
  return matcher;
}
