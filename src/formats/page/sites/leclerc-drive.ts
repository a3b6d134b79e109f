// E.Leclerc Drive (leclercdrive.fr) aisle and search pages. The product tiles and the
// brand filter ("Marques") are built by the site's scripts from JSON passed inline:
//   Utilitaires.widget.initOptions('..._pnlElementProduit', {"objContenu":{"lstElements":
//     [{"objElement":{"sLibelleLigne1":"Tortillas de bl&#233; Old El Paso", ...}}]}})
//   Utilitaires.widget.initOptions('..._pnlBlocsFiltres', {... {"objFiltreBloc":
//     {"sLibelle":"Marques"}, "sLibelle":"Teva"} ...})
// A saved or not yet rendered page has none of these names in its visible text, so they are
// read from the data: product names as plain blocks, the brand filter's values as brands.
// ("Teva" there is a sugar brand, not Teva Pharmaceutical: a brand field says what kind of
// name it is, never which company.)
//
// ## Test URLs
// - https://fd7-courses.leclercdrive.fr/magasin-079111-Massy-Palaiseau/rayon-288991-Saveurs-du-monde.aspx (Old El Paso tiles)
// - https://fd7-courses.leclercdrive.fr/magasin-079111-Massy-Palaiseau/rayon-284485-Desserts-Sucres-et-Farines.aspx ("Teva" in the Marques filter)
import { normalizeName } from '../../../core/normalize';
import type { ExtraBlock } from '../fields/types';
import { decodeEntities, eachObject, jsonObjectsAfter } from './lib/inline-json';
import type { SiteAdapter } from './types';

const MARKER = 'initOptions(';
const BRAND_FILTERS = new Set(['marques', 'marque']);
const MAX_NAME_CHARS = 200;

function clean(s: unknown): string | null {
  if (typeof s !== 'string') return null;
  const t = decodeEntities(s).replace(/\s+/g, ' ').trim();
  return t && t.length <= MAX_NAME_CHARS ? t : null;
}

function extraBlocks(doc: Document): ExtraBlock[] {
  const out: ExtraBlock[] = [];
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (!text.includes(MARKER) || !(text.includes('sLibelleLigne1') || text.includes('objFiltreBloc'))) continue;
    for (const root of jsonObjectsAfter(text, MARKER)) {
      eachObject(root, (o) => {
        const bloc = o.objFiltreBloc as Record<string, unknown> | undefined;
        if (bloc && typeof bloc.sLibelle === 'string' && BRAND_FILTERS.has(normalizeName(bloc.sLibelle))) {
          const name = clean(o.sLibelle);
          if (name) out.push({ text: name, field: 'brand', source: 'leclerc brand filter' });
          return;
        }
        if ('sLibelleLigne1' in o && ('iIdProduit' in o || o.sType === 'Produit')) {
          const name = clean(o.sLibelleLigne1);
          if (name) out.push({ text: name, field: null, source: 'leclerc product' });
        }
      });
    }
  }
  return out;
}

export const leclercDrive: SiteAdapter = {
  id: 'leclerc-drive',
  kind: 'shop',
  domains: ['leclercdrive.fr'],
  // Every store's drive is its own subdomain (fd7-courses.leclercdrive.fr, ...).
  hosts: ['https://*.leclercdrive.fr/*'],
  extraBlocks,
};
