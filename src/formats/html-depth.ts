// How deep an HTML page nests its elements, measured before the page is parsed: linkedom's
// parse time grows with the square of the depth, so a page of deeply nested <div>s would
// hold `scan` for minutes. Browsers stop nesting at 512 levels; real pages nest a few dozen.
//
// An estimate from the tags alone, on the cautious side of HTML's rules: void elements
// (<br>, <img>, ...) and self-closed tags do not nest; the text of <script>, <style>,
// <textarea> and <title> is skipped; an end tag closes everything opened after its start
// tag; and the elements HTML closes implicitly (a new <p>, <li>, <td>, <tr>, <option>, ...
// next to an open one) close it here too. Pure.
import { HTML_MAX_DEPTH } from './limits';

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe']);

/** A start tag closes an open element of its group still near the top of the stack. */
const GROUP: Record<string, string> = {
  li: 'li',
  dt: 'dd',
  dd: 'dd',
  tr: 'tr',
  td: 'cell',
  th: 'cell',
  thead: 'section',
  tbody: 'section',
  tfoot: 'section',
  option: 'option',
  optgroup: 'optgroup',
  rb: 'ruby',
  rt: 'ruby',
  rp: 'ruby',
  rtc: 'ruby',
};

/** Start tags that close an open <p>. */
const CLOSES_P = new Set(
  'address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li dd dt'.split(
    ' ',
  ),
);

/** How far down the stack an implicit close looks (an open <li> under a few inline elements). */
const IMPLICIT_REACH = 8;

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function closeNear(stack: string[], matches: (name: string) => boolean): void {
  for (let k = stack.length - 1; k >= Math.max(0, stack.length - IMPLICIT_REACH); k--) {
    if (matches(stack[k])) {
      stack.length = k;
      return;
    }
  }
}

/** A message when the page nests deeper than `maxDepth` elements, else null. */
export function htmlDepthError(html: string, maxDepth: number = HTML_MAX_DEPTH): string | null {
  const stack: string[] = [];
  const n = html.length;
  let i = html.indexOf('<');
  while (i !== -1 && i < n) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) return null;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const c = html.charCodeAt(i + 1);
    const isEnd = c === 47; // "/"
    const nameStart = isEnd ? i + 2 : i + 1;
    const m = /^[A-Za-z][^\s/>]*/.exec(html.slice(nameStart, nameStart + 64));
    if (!m) {
      // "<!doctype", "<?xml", a "<" in text: not an element.
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = m[0].toLowerCase();
    // The end of the tag, with ">" inside quoted attribute values skipped.
    let j = nameStart + m[0].length;
    while (j < n && html[j] !== '>') {
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close === -1) return null;
        j = close + 1;
      } else j++;
    }
    if (j >= n) return null;
    if (isEnd) {
      const k = stack.lastIndexOf(name);
      if (k !== -1) stack.length = k;
      i = html.indexOf('<', j + 1);
      continue;
    }
    const group = GROUP[name];
    if (group !== undefined) closeNear(stack, (open) => GROUP[open] === group);
    if (CLOSES_P.has(name)) closeNear(stack, (open) => open === 'p');
    const selfClosed = html[j - 1] === '/';
    if (!VOID.has(name) && !selfClosed) {
      stack.push(name);
      if (stack.length > maxDepth) {
        return (
          `elements nested more than ${maxDepth} levels deep at line ${lineAt(html, i)} (<${name}>): ` +
          `not read (browsers stop at 512 levels; pages nest a few dozen)`
        );
      }
      if (RAW_TEXT.has(name)) {
        const close = new RegExp(`</${name}[\\s/>]`, 'gi');
        close.lastIndex = j + 1;
        const end = close.exec(html);
        if (end === null) return null;
        stack.pop();
        i = html.indexOf('<', end.index + 2 + name.length);
        continue;
      }
    }
    i = html.indexOf('<', j + 1);
  }
  return null;
}
