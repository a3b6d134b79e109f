// Product data some shops embed in inline scripts as JavaScript calls with JSON object
// arguments (`initOptions('panel', {...})`). Reads the JSON objects after a marker without
// evaluating anything: a string-aware brace matcher finds each object's end, JSON.parse
// reads it. Pure: no DOM.

/** Offset just past the `}` closing the object that opens at `start`, or -1. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Every JSON object that follows `marker` in `text` (within `maxGap` characters). */
export function jsonObjectsAfter(text: string, marker: string, maxGap = 200): unknown[] {
  const out: unknown[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(marker, from);
    if (at < 0) break;
    from = at + marker.length;
    const open = text.indexOf('{', from);
    if (open < 0 || open - from > maxGap) continue;
    const end = objectEnd(text, open);
    if (end < 0) break;
    try {
      out.push(JSON.parse(text.slice(open, end)));
    } catch {
      // Not JSON (a JavaScript object literal): nothing to read here.
    }
    from = end;
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML character references shops leave in JSON strings ("bl&#233;" -> "blé"). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Calls `visit` on every object inside `root` (bounded). */
export function eachObject(root: unknown, visit: (o: Record<string, unknown>) => void, limit = 200_000): void {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen++ < limit) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      continue;
    }
    const o = v as Record<string, unknown>;
    visit(o);
    for (const x of Object.values(o)) if (x !== null && typeof x === 'object') stack.push(x);
  }
}
