// The small part of the DOM that the TED parsers use, chosen to behave the same in browsers
// (DOMParser, 'text/xml') and in linkedom (Node). linkedom has no XML namespaces: localName keeps
// the prefix ("efac:Organization"), namespaceURI is always XHTML and getElementsByTagNameNS does
// not match prefixed names. So elements are matched by local name with any prefix stripped, the
// tree is walked through `children`, and namespaces are read from xmlns attributes.

/** Local name without prefix, in both DOMs. */
export function localOf(el: Element): string {
  const n = el.localName || el.tagName;
  const i = n.lastIndexOf(':');
  return i >= 0 ? n.slice(i + 1) : n;
}

/** Element children, optionally only those with the given local name. */
export function kids(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (const c of Array.from(el.children)) if (local === undefined || localOf(c) === local) out.push(c);
  return out;
}

export function kid(el: Element | null | undefined, local: string): Element | null {
  if (!el) return null;
  for (const c of Array.from(el.children)) if (localOf(c) === local) return c;
  return null;
}

/** Follows a chain of child local names, e.g. kidPath(org, 'Company', 'PartyIdentification', 'ID'). */
export function kidPath(el: Element | null, ...locals: string[]): Element | null {
  let cur = el;
  for (const l of locals) cur = kid(cur, l);
  return cur;
}

/** Descendants with the given local name, in document order (iterative: no deep recursion). */
export function descendants(el: Element, local: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = kids(el).reverse();
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (localOf(cur) === local) out.push(cur);
    const cs = cur.children;
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]);
  }
  return out;
}

/** Trimmed text content, '' for a missing element. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').trim();
}

/**
 * Each child's XPath step ("NAME" or "NAME[i]" where the name repeats among its siblings),
 * computed once per parent: counting the siblings again for every element made a notice
 * with thousands of contractors take the square of that number.
 */
const stepsByParent = new WeakMap<Element, Map<Element, string>>();

function stepOf(el: Element, parent: Element): string {
  let steps = stepsByParent.get(parent);
  if (!steps) {
    const siblings = Array.from<Element>(parent.children);
    const counts = new Map<string, number>();
    for (const s of siblings) counts.set(s.tagName, (counts.get(s.tagName) ?? 0) + 1);
    const seen = new Map<string, number>();
    steps = new Map();
    for (const s of siblings) {
      const index = (seen.get(s.tagName) ?? 0) + 1;
      seen.set(s.tagName, index);
      steps.set(s, counts.get(s.tagName)! > 1 ? `${s.tagName}[${index}]` : s.tagName);
    }
    stepsByParent.set(parent, steps);
  }
  return steps.get(el) ?? el.tagName;
}

/** XPath of an element with qualified names, 1-based indexes where a name repeats among siblings. */
export function xpathOf(el: Element): string {
  const parts: string[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const parent: Element | null = cur.parentElement;
    parts.push(parent ? stepOf(cur, parent) : cur.tagName);
  }
  return '/' + parts.reverse().join('/');
}

/** Namespace URI of an element declared on itself (the root element carries the declarations). */
export function declaredNamespace(el: Element): string | null {
  const q = el.tagName;
  const i = q.indexOf(':');
  const attr = i >= 0 ? `xmlns:${q.slice(0, i)}` : 'xmlns';
  return el.getAttribute(attr) ?? el.namespaceURI ?? null;
}
