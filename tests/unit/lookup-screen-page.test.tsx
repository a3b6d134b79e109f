// The screening page (paste, column choice, results, filters, exports, errors), the
// printable report (text only) and the report page the popup opens.
import Papa from 'papaparse';
import { render } from 'preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { click, installDom, settle } from './helpers/dom';
import { resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { ScreenApp } = await import('../../src/ui/screen/components/ScreenApp');
const { AuditRecordView } = await import('../../src/ui/common/AuditRecord');
const { RecordPage } = await import('../../src/ui/record/components/RecordPage');
const { parseReportQuery } = await import('../../src/ui/common/record-query');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { defaultSettings } = await import('../../src/shared/settings');
const { buildPageRecord, BULK_CSV_COLUMNS } = await import('../../src/ui/presentation/audit');
const { filterRows, sortRows, pageSlice, pageCount } = await import('../../src/ui/screen/table-view');
const { screenAll, inputsFromLines } = await import('../../src/formats/tables');

let data: CompiledData;
let load: () => Promise<import('../../src/ui/common/extension-data').ExtensionData>;
beforeAll(() => {
  data = buildCompiledData();
  const ext = { data, lookup: lookupFromCompiled(data), settings: defaultSettings(), matcher: Matcher.fromData(data) };
  load = () => Promise.resolve(ext);
});
beforeEach(() => resetFakeBrowser());

const Event = () => (window as any).Event;
const NOW = () => new Date('2026-11-23T14:05:00Z');

async function until(cond: () => boolean, tries = 100) {
  for (let i = 0; i < tries && !cond(); i++) await settle(5);
  expect(cond()).toBe(true);
}

/** linkedom's select.value is read-only: select the option the way a user would. */
function choose(select: Element | null, value: string) {
  if (!select) throw new Error('select not found');
  for (const o of select.querySelectorAll('option')) {
    if (o.getAttribute('value') === value) o.setAttribute('selected', '');
    else o.removeAttribute('selected');
  }
  select.dispatchEvent(new (Event())('change'));
}

async function paste(root: HTMLElement, text: string) {
  const area = root.querySelector('#paste-names') as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new (Event())('input'));
  await settle();
  root.querySelector('form.paste')!.dispatchEvent(new (Event())('submit', { cancelable: true }));
}

function renderApp(over: Record<string, unknown> = {}) {
  const { root } = installDom();
  const download = vi.fn();
  const print = vi.fn();
  render(<ScreenApp load={load} download={download} print={print} now={NOW} {...over} />, root);
  return { root, download, print };
}

describe('screening page', () => {
  it('screens pasted names and shows a row per name with result, entry and source', async () => {
    const { root } = renderApp();
    await settle();
    await paste(root, 'Elbit Systems Ltd\nAcme Bakery BV\nVolvo Cars\nCAT\n');
    await until(() => root.querySelector('.results-table') !== null);
    const rows = [...root.querySelectorAll('.results-table tbody tr')];
    expect(rows).toHaveLength(4);
    const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells(rows[0]).slice(0, 4)).toEqual(['1', 'Elbit Systems Ltd', '', 'Listed']);
    expect(cells(rows[0])[4]).toMatch(/Elbit/);
    expect(cells(rows[1])[3]).toBe('Not found');
    expect(cells(rows[3])[3]).toBe('For review');
    expect(cells(rows[3])[7]).toBe('short alias');
    expect(cells(rows[0])[8]).toBe('line 1');
    expect(root.querySelector('.counts')?.textContent).toBe(
      '4 names checked: 1 listed, 1 for review, 0 removed from a list, 2 not found.',
    );
    // Details of a row: the same cards as the popup.
    click(root.querySelector('.row-name'));
    await settle();
    expect(root.querySelector('.details-row article.entity-flag')).not.toBeNull();
  });

  it('filters by result and exports CSV and JSON records of every name', async () => {
    const { root, download } = renderApp();
    await settle();
    await paste(root, 'Elbit Systems Ltd\nAcme Bakery BV\n=cmd|"/C calc"!A0\n');
    await until(() => root.querySelector('.results-table') !== null);
    choose(root.querySelector('#filter-result'), 'flag');
    await settle();
    expect(root.querySelectorAll('.results-table tbody tr')).toHaveLength(1);
    const buttons = [...root.querySelectorAll('.result-actions button')];
    click(buttons[1]);
    const [csvName, csv, csvMime] = download.mock.calls[0];
    expect(csvName).toBe('settlement-screen-bulk-2026-11-23T1405Z.csv');
    expect(csvMime).toMatch(/^text\/csv/);
    const lines = Papa.parse<string[]>(csv.trim(), { delimiter: ',' }).data;
    expect(lines[0]).toEqual([...BULK_CSV_COLUMNS]);
    // The filter is a view: the record has every name.
    expect(lines.slice(1).map((l) => l[2])).toEqual(['Elbit Systems Ltd', 'Acme Bakery BV', '\'=cmd|"/C calc"!A0']);
    click(buttons[2]);
    const record = JSON.parse(download.mock.calls[1][1]);
    expect(record.kind).toBe('bulk');
    expect(record.input.fileName).toBeNull();
    expect(record.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.rows.map((r: { result: string }) => r.result)).toEqual(['flag', 'clear', 'clear']);
  });

  it('asks for the column of pasted spreadsheet cells, then screens that column', async () => {
    const { root } = renderApp();
    await settle();
    await paste(root, 'Ref\tBidder\tCountry\n1\tHeidelberg Materials AG\tDE\n2\tAcme\tNL\n');
    await until(() => root.querySelector('.column-chooser') !== null);
    expect(root.querySelector('.preview .chosen')?.textContent).toBe('Bidder');
    click(root.querySelector('.column-chooser .actions button.primary'));
    await until(() => root.querySelector('.results-table') !== null);
    const names = [...root.querySelectorAll('.row-name')].map((b) => b.textContent);
    expect(names).toEqual(['Heidelberg Materials AG', 'Acme']);
    expect(root.querySelector('.results-table tbody td.source')?.textContent).toBe('row 2, column B (Bidder)');
  });

  it('says what is wrong and where, and shows no results, for a broken table', async () => {
    const { root } = renderApp();
    await settle();
    await paste(root, `Name\tNote\nAcme\tok\n${'x'.repeat(1200)}\tok\n`);
    await until(() => root.querySelector('.column-chooser') !== null);
    click(root.querySelector('.column-chooser .actions button.primary'));
    await settle();
    expect(root.querySelector('.column-chooser [role="alert"]')?.textContent).toBe(
      'At row 3, column A (Name): the cell has 1,200 characters, more than a name can have (1,000). Is this the right column? Nothing was checked.',
    );
    expect(root.querySelector('.results-table')).toBeNull();
  });

  it('pre-fills the lookup with the context menu’s selection', async () => {
    const { root } = renderApp({ query: 'Volvo Cars' });
    await until(() => root.querySelector('.lookup-summary') !== null);
    expect(root.querySelector('.lookup-summary')?.textContent).toMatch(/No listed company found in “Volvo Cars”/);
  });

  it('renders the report only once printing is asked for, then prints', async () => {
    const { root, print } = renderApp();
    await settle();
    await paste(root, 'Elbit Systems Ltd\nAcme Bakery BV\n');
    await until(() => root.querySelector('.results-table') !== null);
    expect(root.querySelector('.print-only')).toBeNull();
    click(root.querySelector('.result-actions button.primary'));
    await until(() => print.mock.calls.length > 0);
    expect(print).toHaveBeenCalledTimes(1);
    expect(root.querySelector('.print-only .report h1')?.textContent).toBe('Screening record');
  });
});

describe('results table view', () => {
  it('filters, sorts and pages 10,000 rows quickly', () => {
    const matcher = Matcher.fromData(data);
    const names = Array.from({ length: 10_000 }, (_, i) => (i % 500 === 0 ? 'Elbit Systems Ltd' : `Bakkerij N${i} BV`));
    const rows = screenAll(matcher, inputsFromLines(names.join('\n')));
    const start = performance.now();
    const flags = filterRows(rows, { result: 'flag', list: 'all', text: '' });
    const sorted = sortRows(rows, 'result', 'asc');
    const byName = sortRows(rows, 'input', 'desc');
    const ms = performance.now() - start;
    expect(flags).toHaveLength(20);
    expect(sorted.slice(0, 20).every((r) => r.result === 'flag')).toBe(true);
    expect(byName[0].input >= byName[1].input).toBe(true);
    expect(pageCount(rows.length)).toBe(100);
    expect(pageSlice(rows, 99).map((r) => r.row)[99]).toBe(10_000);
    expect(filterRows(rows, { result: 'all', list: 'all', text: 'elbit' })).toHaveLength(20);
    expect(filterRows(rows, { result: 'all', list: 'dbio-2024', text: '' })).toHaveLength(20);
    console.info(`table view: filter + 2 sorts of 10,000 rows in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
  });
});

describe('report', () => {
  const ctx = {
    lists: fixtureData.lists,
    enabledLists: {},
    dismissals: [],
    lookup: lookupFromCompiled(fixtureData),
    generator: { name: 'Settlement Screen', version: '1.0.0' },
    now: NOW,
  };

  it('prints list data and page text with markup literally', () => {
    const { root } = installDom();
    const results = fixtureResults();
    results.frames['0'].matches[0].context = 'Supplier: <script>alert(1)</script> <b>Acme</b>';
    render(<AuditRecordView record={buildPageRecord(ctx, results)} />, root);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>Acme</b> Holdings Ltd.');
    expect(root.textContent).toContain('<script>alert(1)</script>');
  });

  it('states the lists with version and SHA-256, on or off, and the dismissals', () => {
    const { root } = installDom();
    const record = buildPageRecord(
      {
        ...ctx,
        enabledLists: { wp: false },
        dismissals: [
          {
            entityName: 'Amana',
            scope: 'everywhere',
            site: null,
            reason: 'Different Amana (charity)',
            createdAt: '2026-01-01T00:00:00Z',
          },
        ],
      },
      fixtureResults(),
    );
    render(<AuditRecordView record={record} />, root);
    const blocks = [...root.querySelectorAll('.r-lists tbody')];
    expect(blocks).toHaveLength(3);
    const listRows = blocks.map((b) => [...b.querySelector('tr')!.querySelectorAll('td')].map((td) => td.textContent));
    expect(listRows[0][0]).toBe('OHCHR database of business enterprisesOHCHR');
    expect(blocks[1].querySelector('.r-hash-row')?.textContent).toBe('SHA-256 of the list data: x');
    expect(listRows[2][2]).toBe('undated');
    expect(listRows[2][3]).toBe('off');
    expect(listRows[0][3]).toBe('on');
    expect(root.textContent).toContain('Different Amana (charity)');
    expect(root.textContent).toContain('Dismissed by the user: Different Amana (charity)');
  });
});

describe('report page', () => {
  it('reads its query', () => {
    expect(parseReportQuery('?tab=12&export=csv')).toEqual({ tabId: 12, exportKind: 'csv' });
    expect(parseReportQuery('?tab=x&export=evil')).toEqual({ tabId: null, exportKind: null });
  });

  it('builds the record from the tab results and downloads what the popup asked for', async () => {
    const { root } = installDom();
    const download = vi.fn();
    const fixtureLoad = () =>
      Promise.resolve({
        data: fixtureData,
        lookup: lookupFromCompiled(fixtureData),
        settings: defaultSettings(),
        matcher: Matcher.fromData(fixtureData),
      });
    render(
      <RecordPage
        tabId={7}
        exportKind="json"
        load={fixtureLoad}
        getResults={async () => fixtureResults()}
        download={download}
        print={vi.fn()}
      />,
      root,
    );
    await until(() => root.querySelector('.report') !== null);
    expect(download).toHaveBeenCalledTimes(1);
    const record = JSON.parse(download.mock.calls[0][1]);
    expect(record.kind).toBe('page');
    expect(record.findings.length).toBe(4);
    expect(root.querySelector('.report h1')?.textContent).toBe('Record of a page check');
  });

  it('says so when the tab has no results any more', async () => {
    const { root } = installDom();
    render(<RecordPage tabId={7} exportKind={null} load={load} getResults={async () => null} />, root);
    await until(() => root.querySelector('.report-status') !== null && !root.textContent!.includes('Loading'));
    expect(root.textContent).toMatch(/There are no results for this tab any more/);
  });
});
