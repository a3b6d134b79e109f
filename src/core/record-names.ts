// Names in curated records are written for people: "Aruba / HPE Aruba Networking",
// "EBS (Egged Bus Systems)", "OIP Land Systems (Tournai)", "Orange (Israel, until
// February 2016)". Split them into the names to match and the notes to show.
import { tokenize } from './normalize';

export interface RecordName {
  names: string[];
  notes: string[];
}

/** Split at " / " outside brackets. */
function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    if (depth === 0 && s.startsWith(' / ', i)) {
      out.push(cur);
      cur = '';
      i += 2;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

function initials(norms: string[]): string {
  return norms.map((t) => t[0]).join('');
}

/**
 * A bracketed part is another name for the thing only when it visibly belongs to the
 * outer name: it shares a word with it ("Tourtel (Tourtel Twist)"), or one is the
 * acronym of the other ("EBS (Egged Bus Systems)"), or it shares a word with the listed
 * entity the record is about. Anything else is a note: a place
 * ("Tournai"), a period ("until February 2016"), a description ("Israeli supermarkets").
 */
function bracketIsName(outer: string, inner: string, related: string): boolean {
  const o = tokenize(outer).map((t) => t.norm);
  const i = tokenize(inner).map((t) => t.norm);
  if (o.length === 0 || i.length === 0) return false;
  const r = tokenize(related).map((t) => t.norm);
  if (i.some((t) => t.length > 2 && o.includes(t))) return true;
  // Through the listed entity only a full name counts, not a lone word ("(Excavators)").
  if (i.length >= 2 && i.some((t) => t.length > 2 && r.includes(t))) return true;
  const oi = initials(o.filter((t) => t !== 'and' && t !== 'of'));
  const ii = initials(i.filter((t) => t !== 'and' && t !== 'of'));
  return (i.length === 1 && i[0] === oi) || (o.length === 1 && o[0] === ii);
}

/**
 * `related` is the listed entity the record is about: a bracketed piece that shares a word
 * with it ("Texaco / Firezone (Delek Benelux, Delek Europe)" about Delek Group) is a name.
 */
export function splitRecordName(recordName: string, related = ''): RecordName {
  const names: string[] = [];
  const notes: string[] = [];
  for (const alt of splitAlternatives(recordName)) {
    const brackets = [...alt.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
    const outer = alt
      .replace(/\s*\([^)]*\)\s*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (outer) names.push(outer);
    for (const b of brackets) {
      for (const piece of splitAlternatives(b).flatMap((p) => p.split(/[,;]\s*/))) {
        const p = piece.replace(/^(e\.g\.|formerly|former|ex-)\s*/i, '').trim();
        // A bracketed piece that starts in lower case is a description ("formerly ...",
        // "appliances: ..."), never a name.
        if (!p || /^\p{Ll}/u.test(p)) {
          if (p) notes.push(p);
          continue;
        }
        if (outer && bracketIsName(outer, p, related)) names.push(p);
        else notes.push(p);
      }
    }
  }
  return { names: [...new Set(names)], notes };
}
