// The site adapters, picked by the page URL. The generic field detection runs on every
// site; an adapter adds what only its site's structure says (src/formats/page/fields/).
// The adapters are the one list of supported sites: the manifest's content script hosts
// (vite.config.ts, manifestMatches) and the kinds of site (src/shared/site-kinds.ts, through
// src/generated/site-domains.json) come from them.
// To add a site: sites/<id>.ts (kind, domains, hosts, "## Test URLs"), tests/fixtures/sites/<id>.html, ADAPTERS below.
import { albertHeijn } from './albert-heijn';
import { amazon } from './amazon';
import { beEprocurement } from './be-eprocurement';
import { boamp } from './boamp';
import { bol } from './bol';
import { carrefour } from './carrefour';
import { colruyt } from './colruyt';
import { contractsFinder } from './contracts-finder';
import { delhaize } from './delhaize';
import { findATender } from './find-a-tender';
import { leclercDrive } from './leclerc-drive';
import { mercell } from './mercell';
import { ted } from './ted';
import { tenderned } from './tenderned';
import { hostIn, type SiteAdapter } from './types';

export type { SiteAdapter, SiteKind } from './types';

export const ADAPTERS: readonly SiteAdapter[] = [
  ted,
  beEprocurement,
  tenderned,
  mercell,
  boamp,
  findATender,
  contractsFinder,
  amazon,
  bol,
  leclercDrive,
  albertHeijn,
  colruyt,
  delhaize,
  carrefour,
];

/** The adapter for `url`, or null (unknown site, file without a URL). */
export function adapterFor(url: URL | null): SiteAdapter | null {
  if (!url) return null;
  return ADAPTERS.find((a) => hostIn(url, a.domains)) ?? null;
}

// An adapter's host: https only (the supported sites send plain http on to https), one
// lower-case host or `*.` and a domain, and every path on it.
const HOST_PATTERN = /^https:\/\/(?:\*\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\/\*$/;

/** The host (or, for `*.`, the domain) a match pattern names, or null when an adapter may not declare it. */
export function patternHost(pattern: string): string | null {
  return HOST_PATTERN.exec(pattern)?.[1] ?? null;
}

/**
 * The manifest's `content_scripts[0].matches`: every adapter's hosts, sorted and without
 * duplicates. Throws on a host that is no plain https pattern or lies outside its adapter's
 * domains, so a wrong adapter stops the build instead of widening what the extension reads.
 */
export function manifestMatches(adapters: readonly SiteAdapter[] = ADAPTERS): string[] {
  const out = new Set<string>();
  for (const a of adapters) {
    for (const pattern of a.hosts) {
      const host = patternHost(pattern);
      if (!host || !hostIn(new URL(`https://${host}/`), a.domains)) {
        throw new Error(`site adapter ${a.id}: host ${pattern} is not an https pattern within ${a.domains.join(', ')}`);
      }
      out.add(pattern);
    }
  }
  return [...out].sort();
}

/** The domains of each kind of site, and of the sites whose pages hold names in inline data. */
export interface SiteDomains {
  procurement: string[];
  shop: string[];
  /** Sites whose adapter reads names from the page's data (SiteAdapter.extraBlocks). */
  pageData: string[];
}

/**
 * What a page's content script needs to know of the sites before it reads anything:
 * compiled by the build into src/generated/site-domains.json, so the script that runs on
 * every page does not carry the adapters (which load with the page reader).
 */
export function siteDomains(adapters: readonly SiteAdapter[] = ADAPTERS): SiteDomains {
  const of = (keep: (a: SiteAdapter) => boolean) => adapters.filter(keep).flatMap((a) => a.domains);
  return {
    procurement: of((a) => a.kind === 'procurement'),
    shop: of((a) => a.kind === 'shop'),
    pageData: of((a) => a.extraBlocks !== undefined),
  };
}
