// Whether a block's text looks like a company name (with its address at most), for roles
// that a heading or a class gives to the blocks under it: under "Attributaire(s)" the lines
// "Egis Rail SA", "Official name: Acme Ltd" and "Lot 2 : Acme SA" are names, "Maîtrise d'œuvre" (a lot's
// subject), "Montant : 4 100 000 €" and a paragraph of prose are not. A role on a block
// that is not a name would corroborate a weak name in it ("Fourniture de véhicules
// Volvo"), so this errs on the side of "not a name". Pure: no DOM.
import { affixAt } from '../../../core/legal-forms';
import { tokenize } from '../../../core/normalize';
import { isLotReference, isNameLabel } from './heading-words';

/** Longest text read as a name: a legal name, its legal form and an address line. */
export const MAX_NAME_CHARS = 150;
const MAX_NAME_WORDS = 16;

/** A colon followed by a value: "Montant : 100 €", "Official name: Acme". */
const COLON_VALUE = /[:：]\s*\S/;
/** Words: a letter, then letters, marks, digits and the joiners names use ("J.C.", "M&G", "3D-ICT"). */
const WORD = /\p{L}[\p{L}\p{M}\p{N}'’.&-]*/gu;

/**
 * Lower-case words that occur inside company names: connectors, and the words of legal
 * forms spelt out ("spółka akcyjna", "società a responsabilità limitata"). Any other
 * lower-case word of four letters or more marks a description or prose.
 */
const NAME_WORDS = new Set([
  'voor',
  'pour',
  'with',
  'from',
  'unter',
  'para',
  'della',
  'delle',
  'degli',
  'dans',
  'sous',
  'over',
  'spółka',
  'akcyjna',
  'ograniczoną',
  'odpowiedzialnością',
  'komandytowa',
  'jawna',
  'società',
  'responsabilità',
  'limitata',
  'azioni',
  'cooperativa',
  'sociedad',
  'limitada',
  'anónima',
  'anonima',
  'société',
  'anonyme',
  'responsabilité',
  'limitée',
  'gesellschaft',
  'beschränkter',
  'haftung',
]);

function isDescriptionWord(word: string): boolean {
  const w = word.replace(/[.'’-]+$/, '');
  if (w.length < 4) return false;
  // Lower case only (capitals anywhere make it a name part: "eBay", "bol.com" is lower case).
  if (w !== w.toLowerCase() || w === w.toUpperCase()) return false;
  return !NAME_WORDS.has(w);
}

/**
 * A legal form that ends the text or its first part ("Atmos Medical France SAS",
 * "Equilibre environnement SARL, Roussillon"): a company's name even with ordinary words in it.
 */
function endsWithLegalForm(text: string): boolean {
  const tokens = tokenize(text);
  const norms = tokens.map((t) => t.norm);
  for (let i = 0; i < norms.length; i++) {
    const hit = affixAt(norms, i);
    if (!hit || hit.kind !== 'legal-form') continue;
    const last = tokens[i + hit.length - 1];
    const after = text.slice(last.end).replace(/^[\s.]+/, '');
    if (after === '' || after[0] === ',' || after[0] === '(') return true;
  }
  return false;
}

/** `text` (collapsed) looks like a name, or "<name label>: <name>", or "<lot>: <name>". */
export function looksLikeName(text: string): boolean {
  let t = text.replace(/\s+/g, ' ').trim();
  if (t.length === 0 || t.length > MAX_NAME_CHARS) return false;
  const colon = t.search(COLON_VALUE);
  if (colon >= 0) {
    const label = t.slice(0, colon);
    if (!isNameLabel(label) && !isLotReference(label)) return false;
    t = t.slice(colon + 1);
  }
  const words = t.match(WORD);
  if (!words || words.length > MAX_NAME_WORDS) return false;
  return !words.some(isDescriptionWord) || endsWithLegalForm(t);
}
