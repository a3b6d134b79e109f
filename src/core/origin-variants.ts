// Spelling variants of place names, by rule. Hebrew and Arabic place names reach shop pages
// through several transliterations ("Ma'aleh Edomim", "Maale Adummim", "Ma'ale Adumim";
// "Kiryat Arba", "Qiryat Arba", "Kirjat Arba"), so the list's spelling and the page's rarely
// agree letter for letter. Instead of generating every variant, each normalised token (the one
// normaliser, src/core/normalize.ts, has already folded case, diacritics and apostrophes) is
// reduced to a key that the usual transliteration differences do not change, and the list's
// names and the page's words are compared by key. The rules, in the order applied:
//
// Latin script
//  1. q -> k, ck -> k, kh -> h, ch -> h, other c -> k  (ק and כ as q/k/c, ח and כ as ch/kh/h)
//  2. ph -> f, th -> t, w -> v                          (פ, ת, ו/ב as v or w)
//  3. tz, ts -> z                                       (צ: Mitzpe, Mitspe, Mizpe)
//  4. a consonant + j + vowel -> i                       (Dutch and German Kirjat, Binjamin)
//  5. a lone e after the first consonant and before a consonant is dropped
//                                                       (the Hebrew shva: Kedumim/Kdumim, Tekoa/Tko'a)
//  6. ou -> u, ee -> i, ei/ey -> e, y -> i              (French Adoumim; Beit/Bet)
//  7. a final h after a vowel is dropped                (Ma'aleh/Ma'ale, Mitzpeh/Mitzpe, Shiloh/Shilo)
//  8. e -> a, o -> u                                    (unwritten Hebrew vowels: Edomim/Adumim)
//  9. a letter repeated is written once                 (Adummim, Immanuel, Ma'ale -> male)
// Hebrew script: final letter forms as their ordinary forms (ך ם ן ף ץ), a doubled vav or yod
// (full and defective spelling: קריית/קרית) written once.
// Arabic script: the alef forms as bare alef, ta marbuta as ha, alef maqsura as ya, the
// Persian letters the list uses for v and g (ڤ چ گ) as fa and jim and kaf, tatweel dropped.
//
// A key is never shown: findings keep the page's text and the list's name.

const HEBREW = /[\u0590-\u05ff]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f]/;
const HEBREW_FINALS: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const ARABIC_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ڤ: 'ف',
  چ: 'ج',
  گ: 'ك',
};
const VOWEL = 'aeiouy';

/** The comparison key of one normalised token (see the rules above). */
export function placeKey(norm: string): string {
  if (HEBREW.test(norm)) {
    return norm.replace(/[ךםןףץ]/g, (c) => HEBREW_FINALS[c] ?? c).replace(/([וי])\1+/g, '$1');
  }
  if (ARABIC.test(norm)) {
    return norm.replace(/ـ/g, '').replace(/[أإآٱةىڤچگ]/g, (c) => ARABIC_FOLD[c] ?? c);
  }
  let s = norm
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/kh|ch/g, 'h')
    .replace(/c/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/w/g, 'v')
    .replace(/tz|ts/g, 'z')
    .replace(/([^aeiouy])j(?=[aeiou])/g, '$1i');
  if (s.length > 3 && !VOWEL.includes(s[0]) && s[1] === 'e' && !VOWEL.includes(s[2]) && s[2] !== 'h') {
    s = s[0] + s.slice(2);
  }
  s = s
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/e[iy]/g, 'e')
    .replace(/y/g, 'i')
    .replace(/([aeiou])h$/, '$1')
    .replace(/e/g, 'a')
    .replace(/o/g, 'u')
    .replace(/(.)\1+/g, '$1');
  return s;
}
