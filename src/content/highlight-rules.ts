// How the marks' rules are written for the document, apart from the module that adopts
// them so that the benchmark (scripts/lib/bench-marks-sheet.ts) measures the rules that ship.

/**
 * The rules on the root element alone: where an engine gives an element's custom highlights
 * its parent's highlight styles, that reaches every element without a rule matching each
 * (highlight.ts says when this is used).
 */
export function rulesOnRoot(css: string): string {
  return css.replaceAll('::highlight(', ':root::highlight(');
}
