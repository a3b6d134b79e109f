// A page's own script that tries to learn what the extension found (tests/e2e/private-mode.test.ts).
// Loaded first in <head>, before anything else on the page and long before the content
// script (document_idle). It watches and reads every channel the threat model in
// docs/privacy.md names; `__snoop.collect()` returns what it saw, in a form the test compares
// with the same page where the extension does not run.
(() => {
  const HIGHLIGHT_NAMES = ['settlement-screen-flag', 'settlement-screen-possible', 'settlement-screen-focus'];
  const HIGHLIGHT_PROPS = [
    'color',
    'background-color',
    'text-decoration-line',
    'text-decoration-style',
    'text-decoration-color',
    'text-decoration-thickness',
    'text-underline-offset',
    'text-shadow',
  ];
  const S = (window.__snoop = { mutations: [], events: {}, messages: [], roots: [] });
  const describe = (n) => {
    if (!n) return '?';
    if (n.nodeType === 1) return n.tagName.toLowerCase() + (n.id ? '#' + n.id : '');
    if (n.nodeType === 11) return '#shadow-root(' + describe(n.host) + ')';
    return n.nodeName;
  };

  // Every DOM change: elements, attributes (<html> and <body> included), text. Counted from
  // the end of parsing (the parser's own insertions are mutations too); content scripts run
  // after that, at document_idle.
  const observers = [];
  const record = (list) => {
    for (const m of list) {
      S.mutations.push(`${m.type} ${describe(m.target)}${m.attributeName ? ' @' + m.attributeName : ''}`);
    }
  };
  S.observe = (root) => {
    const o = new MutationObserver(record);
    observers.push(o);
    o.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
      attributeOldValue: true,
      characterDataOldValue: true,
    });
    if (root !== document) S.roots.push(root);
  };
  S.observe(document);
  document.addEventListener('DOMContentLoaded', () => {
    for (const o of observers) o.takeRecords();
    S.mutations.length = 0;
  });

  // Every event type the platform names (on* properties), and names an extension might use
  // for its own events, heard in the capture phase on window: every event dispatched in the
  // document passes there.
  const types = new Set([
    'settlement-screen',
    'settlementscreen',
    'settlement-screen-ready',
    'extension',
    'highlight',
    'highlights',
    'DOMContentLoaded',
    'DOMNodeInserted',
    'DOMAttrModified',
    'DOMSubtreeModified',
    'message',
    'messageerror',
  ]);
  for (const o of [window, Document.prototype, Element.prototype, HTMLElement.prototype]) {
    for (let p = o; p; p = Object.getPrototypeOf(p)) {
      for (const k of Object.getOwnPropertyNames(p)) if (k.startsWith('on')) types.add(k.slice(2));
    }
  }
  for (const type of types) {
    window.addEventListener(
      type,
      (e) => {
        const key = e.constructor.name === 'CustomEvent' ? `${type} (custom)` : type;
        S.events[key] = (S.events[key] || 0) + 1;
      },
      true,
    );
  }
  window.addEventListener('message', (e) => {
    let data;
    try {
      data = JSON.stringify(e.data);
    } catch {
      data = String(e.data);
    }
    S.messages.push({ origin: e.origin, data });
  });

  const allElements = () => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  };

  /** Every element's box and every computed style property: the layout the page can measure. */
  S.layout = () =>
    allElements().map((el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const style = [];
      for (let i = 0; i < cs.length; i++) style.push(cs[i] + ':' + cs.getPropertyValue(cs[i]));
      return `${describe(el)} ${[r.x, r.y, r.width, r.height].map((v) => v.toFixed(2)).join(',')} ${style.join(';')}`;
    });

  /** What the highlight registry holds: name -> the text of every range. */
  const highlights = () => {
    const out = {};
    if (!window.CSS || !CSS.highlights) return out;
    CSS.highlights.forEach((h, name) => {
      out[name] = [];
      for (const r of h) {
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out[name].push(range.toString());
        } catch {
          out[name].push('<invalid range>');
        }
      }
      out[name].sort();
    });
    return out;
  };

  /** The styles that apply to each highlight name, as getComputedStyle reports them. */
  const highlightStyles = () => {
    const el = document.body;
    const out = {};
    for (const name of HIGHLIGHT_NAMES) {
      try {
        const cs = getComputedStyle(el, `::highlight(${name})`);
        out[name] = HIGHLIGHT_PROPS.map((p) => p + ':' + cs.getPropertyValue(p)).join(';');
      } catch (e) {
        out[name] = 'error ' + e.name;
      }
    }
    return out;
  };

  const attrs = (el) =>
    Array.from(el.attributes)
      .map((a) => a.name + '=' + a.value)
      .sort();

  const withoutOrigin = (s) => s.split(location.origin).join('');

  /** Everything the page can read now, per channel. */
  S.read = () => ({
    highlights: highlights(),
    highlightStyles: highlightStyles(),
    mutations: [...S.mutations],
    events: Object.keys(S.events).sort(),
    messages: [...S.messages],
    layout: S.layout(),
    layoutChanged: JSON.stringify(S.layout()) !== JSON.stringify(S.before),
    rootAttributes: { html: attrs(document.documentElement), body: attrs(document.body) },
    documentSheets: [document.styleSheets.length, document.adoptedStyleSheets.length],
    shadowSheets: S.roots.map((r) => `${describe(r)}: ${r.adoptedStyleSheets.length}`),
    windowProperties: Object.getOwnPropertyNames(window).sort(),
    windowSymbols: Object.getOwnPropertySymbols(window).map(String).sort(),
    documentProperties: Object.getOwnPropertyNames(document).sort(),
    storage: {
      local: Object.keys(localStorage).sort(),
      session: Object.keys(sessionStorage).sort(),
      cookie: document.cookie,
    },
    resources: performance
      .getEntriesByType('resource')
      .map((e) => withoutOrigin(e.name))
      .sort(),
    focus: [describe(document.activeElement), String(getSelection()), scrollX, scrollY],
    runtime: typeof window.chrome === 'object' && window.chrome ? Object.keys(window.chrome).sort() : [],
  });

  /** Tries to load the extension's files from `origin` every way a page can; outcome per way. */
  S.probe = async (origin) => {
    const paths = [
      'manifest.json',
      'icons/icon-16.png',
      'src/ui/popup/index.html',
      'src/ui/options/index.html',
      'src/content/main.js',
      'src/content/page-reader.js',
    ];
    const out = [];
    const load = (tag, attr, url, extra) =>
      new Promise((resolve) => {
        const el = document.createElement(tag);
        Object.assign(el, extra || {});
        const done = (what) => {
          el.remove();
          resolve(what);
        };
        el.onload = () => done('load');
        el.onerror = () => done('error');
        setTimeout(() => done('timeout'), 3000);
        el[attr] = url;
        document.head.appendChild(el);
      });
    for (const path of paths) {
      const url = `${origin}/${path}`;
      let fetched;
      try {
        const r = await fetch(url);
        fetched = 'ok ' + r.status;
      } catch (e) {
        fetched = 'error ' + e.name + ': ' + e.message;
      }
      out.push(`${path} fetch ${fetched}`);
      out.push(`${path} img ${await load('img', 'src', url)}`);
      out.push(`${path} link ${await load('link', 'href', url, { rel: 'stylesheet' })}`);
      out.push(`${path} script ${await load('script', 'src', url)}`);
    }
    return out;
  };

  /** Asks the extension for what it found, every way a page could. */
  S.ask = async (extensionId) => {
    const out = [];
    for (const m of [
      { type: 'get-tab-results', tabId: 0 },
      { type: 'set-page-marks', on: true },
      { type: 'set-review-mode', on: true },
      { type: 'reveal-match', key: '1:0' },
      { type: 'rescan' },
    ]) {
      window.postMessage(m, '*');
      document.dispatchEvent(new CustomEvent('settlement-screen', { detail: m }));
      const rt = window.chrome && window.chrome.runtime;
      if (rt && typeof rt.sendMessage === 'function') {
        try {
          out.push(await Promise.race([rt.sendMessage(extensionId, m), new Promise((r) => setTimeout(r, 1000))]));
        } catch (e) {
          out.push('error ' + e.message);
        }
      }
    }
    return out;
  };
})();
