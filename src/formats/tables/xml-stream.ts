// A small streaming XML tokenizer for the parts of an .xlsx workbook: text arrives in pieces
// (as it is inflated) and start tags, end tags and text go to a handler as they complete, so a
// sheet is read without ever holding its whole XML. Enough XML for SpreadsheetML: elements
// with attributes, the five named entities and character references, CDATA, comments and
// processing instructions skipped. Element names come without their namespace prefix. Pure.

export interface XmlHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** The XML ended inside a tag, comment or CDATA section. */
export class XmlStreamError extends Error {
  override name = 'XmlStreamError';
}

/** Longest tag, comment or CDATA section accepted. */
const MAX_MARKUP = 1024 * 1024;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp >= 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  });
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);
const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body.includes('=')) return out;
  for (const m of body.matchAll(ATTR)) out[local(m[1])] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** End of the tag starting at `lt` (the index of its ">"), quoted values skipped; -1 if not yet there. */
function tagEnd(s: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

export class XmlStream {
  private buf = '';

  constructor(private readonly handler: XmlHandler) {}

  push(text: string): void {
    this.buf += text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.buf.trim() !== '') throw new XmlStreamError('the XML ends inside a tag');
  }

  private emitText(raw: string): void {
    if (raw !== '') this.handler.text(decodeEntities(raw));
  }

  private drain(final: boolean): void {
    const s = this.buf;
    let i = 0;
    while (i < s.length) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        // Hold back a character reference that may continue in the next piece.
        const amp = final ? -1 : s.lastIndexOf('&');
        const cut = amp >= i && !s.includes(';', amp) ? amp : s.length;
        this.emitText(s.slice(i, cut));
        i = cut;
        break;
      }
      if (lt > i) this.emitText(s.slice(i, lt));
      i = lt;
      let next: number;
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        next = end === -1 ? -1 : end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end !== -1) this.handler.text(s.slice(lt + 9, end));
        next = end === -1 ? -1 : end + 3;
      } else if (s.startsWith('<?', lt) || s.startsWith('<!', lt)) {
        const end = s.indexOf('>', lt);
        next = end === -1 ? -1 : end + 1;
      } else {
        const gt = tagEnd(s, lt);
        if (gt !== -1) this.tag(s.slice(lt + 1, gt));
        next = gt === -1 ? -1 : gt + 1;
      }
      if (next === -1) {
        // Incomplete: wait for more (at the end, end() reports it). A tag, comment or CDATA
        // section this long is not a workbook's, and waiting longer would rescan it each time.
        if (s.length - lt > MAX_MARKUP) throw new XmlStreamError('a tag or comment longer than 1 MiB');
        break;
      }
      i = next;
    }
    this.buf = s.slice(i);
  }

  private tag(body: string): void {
    if (body[0] === '/') {
      this.handler.close(local(body.slice(1).trim()));
      return;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const m = /^[^\s/]+/.exec(inner);
    if (!m) throw new XmlStreamError(`invalid tag <${body.slice(0, 40)}>`);
    const name = local(m[0]);
    this.handler.open(name, attributes(inner.slice(m[0].length)), selfClosing);
    if (selfClosing) this.handler.close(name);
  }
}
