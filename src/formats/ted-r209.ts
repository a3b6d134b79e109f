// TED XML (the pre-eForms TED schema, R2.0.9: TED_EXPORT.xsd publication export and the
// TED_ESENDERS reception envelope) -> name blocks with roles.
//
// Root: TED_EXPORT (namespace http://publications.europa.eu/resource/schema/ted/R2.0.9/publication)
// or TED_ESENDERS. The notice is one of the standard forms (F01_2014 ... F25_2014, MOVE, ...) in
// FORM_SECTION; a notice can carry the form in several languages (CATEGORY="ORIGINAL" or
// "TRANSLATION", LG="xx"): only the original is read, chosen by CATEGORY="ORIGINAL", else
// LG = CODED_DATA_SECTION/NOTICE_DATA/LG_ORIG, else the first form.
// In that form, every OFFICIALNAME is a name; its role comes from the address element around it:
//   CONTRACTING_BODY/ADDRESS_CONTRACTING_BODY, ADDRESS_CONTRACTING_BODY_ADDITIONAL -> 'buyer'
//   AWARD_CONTRACT/AWARDED_CONTRACT/CONTRACTORS/CONTRACTOR/ADDRESS_CONTRACTOR      -> 'winner'
//   AWARD_CONTRACT/AWARDED_CONTRACT/CONTRACTOR/ADDRESS_CONTRACTOR (R2.0.9 before S03,
//     no CONTRACTORS wrapper)                                                       -> 'winner'
//   ADDRESS_CONTRACTOR outside AWARD_CONTRACT (F20 modification notices)            -> 'contractor'
//   any other ADDRESS_* (review body, mediation body, further information, ...)     -> 'organisation'
import type { FieldRole } from '../core/types';
import { BlockCollector } from './blocks';
import { languageCode, r209Texts } from './notice-text';
import { FormatError, type DataFileResult } from './types';
import { descendants, kid, kidPath, kids, localOf, textOf, xpathOf } from './xml-dom';

export const TED_XML_ROOTS = ['TED_EXPORT', 'TED_ESENDERS'];

function roleOf(name: Element, form: Element): FieldRole {
  let address: string | null = null;
  let inAward = false;
  for (let cur = name.parentElement; cur && cur !== form; cur = cur.parentElement) {
    const l = localOf(cur);
    if (address === null && l.startsWith('ADDRESS_')) address = l;
    if (l === 'AWARD_CONTRACT') inAward = true;
  }
  if (address === 'ADDRESS_CONTRACTOR') return inAward ? 'winner' : 'contractor';
  if (address !== null && address.startsWith('ADDRESS_CONTRACTING_BODY')) return 'buyer';
  return 'organisation';
}

/** The COUNTRY VALUE of the address an OFFICIALNAME belongs to ("FR"), or null. */
function addressCountry(name: Element): string | null {
  const address = name.parentElement;
  const code = (address ? kid(address, 'COUNTRY')?.getAttribute('VALUE') : null) ?? '';
  return /^[A-Z]{2}$/.test(code.trim()) ? code.trim() : null;
}

function originalForm(root: Element, forms: Element[]): Element {
  const byCategory = forms.find((f) => (f.getAttribute('CATEGORY') ?? '').toUpperCase() === 'ORIGINAL');
  if (byCategory) return byCategory;
  const lg = textOf(kidPath(root, 'CODED_DATA_SECTION', 'NOTICE_DATA', 'LG_ORIG')).toUpperCase();
  return forms.find((f) => lg !== '' && (f.getAttribute('LG') ?? '').toUpperCase() === lg) ?? forms[0];
}

export function tedR209Blocks(root: Element): DataFileResult {
  const warnings: string[] = [];
  const forms = kids(root, 'FORM_SECTION').flatMap((s) => kids(s));
  if (forms.length === 0) throw new FormatError(`TED notice <${root.tagName}> has no form in FORM_SECTION`);
  const version = root.getAttribute('VERSION') ?? '';
  if (version !== '' && !version.startsWith('R2.0.9')) {
    warnings.push(`schema version ${version} read as R2.0.9: names in other elements are marked 'organisation'`);
  }
  const form = originalForm(root, forms);
  const lang = languageCode(
    form.getAttribute('LG') ?? textOf(kidPath(root, 'CODED_DATA_SECTION', 'NOTICE_DATA', 'LG_ORIG')),
  );
  const out = new BlockCollector(lang);
  for (const name of descendants(form, 'OFFICIALNAME')) {
    out.add(name.textContent, roleOf(name, form), xpathOf(name), addressCountry(name));
  }
  const parties = out.finish();
  if (parties.length === 0) warnings.push(`no OFFICIALNAME in form <${form.tagName}>`);
  return { format: 'ted-xml-r209', blocks: [...parties, ...r209Texts(form, lang)], warnings };
}
