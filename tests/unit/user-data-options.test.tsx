// The options page's user-data sections, rendered with linkedom over fake-indexeddb:
// importing a list (preview, errors with row and column, conflicts), removing one, the
// imported list in the list switches, and undoing dismissals.
import { deleteDB } from 'idb';
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, installDom, settle } from './helpers/dom';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { OptionsApp } = await import('../../src/ui/options/components/OptionsApp');
const ud = await import('../../src/shared/user-data');

const CSV = 'name,aliases,source_url\nAcme Holdings Ltd.,Acme,https://example.org/acme\n<b>Zeta</b> Logistics BV,,\n';

/** Wait until `check` passes (IndexedDB opens take a few event-loop turns). */
async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await settle(5);
  }
}

async function mount() {
  const { root, window } = installDom();
  render(<OptionsApp lists={fixtureData.lists} />, root);
  // Both user-data sections have loaded.
  await until(() => !root.textContent!.includes('Loading…'));
  return { root, window };
}

function fileLike(name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return { name, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer };
}

async function chooseFile(root: HTMLElement, window: Window, name: string, text: string) {
  const input = root.querySelector('#import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: [fileLike(name, text)] });
  input.dispatchEvent(new (window as any).Event('change'));
  await settle(20);
}

async function type(root: HTMLElement, window: Window, selector: string, value: string) {
  const input = root.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new (window as any).Event('input'));
  await settle(0);
}

async function submit(root: HTMLElement, window: Window) {
  const form = root.querySelector('form.import-form') as HTMLFormElement;
  form.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
  await settle(30);
}

const importButton = (root: HTMLElement) =>
  root.querySelector('form.import-form button[type="submit"]') as HTMLButtonElement;
const settings = () =>
  fakeBrowser.storage.local.data.get('settings') as { enabledLists: Record<string, boolean> } | undefined;

describe('options: imported lists', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
  });

  it('previews a CSV file, imports it with the form metadata, and lists it with a switch', async () => {
    const { root, window } = await mount();
    expect(root.querySelector('#import-heading')?.textContent).toBe('Import a list');
    expect(root.textContent).toContain('No lists imported.');
    expect(importButton(root).disabled).toBe(true);

    await chooseFile(root, window, 'council.csv', CSV);
    expect(root.querySelector('.import-count')?.textContent).toBe('2 entries ready to import from council.csv.');
    expect(importButton(root).disabled).toBe(false);

    await type(root, window, '#import-title', 'Council exclusion list');
    await type(root, window, '#import-publisher', 'Stad Gent');
    await type(root, window, '#import-date', '2026-03-01');
    await submit(root, window);

    expect(root.querySelector('.import-status')?.textContent).toBe(
      'Imported “Council exclusion list” with 2 entries. Switch it on or off under Lists.',
    );
    const stored = await ud.listImportedLists();
    expect(stored.map((l) => [l.id, l.meta.publisher, l.meta.published, l.fileName])).toEqual([
      ['user:council-exclusion-list', 'Stad Gent', '2026-03-01', 'council.csv'],
    ]);
    const card = root.querySelector('.imported-list')!;
    expect(card.textContent).toContain('Council exclusion list');
    expect(card.textContent).toContain('Stad Gent');
    expect(card.textContent).toContain('council.csv');
    expect(card.querySelector('.hash')?.textContent).toBe(stored[0].meta.sha256);
    // The form is cleared for the next file.
    expect((root.querySelector('#import-title') as HTMLInputElement).value).toBe('');

    // In the list switches, with an "imported" badge, and switchable like the bundled ones.
    const sw = root.querySelector('#list-user\\:council-exclusion-list') as HTMLInputElement;
    expect(sw).not.toBeNull();
    expect(sw.closest('.list-card')?.querySelector('.badge-imported')?.textContent).toBe('imported');
    sw.checked = false;
    sw.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(settings()?.enabledLists).toEqual({ 'user:council-exclusion-list': false });
  });

  it('shows what is wrong and where, and imports nothing', async () => {
    const { root, window } = await mount();
    await chooseFile(root, window, 'bad.csv', 'name,source_url\nAcme,https://example.org\nBeta,javascript:alert(1)\n');
    const error = root.querySelector('.import-preview [role="alert"]');
    expect(error?.textContent).toBe(
      'Row 3, column source_url: “javascript:alert(1)” is not a web address (it must start with http:// or https://).',
    );
    expect(importButton(root).disabled).toBe(true);
    await submit(root, window);
    expect(await ud.listImportedLists()).toEqual([]);

    const cut = '{"title": "x", "publisher": "y", "entries": [{"name": "Ac';
    await chooseFile(root, window, 'cut.json', cut);
    expect(root.querySelector('.import-preview [role="alert"]')?.textContent).toBe(
      `Line 1, character ${cut.length + 1}: the JSON file ends here, too early: it is probably cut off.`,
    );

    await chooseFile(root, window, 'latin1.csv', 'name\nSoci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale\n');
    expect(root.querySelector('.import-preview [role="alert"]')?.textContent).toBe(
      'Line 2, character 5: the file is probably not UTF-8. Save it as UTF-8 (in Excel: “CSV UTF-8”) and choose it again.',
    );
  });

  it('checks the form on import: a missing title is refused', async () => {
    const { root, window } = await mount();
    await chooseFile(root, window, 'council.csv', CSV);
    await type(root, window, '#import-publisher', 'Stad Gent');
    await submit(root, window);
    expect(root.querySelector('.import-error')?.textContent).toBe('The list was not imported. Give the list a title.');
    expect(await ud.listImportedLists()).toEqual([]);
  });

  it('shows warnings before importing', async () => {
    const { root, window } = await mount();
    await chooseFile(root, window, 'dup.csv', 'name,notes\nAcme Ltd,x\nACME LTD,y\n');
    const warnings = [...root.querySelectorAll('.import-warnings li')].map((li) => li.textContent);
    expect(warnings).toEqual([
      'The column “notes” is not part of the format; it is ignored.',
      'Row 3: this name is also in row 2; both are kept and shown as one company.',
    ]);
    expect(importButton(root).disabled).toBe(false);
  });

  it('a refused import (same list again) leaves earlier imports and dismissals untouched; Replace replaces', async () => {
    const { root, window } = await mount();
    await chooseFile(root, window, 'council.csv', CSV);
    await type(root, window, '#import-title', 'Council list');
    await type(root, window, '#import-publisher', 'Stad Gent');
    await submit(root, window);
    const d = await ud.addDismissal({ entity: 'acme', entityName: 'Acme', scope: 'everywhere', reason: 'bakery' });
    const before = await ud.listImportedLists();

    await chooseFile(root, window, 'council-v2.csv', 'name\nOther Company BV\n');
    await type(root, window, '#import-title', 'Council list');
    await type(root, window, '#import-publisher', 'Stad Gent');
    await submit(root, window);
    const conflict = root.querySelector('.import-conflict');
    expect(conflict?.textContent).toContain('A list with this title (or id) is already imported.');
    expect(await ud.listImportedLists()).toEqual(before);
    expect(await ud.listDismissals()).toEqual([d]);

    click(conflict!.querySelector('button'));
    await settle(30);
    const after = await ud.listImportedLists();
    expect(after.map((l) => [l.fileName, l.meta.entryCount])).toEqual([['council-v2.csv', 1]]);
    expect(await ud.listDismissals()).toEqual([d]);
  });

  it('removes an imported list only after confirmation, and forgets its switch', async () => {
    const parsed = (await import('../../src/core/import-list')).parseImportedList('c.csv', CSV, {
      title: 'Council list',
      publisher: 'Stad Gent',
    });
    await ud.importList(parsed, { name: 'c.csv', text: CSV });
    fakeBrowser.storage.local.data.set('settings', {
      enabledLists: { 'user:council-list': false, eu: false },
      pausedSites: [],
    });
    const { root } = await mount();
    const card = () => root.querySelector('.imported-list');
    expect(card()?.textContent).toContain('Council list');

    click(card()!.querySelector('button[aria-label="Remove the imported list Council list"]'));
    await settle(10);
    expect(card()?.querySelector('[role="alertdialog"]')?.textContent).toContain(
      'Remove “Council list”? Pages will no longer be checked against it.',
    );
    click([...card()!.querySelectorAll('button')].find((b) => b.textContent === 'Keep it')!);
    await settle(10);
    expect(card()?.querySelector('[role="alertdialog"]')).toBeNull();
    expect(await ud.listImportedLists()).toHaveLength(1);

    click(card()!.querySelector('button[aria-label="Remove the imported list Council list"]'));
    await settle(10);
    click([...card()!.querySelectorAll('button')].find((b) => b.textContent === 'Remove list')!);
    await settle(40);
    expect(await ud.listImportedLists()).toEqual([]);
    expect(card()).toBeNull();
    expect(root.querySelector('.import-status')?.textContent).toBe('Removed “Council list”.');
    expect(settings()?.enabledLists).toEqual({ eu: false });
    expect(root.querySelector('#list-user\\:council-list')).toBeNull();
  });

  it('shows list data with markup as text', async () => {
    const parsed = (await import('../../src/core/import-list')).parseImportedList('c.csv', CSV, {
      title: '<img src=x onerror=alert(1)> list',
      publisher: '<b>NGO</b>',
    });
    await ud.importList(parsed, { name: '<i>c</i>.csv', text: CSV });
    const { root } = await mount();
    const card = root.querySelector('.imported-list')!;
    expect(card.querySelector('img, b, i')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror=alert(1)> list');
    expect(card.textContent).toContain('<b>NGO</b>');
  });
});

describe('options: dismissals', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
  });

  it('lists every dismissal with company, scope, site, reason and date, and undoes one', async () => {
    await ud.addDismissal(
      {
        entity: 'acme',
        entityName: 'Acme Holdings Ltd.',
        scope: 'site',
        site: 'shop.example.com',
        reason: 'Acme the bakery',
      },
      new Date('2026-02-01T10:00:00Z'),
    );
    await ud.addDismissal(
      { entity: 'volvo', entityName: 'Volvo Group', scope: 'everywhere' },
      new Date('2026-02-02T10:00:00Z'),
    );
    const { root } = await mount();
    const items = () => [...root.querySelectorAll('.dismissal')];
    expect(items().map((li) => li.querySelector('h3')?.textContent)).toEqual(['Volvo Group', 'Acme Holdings Ltd.']);
    const acme = items()[1].textContent!;
    expect(acme).toContain('on shop.example.com and its subdomains');
    expect(acme).toContain('Acme the bakery');
    expect(acme).toContain('February 1, 2026');
    const volvo = items()[0].textContent!;
    expect(volvo).toContain('on every site');
    expect(volvo).toContain('none given');

    click(items()[1].querySelector('button'));
    await settle(30);
    expect(items().map((li) => li.querySelector('h3')?.textContent)).toEqual(['Volvo Group']);
    expect(root.textContent).toContain('Acme Holdings Ltd. is flagged again.');
    expect((await ud.listDismissals()).map((d) => d.entity)).toEqual(['volvo']);
  });

  it('says when there are none', async () => {
    const { root } = await mount();
    expect(root.textContent).toContain('You have not dismissed any flags.');
  });
});
