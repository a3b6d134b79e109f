// Field labels in the languages of our users (nl, fr, en, de, es) and the role each one
// states. Labels are normalised with the project's one normaliser (normalizeName), so
// capitals, accents, punctuation and colons do not matter, and matched by whole tokens
// from the start of the label text: "Naam en adres van de contractant:" and "Name and
// address of the contractor/concessionaire" both match. Pure: no DOM.
import type { FieldRole } from '../../../core/types';
import { tokenize, type Token } from '../../../core/normalize';
import { PhraseTrie, type PhraseHit } from './phrases';

/**
 * Label texts per role. "Contractor" in an award section is the winner: the standard-form
 * phrases that only appear there ("Name and address of the contractor", "Naam en adres
 * van de contractant", ...) are listed under `winner`; a bare "Contractor" stays
 * `contractor`.
 */
const LABELS: Record<FieldRole, readonly string[]> = {
  winner: [
    // en
    'winner',
    'winners',
    'awarded to',
    'awardee',
    'awardees',
    'contract awarded to',
    'successful tenderer',
    'successful tenderers',
    'successful bidder',
    'successful bidders',
    'successful supplier',
    'winning tenderer',
    'winning bidder',
    'name and address of the contractor',
    'name and address of the contractors',
    'name and address of the economic operator in whose favour the award decision has been taken',
    // nl
    'gegunde inschrijver',
    'gegunde inschrijvers',
    'gegunde leverancier',
    'gegund aan',
    'winnaar',
    'winnaars',
    'winnende inschrijver',
    'naam en adres van de contractant',
    'naam en adres van de contractanten',
    'naam en adres van de opdrachtnemer',
    'naam en adres van de gegunde inschrijver',
    'begunstigde van de opdracht',
    // fr
    'adjudicataire',
    'adjudicataires',
    'attributaire',
    'attributaires',
    'titulaire',
    'titulaires',
    'titulaire du marche',
    'attribue a',
    'marche attribue a',
    'laureat',
    'laureats',
    'soumissionnaire retenu',
    'soumissionnaires retenus',
    'nom et adresse du titulaire',
    'nom et adresse des titulaires',
    'nom et adresse de l adjudicataire',
    'nom et adresse du contractant',
    'nom du titulaire',
    // de
    'zuschlagsempfanger',
    'zuschlag erteilt an',
    'zuschlag an',
    'vergeben an',
    'auftrag vergeben an',
    'gewinner',
    'erfolgreicher bieter',
    'erfolgreiche bieter',
    'name und anschrift des auftragnehmers',
    'name und anschrift des wirtschaftsteilnehmers zugunsten dessen der zuschlag erteilt wurde',
    // The standard form's own wording (V.2.3), as on vergabe24.de notices.
    'name und anschrift des wirtschaftsteilnehmers zu dessen gunsten der zuschlag erteilt wurde',
    // es
    'adjudicatario',
    'adjudicatarios',
    'adjudicataria',
    'empresa adjudicataria',
    'adjudicado a',
    'ganador',
    'ganadores',
    'licitador adjudicatario',
    'nombre y direccion del contratista',
    'nombre y direccion del adjudicatario',
  ],
  contractor: [
    'contractor',
    'contractors',
    'main contractor',
    'prime contractor',
    'opdrachtnemer',
    'opdrachtnemers',
    'contractant',
    'aannemer',
    'hoofdaannemer',
    'entrepreneur',
    'auftragnehmer',
    'hauptauftragnehmer',
    'contratista',
    'contratistas',
    'contratista principal',
  ],
  supplier: [
    'supplier',
    'suppliers',
    'vendor',
    'vendors',
    'leverancier',
    'leveranciers',
    'fournisseur',
    'fournisseurs',
    'prestataire',
    'prestataires',
    'lieferant',
    'lieferanten',
    'anbieter',
    'proveedor',
    'proveedores',
    'suministrador',
  ],
  tenderer: [
    'tenderer',
    'tenderers',
    'bidder',
    'bidders',
    'other tenderers',
    'tenders received from',
    'inschrijver',
    'inschrijvers',
    'overige inschrijvers',
    'andere inschrijvers',
    'bieder',
    'bieders',
    'soumissionnaire',
    'soumissionnaires',
    'autres soumissionnaires',
    'bieter',
    'bieterin',
    'weitere bieter',
    'andere bieter',
    'licitador',
    'licitadores',
    'licitante',
    'licitantes',
    'oferente',
    'oferentes',
    'otros licitadores',
  ],
  subcontractor: [
    'subcontractor',
    'subcontractors',
    'sub contractor',
    'sub contractors',
    'onderaannemer',
    'onderaannemers',
    'sous traitant',
    'sous traitants',
    'unterauftragnehmer',
    'nachunternehmer',
    'subcontratista',
    'subcontratistas',
  ],
  buyer: [
    'buyer',
    'buyers',
    'contracting authority',
    'contracting authorities',
    'contracting entity',
    'awarding authority',
    'purchaser',
    'koper',
    'aanbestedende dienst',
    'aanbestedende overheid',
    'aanbestedende entiteit',
    'aanbestedende instantie',
    'opdrachtgever',
    'pouvoir adjudicateur',
    'pouvoirs adjudicateurs',
    'entite adjudicatrice',
    'acheteur',
    'acheteur public',
    'maitre douvrage',
    'offentlicher auftraggeber',
    'auftraggeber',
    'vergabestelle',
    'beschaffer',
    'sektorenauftraggeber',
    'poder adjudicador',
    'organo de contratacion',
    'entidad adjudicadora',
    'comprador',
  ],
  brand: [
    'brand',
    'brands',
    'brand name',
    'merk',
    'merken',
    'merknaam',
    'marque',
    'marques',
    'marke',
    'marken',
    'markenname',
    'marca',
    'marcas',
  ],
  manufacturer: [
    'manufacturer',
    'manufacturers',
    'manufactured by',
    'maker',
    'producer',
    'fabrikant',
    'producent',
    'geproduceerd door',
    'vervaardigd door',
    'fabricant',
    'producteur',
    'fabrique par',
    'hersteller',
    'hergestellt von',
    'produzent',
    'fabricante',
    'fabricado por',
    'productor',
  ],
  seller: [
    'seller',
    'sold by',
    'ships from and sold by',
    'sold and shipped by',
    'verkoper',
    'verkocht door',
    'verkoop door',
    'verkoop en verzending door',
    'verzending en verkoop door',
    'vendeur',
    'vendu par',
    'vendu et expedie par',
    'expedie et vendu par',
    'verkaufer',
    'verkauf durch',
    'verkauft von',
    'verkauf und versand durch',
    'versand und verkauf durch',
    'vendedor',
    'vendido por',
    'vendido y enviado por',
    'enviado y vendido por',
  ],
  organisation: [],
};

/**
 * Labels that introduce their value without a colon ("Sold by Acme", "Awarded to Acme"):
 * they count at the start of a block even when more text follows.
 */
const INTRODUCERS = new Set([
  'awarded to',
  'contract awarded to',
  'gegund aan',
  'attribue a',
  'marche attribue a',
  'zuschlag erteilt an',
  'zuschlag an',
  'vergeben an',
  'auftrag vergeben an',
  'adjudicado a',
  'sold by',
  'ships from and sold by',
  'sold and shipped by',
  'verkocht door',
  'verkoop door',
  'verkoop en verzending door',
  'verzending en verkoop door',
  'vendu par',
  'vendu et expedie par',
  'expedie et vendu par',
  'verkauf durch',
  'verkauft von',
  'verkauf und versand durch',
  'versand und verkauf durch',
  'vendido por',
  'vendido y enviado por',
  'enviado y vendido por',
  'manufactured by',
  'geproduceerd door',
  'vervaardigd door',
  'fabrique par',
  'hergestellt von',
  'fabricado por',
]);

/**
 * Words that may surround a label without changing what it names: "Name of the
 * supplier", "Supplier name", "Tenderer(s)", "Liste des soumissionnaires", "Our brands".
 */
const FILLERS = new Set([
  // articles, prepositions, conjunctions
  'the',
  'of',
  'and',
  'a',
  'an',
  'de',
  'het',
  'een',
  'van',
  'en',
  'le',
  'la',
  'les',
  'l',
  'du',
  'des',
  'd',
  'et',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'und',
  'el',
  'los',
  'las',
  'del',
  'y',
  'about',
  'over',
  'sur',
  'uber',
  'sobre',
  // name, address, details
  'name',
  'names',
  'naam',
  'namen',
  'nom',
  'noms',
  'nombre',
  'official',
  'officiele',
  'officiel',
  'offizieller',
  'oficial',
  'address',
  'adres',
  'adresse',
  'anschrift',
  'direccion',
  'details',
  'gegevens',
  'information',
  'informatie',
  'informations',
  'informationen',
  'informacion',
  'list',
  'lijst',
  'liste',
  'lista',
  's',
  'n',
  'en',
  'e',
  'es',
  // "other", "our", "all"
  'other',
  'others',
  'overige',
  'andere',
  'autres',
  'weitere',
  'otros',
  'otras',
  'our',
  'onze',
  'nos',
  'unsere',
  'nuestras',
  'nuestros',
  'all',
  'alle',
  'tous',
  'toutes',
  'todos',
]);

// The table and the gate below are built on first use, not when the module loads: every
// extension context that asks which sites are shops loads the adapters and with them this
// module, and a page's content script should not pay for them before its first block.
let table: PhraseTrie<FieldRole> | null = null;

function labelTable(): PhraseTrie<FieldRole> {
  if (table) return table;
  table = new PhraseTrie<FieldRole>();
  for (const [role, labels] of Object.entries(LABELS) as [FieldRole, readonly string[]][]) {
    // The first role listed for a label wins (none is listed twice on purpose).
    for (const label of labels) table.add(label, role);
  }
  return table;
}

/** Every label of the table, normalised, with its role (tests check none is a listed name). */
export function allLabels(): { label: string; role: FieldRole }[] {
  return (Object.entries(LABELS) as [FieldRole, readonly string[]][]).flatMap(([role, labels]) =>
    labels.map((label) => ({ label, role })),
  );
}

/**
 * A cheap first test run before tokenising: the text (accents folded, lower case) contains
 * a word of some label. Field detection asks about every block container of a page; most
 * (prices, prose, buttons) fail here without being tokenised.
 */
let gate: RegExp | null = null;

function labelGate(): RegExp {
  gate ??= new RegExp(
    [
      ...new Set(
        Object.values(LABELS)
          .flat()
          .flatMap((l) => l.split(' '))
          .filter((t) => t.length >= 4 && !FILLERS.has(t)),
      ),
    ]
      .sort((a, b) => b.length - a.length)
      .join('|'),
  );
  return gate;
}
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

export function mightBeLabel(text: string): boolean {
  let t = text.length > MAX_LABEL_CHARS ? text.slice(0, MAX_LABEL_CHARS) : text;
  t = t.toLowerCase();
  if (NON_ASCII.test(t)) t = t.normalize('NFD').replace(MARKS, '');
  return labelGate().test(t);
}

type LabelHit = PhraseHit<FieldRole>;

/** Longest label text considered; longer texts are values or prose, not labels. */
export const MAX_LABEL_CHARS = 120;

const ROMAN = /^[ivxlc]{1,5}$/;
/** "Section I:", "Afdeling II", "Partie V", "Abschnitt IV": a heading's numbering, not its label. */
const SECTION_WORDS = new Set([
  'section',
  'part',
  'afdeling',
  'deel',
  'rubriek',
  'partie',
  'abschnitt',
  'teil',
  'seccion',
  'parte',
  'apartado',
  // it, pl, pt: the standard forms' "Sezione V", "Sekcja V", "Secção V".
  'sezione',
  'sekcja',
  'seccao',
]);

/**
 * Index of the first token after section numbering: "V.2.3)", "6.1.2", "II.1)", "a)".
 * Tokens with digits are numbering; a roman numeral or single letter counts only when a
 * dot or bracket follows it, so "Volvo" or "I" in prose are not skipped.
 */
export function skipNumbering(text: string, tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && i < 4) {
    const t = tokens[i];
    if (/\d/.test(t.norm) || (SECTION_WORDS.has(t.norm) && i + 1 < tokens.length && isNumberish(tokens[i + 1].norm))) {
      i++;
      continue;
    }
    const after = text[t.end];
    const afterSection = i > 0 && SECTION_WORDS.has(tokens[i - 1].norm);
    if ((ROMAN.test(t.norm) || t.norm.length === 1) && (afterSection || after === '.' || after === ')')) {
      i++;
      continue;
    }
    break;
  }
  return i;
}

function isNumberish(norm: string): boolean {
  return /\d/.test(norm) || ROMAN.test(norm) || norm.length === 1;
}

/** True when `text` is nothing but section numbering: "V.2.3)", "Section I", "Afdeling II". */
export function isNumberingOnly(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length > 0 && skipNumbering(text, tokens) === tokens.length;
}

/** True for words that may surround a label without changing what it names ("the", "name", "list"). */
export function isFiller(norm: string): boolean {
  return FILLERS.has(norm);
}

/** Finds a phrase of `table` at the start of `tokens` (after numbering and a few filler words). */
export function leadingPhrase<V>(table: PhraseTrie<V>, text: string, tokens: readonly Token[]): PhraseHit<V> | null {
  const norms = tokens.map((t) => t.norm);
  let i = skipNumbering(text, tokens);
  for (let skipped = 0; i < norms.length && skipped <= 6; i++, skipped++) {
    const hit = table.longestAt(norms, i);
    if (hit) return hit;
    if (!FILLERS.has(norms[i])) return null;
  }
  return null;
}

function leadingLabel(text: string, tokens: readonly Token[]): LabelHit | null {
  return leadingPhrase(labelTable(), text, tokens);
}

/**
 * The role a label states when `text` is all label: "Merk", "Naam en adres van de
 * contractant:", "V.2.3) Name and address of the contractor/concessionaire", "Supplier
 * name", "Tenderer(s)". Extra words after the label are allowed only when they are filler
 * words, or (after a standard-form label of three or more words) at most three of them; so
 * "Brand new arrivals" and "Supplier of the year award" are not labels.
 */
export function labelRole(text: string): FieldRole | null {
  if (text.length > MAX_LABEL_CHARS || !mightBeLabel(text)) return null;
  const tokens = tokenize(text);
  const hit = leadingLabel(text, tokens);
  if (!hit) return null;
  const rest = tokens.slice(hit.end).map((t) => t.norm);
  if (rest.every((t) => FILLERS.has(t))) return hit.value;
  // "Name and address of the contractor/concessionaire": a long standard-form label may
  // go on a little. "Awarded to Acme Ltd" is a label with its value, not a label.
  const words = hit.phrase.split(' ').length;
  return words >= 3 && rest.length <= 3 && !INTRODUCERS.has(hit.phrase) ? hit.value : null;
}

/**
 * The role a label states at the start of `text`, whatever follows: used for lists of
 * roles such as TED's "Roles of this organisation: Winner of these lots: LOT-0001".
 */
export function labelPrefixRole(text: string): FieldRole | null {
  if (!mightBeLabel(text)) return null;
  const tokens = tokenize(text.slice(0, MAX_LABEL_CHARS));
  return leadingLabel(text, tokens)?.value ?? null;
}

/** Colons that end a label: ASCII, full-width, and the ratio sign some sites use. */
const COLON = /[:：∶]/;
/** A label before a colon is short: beyond this the colon belongs to prose. */
const MAX_COLON_OFFSET = 90;

/**
 * The role of a block whose text starts with its label: "Merk: AHAVA",
 * "Manufacturer ‏ : ‎ Volvo" (Amazon's detail bullets), "Sold by Acme Ltd",
 * "Awarded to Acme". `text` is the block's leading text; null when it does not start with a
 * label.
 */
export function leadingRole(text: string): FieldRole | null {
  if (!mightBeLabel(text)) return null;
  const colon = text.search(COLON);
  if (colon > 0 && colon <= MAX_COLON_OFFSET) {
    const role = labelRole(text.slice(0, colon));
    if (role) return role;
  }
  const head = text.slice(0, MAX_LABEL_CHARS);
  const tokens = tokenize(head);
  const hit = leadingLabel(head, tokens);
  if (!hit) return null;
  if (INTRODUCERS.has(hit.phrase)) return hit.value;
  // The whole text is the label ("Leverancier", "Winner", "V.2.3) Name and address of the
  // contractor/concessionaire"): a heading or a label cell.
  return labelRole(head);
}
