// The site adapters, picked by the page URL. The generic field detection runs on every
// site; an adapter adds what only its site's structure says (src/formats/page/fields/).
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
import type { SiteAdapter } from './types';

export type { SiteAdapter } from './types';

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
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
