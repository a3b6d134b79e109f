// Functions that run inside a web page (passed to TabPage.evaluate). They must be
// self-contained: they are serialised and run in the page, not in Node.

export interface HighlightDump {
  /** Highlight name -> the highlighted text runs, in document order. */
  [name: string]: string[];
}

/**
 * Every CSS Custom Highlight registered in the page and in its same-origin frames, as the
 * runs of text a person sees marked. Ranges that touch (one range per text node of a name
 * split by inline markup, "<b>Heidelberg</b> Materials") are merged into one run, so the
 * result does not depend on how the extension cut its ranges. The registry is per
 * document and shared between the page and the content script's isolated world (checked
 * in Chromium 156 and Firefox 153 with tests/e2e/probe-ext), so the main world sees it.
 */
export function dumpHighlights(): HighlightDump {
  const out: Record<string, string[]> = {};
  const docs: Document[] = [document];
  for (const f of Array.from(document.querySelectorAll('iframe'))) {
    try {
      if (f.contentDocument) docs.push(f.contentDocument);
    } catch {
      /* cross-origin frame: not ours to read */
    }
  }
  for (const doc of docs) {
    const registry = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS?.highlights;
    if (!registry) continue;
    registry.forEach((highlight, name) => {
      // Live ranges grouped by tree (document or shadow root): only ranges in one tree
      // can be ordered against each other.
      const byRoot = new Map<Node, Range[]>();
      let invalid = 0;
      for (const r of highlight as Iterable<AbstractRange>) {
        const range = doc.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          invalid++;
          continue;
        }
        const root = r.startContainer.getRootNode();
        byRoot.set(root, [...(byRoot.get(root) ?? []), range]);
      }
      const runs = (out[name] ??= []);
      for (const ranges of byRoot.values()) {
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        let run: Range | null = null;
        for (const r of ranges) {
          if (run) {
            const gap = doc.createRange();
            gap.setStart(run.endContainer, run.endOffset);
            gap.setEnd(r.startContainer, r.startOffset);
            // Touching (or overlapping: the gap collapses) ranges extend the run.
            if (gap.collapsed || gap.toString() === '') {
              if (run.compareBoundaryPoints(Range.END_TO_END, r) < 0) run.setEnd(r.endContainer, r.endOffset);
              continue;
            }
            runs.push(run.toString());
          }
          run = r.cloneRange();
        }
        if (run) runs.push(run.toString());
      }
      for (let i = 0; i < invalid; i++) runs.push('<invalid range>');
    });
  }
  return out;
}

/**
 * A deep snapshot of what the page shows: every element (tag and attributes) and text
 * node in document order, through open shadow roots and same-origin iframes. Comparing
 * it between a copy of the page without the extension and one with it proves the
 * extension changed no text, no element and no attribute.
 *
 * Skipped: script/style/noscript/template contents (not visible text), and an element
 * that is a direct child of <html> or <body>, has no light-DOM content and hosts a shadow
 * root or is a custom element: the one place the extension may put its own UI (brief:
 * "in-page UI only in a shadow root"). Pages under test keep their own shadow hosts
 * inside a container, so those are compared.
 */
export function domSnapshot(): string[] {
  const out: string[] = [];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const isUiHost = (el: Element): boolean => {
    const parent = el.parentElement;
    if (!parent || (parent.tagName !== 'BODY' && parent.tagName !== 'HTML')) return false;
    if (el.childNodes.length > 0) return false;
    return el.shadowRoot !== null || el.tagName.includes('-');
  };
  const walk = (node: Node, depth: number): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) {
        const t = (n as Text).data;
        if (t.trim()) out.push(`${depth} T ${t}`);
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        const el = n as Element;
        if (SKIP.has(el.tagName) || isUiHost(el)) continue;
        const attrs = Array.from(el.attributes)
          .map((a) => `${a.name}=${a.value}`)
          .sort()
          .join(' ');
        out.push(`${depth} E ${el.tagName.toLowerCase()} ${attrs}`);
        if (el.shadowRoot) {
          out.push(`${depth + 1} #shadow`);
          walk(el.shadowRoot, depth + 2);
        }
        if (el.tagName === 'IFRAME') {
          try {
            const d = (el as HTMLIFrameElement).contentDocument;
            if (d?.body) walk(d.body, depth + 1);
          } catch {
            /* cross-origin */
          }
        }
        walk(el, depth + 1);
      }
    }
  };
  walk(document.documentElement, 0);
  return out;
}

/** The first visible, non-empty client rect of the text `needle` in the page, if any. */
export function findTextRect(needle: string): { top: number; bottom: number; viewport: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i < 0) continue;
    const r = document.createRange();
    r.setStart(n, i);
    r.setEnd(n, i + needle.length);
    const rect = r.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, viewport: window.innerHeight };
  }
  return null;
}
