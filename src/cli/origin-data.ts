// The origin matcher of the CLI, from the origin index bundled with it.
import originIndex from '../generated/origin-index.json';
import { OriginMatcher, type OriginIndex } from '../core/origins';

let matcher: OriginMatcher | null = null;

export function cliOriginMatcher(): OriginMatcher {
  matcher ??= new OriginMatcher(originIndex as unknown as OriginIndex);
  return matcher;
}
