// A quick well-formedness check of XML text: tags balanced, one root, nothing after it.
// Needed because linkedom (Node) silently closes open elements of a truncated file, which would
// turn a cut-off download into a clean-looking partial result. Not a validating parser: it checks
// structure only (tags, comments, CDATA, processing instructions, DOCTYPE). It also refuses
// nesting deeper than XML_MAX_DEPTH before any parser sees the file: linkedom's parse time grows
// with the square of the depth, and no notice nests that deep.
import { XML_MAX_DEPTH } from './limits';

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export interface XmlProblem {
  kind: 'malformed' | 'too-deep';
  message: string;
}

/** Returns a message describing the first structural error, or null when the text is well formed. */
export function xmlStructureError(text: string): string | null {
  return xmlStructureProblem(text)?.message ?? null;
}

/** The first structural problem: malformed, or nested deeper than `maxDepth`; null when neither. */
export function xmlStructureProblem(text: string, maxDepth: number = XML_MAX_DEPTH): XmlProblem | null {
  const error = scan(text, maxDepth);
  if (error === null) return null;
  return typeof error === 'string' ? { kind: 'malformed', message: error } : error;
}

function scan(text: string, maxDepth: number): string | XmlProblem | null {
  const n = text.length;
  const stack: string[] = [];
  let rootSeen = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipTo = (start: number, end: string, what: string): number | string => {
    const j = text.indexOf(end, start);
    return j === -1 ? `unterminated ${what} at line ${lineAt(text, start)}` : j + end.length;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? n : lt);
    if (stack.length === 0 && /\S/.test(chunk)) {
      return `text outside the root element at line ${lineAt(text, i + chunk.search(/\S/))}`;
    }
    if (lt === -1) break;
    let next: number | string;
    if (text.startsWith('<?', lt)) next = skipTo(lt + 2, '?>', 'processing instruction');
    else if (text.startsWith('<!--', lt)) next = skipTo(lt + 4, '-->', 'comment');
    else if (text.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) return `CDATA outside the root element at line ${lineAt(text, lt)}`;
      next = skipTo(lt + 9, ']]>', 'CDATA section');
    } else if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in [...].
      const gt = text.indexOf('>', lt);
      const bracket = text.indexOf('[', lt);
      const subsetEnd = bracket !== -1 && gt !== -1 && bracket < gt ? text.indexOf(']', bracket) : lt;
      next = subsetEnd === -1 ? `unterminated DOCTYPE at line ${lineAt(text, lt)}` : skipTo(subsetEnd, '>', 'DOCTYPE');
    } else if (text.startsWith('</', lt)) {
      const gt = text.indexOf('>', lt);
      if (gt === -1) return `unterminated end tag at line ${lineAt(text, lt)} (file truncated?)`;
      const name = text.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open !== name) {
        return open === undefined
          ? `unexpected </${name}> at line ${lineAt(text, lt)}`
          : `mismatched </${name}> at line ${lineAt(text, lt)}: <${open}> is still open`;
      }
      next = gt + 1;
    } else {
      const m = /^[^\s/>]+/.exec(text.slice(lt + 1, lt + 256));
      if (!m) return `invalid '<' at line ${lineAt(text, lt)}`;
      let j = lt + 1 + m[0].length;
      while (j < n && text[j] !== '>') {
        const c = text[j];
        if (c === '"' || c === "'") {
          const close = text.indexOf(c, j + 1);
          if (close === -1) return `unterminated attribute value at line ${lineAt(text, j)} (file truncated?)`;
          j = close + 1;
        } else j++;
      }
      if (j >= n) return `unterminated tag <${m[0]}> at line ${lineAt(text, lt)} (file truncated?)`;
      if (stack.length === 0 && rootSeen) return `second root element <${m[0]}> at line ${lineAt(text, lt)}`;
      rootSeen = true;
      if (text[j - 1] !== '/') stack.push(m[0]);
      if (stack.length > maxDepth) {
        return {
          kind: 'too-deep',
          message:
            `elements nested more than ${maxDepth} levels deep at line ${lineAt(text, lt)} (<${m[0]}>): ` +
            `not read (procurement notices nest about 15 levels)`,
        };
      }
      next = j + 1;
    }
    if (typeof next === 'string') return next;
    i = next;
  }
  if (stack.length > 0) return `the file ends inside <${stack[stack.length - 1]}> (file truncated?)`;
  if (!rootSeen) return 'no root element';
  return null;
}
