// The compiled lists, bundled into the CLI at build time (scripts/build-cli.ts), so the
// CLI screens against exactly the data the extension ships. Imported lazily: `--help`
// does not parse the whole compiled data, and tests can import the CLI with their own data.
import { Matcher } from '../core/matcher';
import type { CompiledData } from '../core/types';

let matcher: Promise<Matcher> | null = null;

export function defaultMatcher(): Promise<Matcher> {
  matcher ??= import('../generated/compiled-lists.json').then((m) =>
    Matcher.fromData(m.default as unknown as CompiledData),
  );
  return matcher;
}
