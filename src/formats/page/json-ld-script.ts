// Which scripts hold JSON-LD. Read by the field reader, the origin reader and the content
// script's test for whether a page holds data (a file of its own: the content script may
// not bring in the readers).

/** A `<script>` whose type is application/ld+json (parameters and case aside). */
export function isJsonLdScript(script: Element): boolean {
  const type = script.getAttribute('type') ?? '';
  return type.split(';')[0].trim().toLowerCase() === 'application/ld+json';
}
