// The permission flow's pure half (src/shared/site-permissions.ts, src/background/permissions.ts): patterns from what the
// user typed, grants grouped per site, registrations wanted for them, and the plan that
// turns the registered scripts into the wanted ones. Then the sync itself against an
// in-memory scripting/permissions API: grant -> registered, revoke -> unregistered.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const {
  ALL_SITES_ORIGINS,
  ALL_SITES_SCRIPT_ID,
  SCRIPT_ID_PREFIX,
  builtInSitesRun,
  groupGrantedOrigins,
  originPatternsForHost,
  siteKeyOfPattern,
} = await import('../../src/shared/site-permissions');
const { desiredRegistrations, planSync, siteScriptId, syncRegisteredScripts } =
  await import('../../src/background/permissions');

const BUILT_IN = ['https://www.bol.com/*', 'https://*.mercell.com/*'];
const FILES = { js: ['src/content/main.js'], css: ['src/content/highlight.css'] };

describe('originPatternsForHost', () => {
  it('covers the site and its subdomains, both schemes', () => {
    expect(originPatternsForHost('example.com')).toEqual(['https://*.example.com/*', 'http://*.example.com/*']);
  });

  it('takes what people paste: URLs, www., capitals, ports, paths', () => {
    for (const input of [
      'https://www.Example.com:8443/path?q=1',
      'WWW.EXAMPLE.COM',
      ' example.com. ',
      '*.example.com',
    ]) {
      expect(originPatternsForHost(input), input).toEqual(['https://*.example.com/*', 'http://*.example.com/*']);
    }
  });

  it('takes IP addresses and single-label hosts exactly (no "*." for them)', () => {
    expect(originPatternsForHost('127.0.0.2')).toEqual(['https://127.0.0.2/*', 'http://127.0.0.2/*']);
    expect(originPatternsForHost('http://localhost:3000/')).toEqual(['https://localhost/*', 'http://localhost/*']);
  });

  it('refuses what is not a hostname', () => {
    for (const input of [
      '',
      '   ',
      'not a host',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.com',
      'a'.repeat(400),
    ]) {
      expect(originPatternsForHost(input), input).toBeNull();
    }
  });

  it('never produces a pattern wider than one site', () => {
    for (const input of ['*', '*.*', 'http://*/*', '<all_urls>', '.com', 'com']) {
      const p = originPatternsForHost(input);
      if (p) for (const pattern of p) expect(siteKeyOfPattern(pattern), input).not.toBe('*');
    }
  });
});

describe('groupGrantedOrigins', () => {
  it('groups both schemes of a site into one grant and leaves the supported sites out', () => {
    const sites = groupGrantedOrigins(
      [...BUILT_IN, 'http://*.example.com/*', 'https://*.example.com/*', 'https://127.0.0.2/*', 'http://127.0.0.2/*'],
      BUILT_IN,
    );
    expect(sites).toEqual([
      { key: '127.0.0.2', origins: ['http://127.0.0.2/*', 'https://127.0.0.2/*'] },
      { key: 'example.com', origins: ['http://*.example.com/*', 'https://*.example.com/*'] },
    ]);
  });

  it('puts the all-sites grant first and ignores patterns that are not web sites', () => {
    const sites = groupGrantedOrigins(
      ['https://*.b.org/*', ...ALL_SITES_ORIGINS, 'chrome://favicon/*', 'file:///*'],
      [],
    );
    expect(sites.map((s) => s.key)).toEqual(['*', 'b.org']);
    expect(sites[0].origins).toEqual([...ALL_SITES_ORIGINS].sort());
  });

  it('recognises <all_urls> and *://*/* as all sites', () => {
    expect(groupGrantedOrigins(['<all_urls>'], [])[0].key).toBe('*');
    expect(groupGrantedOrigins(['*://*/*'], [])[0].key).toBe('*');
  });
});

describe('desiredRegistrations', () => {
  it('one registration per granted site, with the manifest content script files', () => {
    const d = desiredRegistrations(
      groupGrantedOrigins(['https://*.a.be/*', 'http://*.a.be/*', 'https://c.nl/*'], BUILT_IN),
      BUILT_IN,
      FILES,
    );
    expect(d.map((r) => r.id)).toEqual([`${SCRIPT_ID_PREFIX}site:a.be`, `${SCRIPT_ID_PREFIX}site:c.nl`]);
    expect(d[0]).toMatchObject({
      matches: ['http://*.a.be/*', 'https://*.a.be/*'],
      js: FILES.js,
      css: FILES.css,
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('all sites: a single registration that leaves the supported sites to the manifest script', () => {
    const d = desiredRegistrations(
      groupGrantedOrigins([...ALL_SITES_ORIGINS, 'https://*.a.be/*'], BUILT_IN),
      BUILT_IN,
      FILES,
    );
    expect(d).toHaveLength(1);
    expect(d[0].id).toBe(ALL_SITES_SCRIPT_ID);
    expect(d[0].excludeMatches).toEqual(BUILT_IN);
  });

  it('gives file paths relative to the extension root (Firefox reports them as moz-extension:// URLs)', () => {
    const d = desiredRegistrations(groupGrantedOrigins(['https://*.a.be/*'], []), [], {
      js: ['moz-extension://9823cd6d-cf72-484f-ae8a-704f4812bce5/src/content/main.js'],
      css: ['/src/content/highlight.css'],
    });
    expect(d[0].js).toEqual(['src/content/main.js']);
    expect(d[0].css).toEqual(['src/content/highlight.css']);
  });

  it('nothing without a content script file', () => {
    expect(desiredRegistrations(groupGrantedOrigins(['https://*.a.be/*'], []), [], { js: [], css: [] })).toEqual([]);
  });
});

describe('planSync', () => {
  const want = desiredRegistrations(groupGrantedOrigins(['https://*.a.be/*', 'https://*.b.be/*'], []), [], FILES);

  it('registers what is granted and not registered', () => {
    expect(planSync([], want)).toEqual({ unregister: [], register: want });
  });

  it('unregisters what is registered and no longer granted (revoked)', () => {
    const plan = planSync(
      [...want, { id: siteScriptId('gone.org'), matches: ['https://*.gone.org/*'], ...FILES }],
      want,
    );
    expect(plan).toEqual({ unregister: [siteScriptId('gone.org')], register: [] });
  });

  it('does nothing when registered equals granted (also with leading slashes and another order)', () => {
    const registered = want.map((w) => ({ ...w, matches: [...w.matches].reverse(), js: w.js.map((f) => `/${f}`) }));
    expect(planSync(registered, want)).toEqual({ unregister: [], register: [] });
  });

  it('replaces a registration whose files changed (extension update) or whose patterns changed', () => {
    const stale = [
      { ...want[0], js: ['src/content/old-hash.js'] },
      { ...want[1], matches: ['https://b.be/*'] },
    ];
    const plan = planSync(stale, want);
    expect(plan.unregister.sort()).toEqual(want.map((w) => w.id).sort());
    expect(plan.register).toEqual(want);
  });

  it('leaves registrations that are not ours alone', () => {
    expect(planSync([{ id: 'someone-else', matches: ['https://x/*'] }], [])).toEqual({ unregister: [], register: [] });
  });
});

describe('syncRegisteredScripts (against an in-memory browser)', () => {
  let granted: string[];
  let registered: Map<string, { id: string; matches?: string[]; js?: string[]; css?: string[] }>;

  beforeEach(() => {
    resetFakeBrowser();
    granted = [];
    registered = new Map();
    const fb = fakeBrowser as unknown as Record<string, unknown>;
    fb.permissions = {
      getAll: vi.fn(async () => ({ origins: [...BUILT_IN, ...granted], permissions: [] })),
    };
    Object.assign(fakeBrowser.scripting, {
      getRegisteredContentScripts: vi.fn(async () => [...registered.values()].map((r) => structuredClone(r))),
      registerContentScripts: vi.fn(async (scripts: { id: string }[]) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, structuredClone(s));
        }
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids) registered.delete(id);
      }),
    });
    (fakeBrowser.runtime.getManifest as unknown as { mockReturnValue(v: unknown): void }).mockReturnValue({
      options_ui: { page: 'src/ui/options/index.html' },
      content_scripts: [{ matches: BUILT_IN, js: FILES.js, css: FILES.css }],
    });
  });

  it('grant -> registered; revoke -> unregistered; all sites -> one registration', async () => {
    granted = ['https://*.a.be/*', 'http://*.a.be/*'];
    await syncRegisteredScripts();
    expect([...registered.keys()]).toEqual([siteScriptId('a.be')]);
    expect(registered.get(siteScriptId('a.be'))?.js).toEqual(FILES.js);

    granted = [...granted, ...ALL_SITES_ORIGINS];
    await syncRegisteredScripts();
    expect([...registered.keys()]).toEqual([ALL_SITES_SCRIPT_ID]);

    granted = [];
    await syncRegisteredScripts();
    expect([...registered.keys()]).toEqual([]);
  });

  it('overlapping syncs (start-up and a permission event together) never register an id twice', async () => {
    granted = ['https://*.a.be/*'];
    await Promise.all([syncRegisteredScripts(), syncRegisteredScripts(), syncRegisteredScripts()]);
    expect([...registered.keys()]).toEqual([siteScriptId('a.be')]);
  });
});

describe('the options page section (PermissionsSection)', () => {
  type Listener = () => void;
  let granted: string[];
  let builtInGranted: boolean;
  let answer: boolean;
  const added = new Set<Listener>();
  const removed = new Set<Listener>();

  beforeEach(() => {
    resetFakeBrowser();
    granted = [];
    builtInGranted = true;
    answer = true;
    added.clear();
    removed.clear();
    (fakeBrowser.runtime.getManifest as unknown as { mockReturnValue(v: unknown): void }).mockReturnValue({
      options_ui: { page: 'src/ui/options/index.html' },
      content_scripts: [{ matches: BUILT_IN, js: FILES.js, css: FILES.css }],
    });
    (fakeBrowser as unknown as Record<string, unknown>).permissions = {
      // As Firefox answers: the supported sites are host permissions, listed only when granted.
      getAll: vi.fn(async () => ({ origins: [...(builtInGranted ? BUILT_IN : []), ...granted], permissions: [] })),
      contains: vi.fn(async () => builtInGranted),
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (answer) granted.push(...origins.filter((o) => !granted.includes(o)));
        if (answer) for (const l of added) l();
        return answer;
      }),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => {
        granted = granted.filter((o) => !origins.includes(o));
        for (const l of removed) l();
        return true;
      }),
      onAdded: { addListener: (l: Listener) => added.add(l), removeListener: (l: Listener) => added.delete(l) },
      onRemoved: { addListener: (l: Listener) => removed.add(l), removeListener: (l: Listener) => removed.delete(l) },
    };
  });

  async function mount() {
    const { installDom, settle } = await import('./helpers/dom');
    const { h, render } = await import('preact');
    const { PermissionsSection } = await import('../../src/ui/options/components/PermissionsSection');
    const { root, window } = installDom();
    render(h(PermissionsSection, null), root);
    await settle(10);
    return { root, window, settle };
  }

  const rows = (root: HTMLElement) =>
    [...root.querySelectorAll('.granted-sites li')].map((li) => li.getAttribute('data-site'));

  it('lists the supported sites and says nothing else is allowed', async () => {
    const { root } = await mount();
    expect(root.querySelector('.builtin-sites')?.textContent).toContain('www.bol.com');
    expect(root.querySelector('.builtin-sites')?.textContent).toContain('mercell.com');
    expect(root.querySelector('.granted-none')).not.toBeNull();
    expect(root.querySelector('[data-testid="builtin-missing"]')).toBeNull();
  });

  it('asks for the typed site (both schemes, subdomains) directly in the click, lists it, and revokes it', async () => {
    const { root, window, settle } = await mount();
    const input = root.querySelector('#permission-site-input') as HTMLInputElement;
    input.value = 'https://www.Example.org/tenders';
    input.dispatchEvent(new (window as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
    await settle(5);
    root
      .querySelector('form.add-site')!
      .dispatchEvent(
        new (window as unknown as { Event: typeof Event }).Event('submit', { bubbles: true, cancelable: true }),
      );
    // Requested synchronously in the handler (Firefox refuses a request after an await).
    const perms = (fakeBrowser as unknown as { permissions: { request: ReturnType<typeof vi.fn> } }).permissions;
    expect(perms.request).toHaveBeenCalledWith({ origins: ['https://*.example.org/*', 'http://*.example.org/*'] });
    await settle(10);
    expect(rows(root)).toEqual(['example.org']);
    expect(root.textContent).toContain('Allowed: example.org.');

    (root.querySelector('.granted-sites li button') as HTMLButtonElement).click();
    await settle(10);
    expect(rows(root)).toEqual([]);
    expect(granted).toEqual([]);
    expect(root.textContent).toContain('Revoked: example.org.');
  });

  it('says so when the browser or the user refuses, and refuses what is not a site', async () => {
    answer = false;
    const { root, window, settle } = await mount();
    const input = root.querySelector('#permission-site-input') as HTMLInputElement;
    input.value = 'javascript:alert(1)';
    input.dispatchEvent(new (window as unknown as { Event: typeof Event }).Event('input', { bubbles: true }));
    await settle(5);
    root
      .querySelector('form.add-site')!
      .dispatchEvent(
        new (window as unknown as { Event: typeof Event }).Event('submit', { bubbles: true, cancelable: true }),
      );
    await settle(5);
    expect(root.querySelector('#permission-site-error')?.textContent).toBe('Enter a site such as example.com.');
    (root.querySelector('#permission-allow-all') as HTMLButtonElement).click();
    await settle(10);
    expect(root.textContent).toContain('The permission was not granted: nothing changed.');
    expect(rows(root)).toEqual([]);
  });

  it('shows all sites as one grant, and offers the supported sites back when the browser withdrew them (Firefox)', async () => {
    granted = ['https://*/*', 'http://*/*'];
    builtInGranted = false;
    const { root } = await mount();
    expect(rows(root)).toEqual(['*']);
    expect(root.querySelector('.granted-sites')?.textContent).toContain('All sites');
    const missing = root.querySelector('[data-testid="builtin-missing"]');
    expect(missing?.textContent).toContain('Allow on the supported sites');
  });
});

describe('whether the supported sites run (builtInSitesRun)', () => {
  it('Chromium, freshly loaded: contains() says false, getAll() lists the content script patterns', () => {
    expect(builtInSitesRun(BUILT_IN, [...BUILT_IN, 'https://*.example.org/*'], false)).toBe(true);
  });

  it('Chromium with site access withheld, or Firefox withdrawn: neither lists them', () => {
    expect(builtInSitesRun(BUILT_IN, [], false)).toBe(false);
    // One site withheld is enough to say so.
    expect(builtInSitesRun(BUILT_IN, [BUILT_IN[0]], false)).toBe(false);
  });

  it('Firefox granted: contains() says true', () => {
    expect(builtInSitesRun(BUILT_IN, [], true)).toBe(true);
    expect(builtInSitesRun([], [], false)).toBe(true);
  });
});

describe('the options page in Chromium, freshly loaded', () => {
  beforeEach(() => {
    resetFakeBrowser();
    (fakeBrowser.runtime.getManifest as unknown as { mockReturnValue(v: unknown): void }).mockReturnValue({
      content_scripts: [{ matches: BUILT_IN, js: FILES.js }],
    });
    const never = { addListener: () => undefined, removeListener: () => undefined };
    (fakeBrowser as unknown as Record<string, unknown>).permissions = {
      getAll: vi.fn(async () => ({ origins: [...BUILT_IN], permissions: [] })),
      contains: vi.fn(async () => false),
      onAdded: never,
      onRemoved: never,
    };
  });

  it('does not say the browser keeps the extension off the supported sites', async () => {
    const { installDom, settle } = await import('./helpers/dom');
    const { h, render } = await import('preact');
    const { PermissionsSection } = await import('../../src/ui/options/components/PermissionsSection');
    const { root } = installDom();
    render(h(PermissionsSection, null), root);
    await settle(10);
    expect(root.querySelector('.builtin-sites')?.textContent).toContain('www.bol.com');
    expect(root.querySelector('[data-testid="builtin-missing"]')).toBeNull();
    expect(root.textContent).not.toContain('does not let the extension read the supported sites');
  });
});
