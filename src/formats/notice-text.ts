// Every human-readable text of a TED notice besides its organisation names: titles, short
// descriptions, lot descriptions, award criteria, addresses, notes. A brand in a description
// ("backhoe loader, JCB type", "Motorola radio system renewal") is read like the same text on
// the notice's web page. Each text carries the notice's language, so the matcher can tell a
// word of that language from a name.
//
// TED XML R2.0.9: every leaf text element (and every <P> paragraph) of the original-language
// form, except the OFFICIALNAME elements (read with their roles by ted-r209.ts) and elements
// that hold only codes. eForms: every element with a languageID attribute (cbc:Name,
// cbc:Description, cbc:Note, ...) in the language of the notice, and the postal address
// and contact texts of each organisation.
import { localOf } from './xml-dom';
import type { DataFileBlock } from './types';
import { xpathOf } from './xml-dom';

/** eForms and some TED exports name languages by ISO 639-3 (or 639-2/B) codes. */
const ISO3_TO_1: Record<string, string> = {
  bul: 'bg',
  ces: 'cs',
  cze: 'cs',
  dan: 'da',
  deu: 'de',
  ger: 'de',
  ell: 'el',
  gre: 'el',
  eng: 'en',
  spa: 'es',
  est: 'et',
  fin: 'fi',
  fra: 'fr',
  fre: 'fr',
  gle: 'ga',
  hrv: 'hr',
  hun: 'hu',
  ita: 'it',
  lit: 'lt',
  lav: 'lv',
  mlt: 'mt',
  nld: 'nl',
  dut: 'nl',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rum: 'ro',
  slk: 'sk',
  slo: 'sk',
  slv: 'sl',
  swe: 'sv',
  nor: 'no',
  isl: 'is',
};

/** Two-letter lower-case language code from a TED or eForms code ("FR", "POL"), or null. */
export function languageCode(code: string | null | undefined): string | null {
  const c = (code ?? '').trim().toLowerCase();
  if (/^[a-z]{2}$/.test(c)) return c;
  return ISO3_TO_1[c] ?? null;
}

/** Elements whose text is a code, a number or a date, never prose or a name. */
const R209_CODE_ELEMENTS = new Set([
  'OFFICIALNAME',
  'NATIONALID',
  'POSTAL_CODE',
  'PHONE',
  'FAX',
  'E_MAIL',
  'URL_GENERAL',
  'URL_BUYER',
  'URL_DOCUMENT',
  'URL_PARTICIPATION',
  'URL_TOOL',
  'REFERENCE_NUMBER',
  'LOT_NO',
  'CONTRACT_NO',
  'DATE_CONCLUSION_CONTRACT',
  'DATE_RECEIPT_TENDERS',
  'DATE_DISPATCH_NOTICE',
  'DATE_START',
  'DATE_END',
  'TIME_RECEIPT_TENDERS',
  'NB_TENDERS_RECEIVED',
  'NB_TENDERS_RECEIVED_SME',
  'NB_TENDERS_RECEIVED_OTHER_EU',
  'NB_TENDERS_RECEIVED_NON_EU',
  'NB_TENDERS_RECEIVED_EMEANS',
  'VAL_TOTAL',
  'VAL_ESTIMATED_TOTAL',
  'VAL_OBJECT',
  'VAL_RANGE_TOTAL',
  'LOW',
  'HIGH',
  'DURATION',
  'NOTICE_NUMBER_OJ',
  'DATE',
]);

function isR209Leaf(el: Element, children: readonly Element[]): boolean {
  if (localOf(el) === 'P') return true;
  for (const c of children) if (localOf(c) !== 'P') return false;
  return children.length === 0;
}

/**
 * Children pushed in reverse, so they pop in document order. `children` is read once per
 * element: linkedom builds it afresh on every access, and reading it per child made wide
 * elements (thousands of contractors) cost the square of their width.
 */
function pushChildren(stack: Element[], children: readonly Element[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}

/** The texts of a TED R2.0.9 form in its own language. */
export function r209Texts(form: Element, lang: string | null): DataFileBlock[] {
  const out: DataFileBlock[] = [];
  const stack: Element[] = Array.from(form.children).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    const local = localOf(el);
    if (R209_CODE_ELEMENTS.has(local)) continue;
    const children = Array.from(el.children);
    if (isR209Leaf(el, children)) {
      if (local !== 'P' && children.length > 0) {
        // An element of paragraphs: each paragraph is a block of its own.
        pushChildren(stack, children);
        continue;
      }
      push(out, el, lang);
      continue;
    }
    pushChildren(stack, children);
  }
  return out;
}

/** Elements of an eForms organisation whose text people read on the notice page. */
const EFORMS_ADDRESS_TEXTS = new Set(['StreetName', 'AdditionalStreetName', 'CityName', 'Department', 'Line']);

/**
 * The texts of an eForms notice: every element with a languageID in the notice's language
 * (or with no language of its own), organisation names excepted, and the address texts.
 */
export function eformsTexts(root: Element, noticeLang: string | null): DataFileBlock[] {
  const out: DataFileBlock[] = [];
  const stack: Element[] = Array.from(root.children).reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    const local = localOf(el);
    const langAttr = el.getAttribute('languageID');
    if (langAttr !== null) {
      const lang = languageCode(langAttr) ?? noticeLang;
      const parent = el.parentElement ? localOf(el.parentElement) : '';
      // Organisation names are read with their roles by ted-eforms.ts.
      const isPartyName = local === 'Name' && (parent === 'PartyName' || parent === 'TenderingParty');
      if (!isPartyName && (noticeLang === null || lang === noticeLang)) push(out, el, lang);
      continue;
    }
    const children = Array.from(el.children);
    if (EFORMS_ADDRESS_TEXTS.has(local) && children.length === 0) {
      push(out, el, noticeLang);
      continue;
    }
    pushChildren(stack, children);
  }
  return out;
}

function push(out: DataFileBlock[], el: Element, lang: string | null): void {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  // A bare number, date or code says nothing a person reads as a name.
  if (text === '' || !/\p{L}{2}/u.test(text)) return;
  out.push({ text, field: null, source: xpathOf(el), kind: 'text', lang });
}
