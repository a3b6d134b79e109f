// The language a page says it is written in (`<html lang>`, or a Content-Language meta), as
// a two-letter code. Page text is matched with it: a word that is ordinary only in other
// languages reads as a name here ("Carrefour" on a Polish page).
export function pageLanguage(doc: Document): string | null {
  const root = doc.documentElement;
  const declared =
    root?.getAttribute('lang') ??
    root?.getAttribute('xml:lang') ??
    doc.querySelector?.('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
    '';
  const code = declared
    .trim()
    .toLowerCase()
    .split(/[-_,\s]/)[0];
  return /^[a-z]{2}$/.test(code) ? code : null;
}
