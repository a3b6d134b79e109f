// The popup card and the options page on the shipped lists: the kind of each list, the
// attributed wording per kind, statuses with their dates, an entry's history, the one-line
// note on an exclusion whose ground is not settlement activity, each list's date and age,
// the plain warning on lists more than a year old, and never a maintainers' curation note.
import { render } from 'preact';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { loadListFiles } from '../../scripts/lib/load-lists';
import type { CompiledData, EntryRef } from '../../src/core/types';
import { installDom, settle } from './helpers/dom';
import { resetFakeBrowser } from './helpers/fake-browser';
import { match, report } from './helpers/reports';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { EntryDetails } = await import('../../src/ui/common/EntryDetails');
const { OptionsApp } = await import('../../src/ui/options/components/OptionsApp');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { AuditRecordView } = await import('../../src/ui/common/AuditRecord');
const { buildBulkRecord } = await import('../../src/ui/presentation/audit');
const { inputsFromLines, screenAll } = await import('../../src/formats/tables');
const { Matcher } = await import('../../src/core/matcher');
const { buildView } = await import('../../src/ui/presentation/view-model');

const root = resolve(__dirname, '../..');
const NOW = new Date('2026-12-06T12:00:00Z');
const GPFG = 'investor-exclusions-norway-gpfg';
const US = 'us-sanctions-eo-14115-historical';

let data: CompiledData;
beforeAll(() => {
  data = buildCompiledData(root);
});
beforeEach(() => resetFakeBrowser());

function entry(list: string, name: string): EntryRef {
  for (const e of data.entities) for (const x of e.entries) if (x.list === list && x.entry === name) return x;
  throw new Error(`no entry ${name} in ${list}`);
}

function card(list: string, name: string): HTMLElement {
  const { root: el } = installDom();
  const meta = data.lists.find((l) => l.id === list);
  render(
    <ul>
      <EntryDetails entry={entry(list, name)} list={meta} now={NOW} />
    </ul>,
    el,
  );
  return el.querySelector('li.entry') as HTMLElement;
}

/** Selects an option the way a user does (linkedom's select has no value setter). */
function choose(select: HTMLSelectElement, value: string): void {
  for (const o of select.querySelectorAll('option')) {
    if (o.getAttribute('value') === value) o.setAttribute('selected', '');
    else o.removeAttribute('selected');
  }
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('popup card per kind of list', () => {
  it('an investor exclusion: kind chip, decision date, who decided and on whose recommendation', () => {
    const li = card(GPFG, 'Bank Leumi Le-Israel BM');
    expect(text(li.querySelector('.badge-kind'))).toBe('Investor exclusion');
    expect(text(li.querySelector('.attribution'))).toBe(
      'Excluded by Norges Bank on August 25, 2025 on the recommendation of the Council on Ethics.',
    );
    // The closed line: short list name and the standing; the sentence above is in its details.
    expect(text(li.querySelector('summary .chip'))).toBe('Norway GPFG');
    expect(text(li.querySelector('summary .why'))).toBe('excluded');
    expect(li.classList.contains('entry-removed')).toBe(false);
    expect(li.querySelector('.ground-note')).toBeNull();
    const history = [...li.querySelectorAll('.entry-history li')].map(text);
    expect(history).toEqual([
      'June 25, 2025: exclusion recommended by the Council on Ethics',
      'July 2, 2025: exclusion recommended by the Council on Ethics',
      'August 25, 2025: excluded (Norges Bank)',
    ]);
    // The list's age; its date is the decision date of the sentence, so it is not said twice.
    expect(text(li)).toContain('(15 months ago)');
    expect(text(li).split('August 25, 2025').length - 1).toBe(2); // the sentence and the history
  });

  it('says in one line when an exclusion is not over settlement activity', () => {
    const li = card(GPFG, 'Caterpillar Inc');
    expect(text(li.querySelector('.ground-note'))).toBe(
      'This exclusion is not over settlement activity: the list gives another ground (see below).',
    );
    expect(text(li)).toContain('destruction of Palestinian property');
    expect(card('investor-exclusions-klp', 'Caterpillar Inc').querySelector('.ground-note')).not.toBeNull();
    expect(
      card('investor-exclusions-klp', 'Bezeq The Israeli Telecommunication Corp Ltd').querySelector('.ground-note'),
    ).toBeNull();
  });

  it('a divestment, an unverified status and a month-only date', () => {
    const isif = card('investor-exclusions-isif', 'Rami Levi Chain Stores Limited');
    expect(text(isif.querySelector('.attribution'))).toBe(
      'Divested by Ireland Strategic Investment Fund (NTMA), announced by the Minister for Finance on April 5, 2024.',
    );
    expect(text(isif.querySelector('summary .why'))).toBe('divested');
    expect(text(isif.querySelector('.status-note'))).toBe(
      '(the list says it has not checked whether this still holds)',
    );
    const klp = card('investor-exclusions-klp', 'Alstom SA');
    expect(text(klp.querySelector('.attribution'))).toBe(
      'Excluded by KLP (Kommunal Landspensjonskasse, Norway) in June 2021.',
    );
  });

  it('a revoked US designation is history: removed styling, revocation date, history', () => {
    const li = card(US, 'Binyanei Bar Amana');
    expect(li.classList.contains('entry-removed')).toBe(true);
    expect(text(li.querySelector('.badge-kind'))).toBe('Sanctions');
    expect(text(li.querySelector('summary .chip'))).toBe('US sanctions (revoked)');
    expect(text(li.querySelector('summary .why'))).toBe('revoked');
    expect(text(li.querySelector('.attribution'))).toBe(
      'Listing by US Department of State and Department of the Treasury (OFAC) revoked on January 20, 2025.',
    );
    expect([...li.querySelectorAll('.entry-history li')].map(text)).toEqual([
      'November 18, 2024: listed',
      'January 20, 2025: revoked (Executive Order 14148 (Initial Rescissions of Harmful Executive Orders and Actions), which rescinded Executive Order 14115)',
    ]);
  });

  it('puts a name only a revoked designation lists under removed, never under flags', () => {
    const lookup = lookupFromCompiled(data);
    const entity = data.entities.find(
      (e) => e.entries.every((x) => x.list === US) && e.displayName === 'Binyanei Bar Amana',
    )!;
    const results = {
      tabId: 1,
      frames: {
        '0': report('https://news.example/', [
          match({
            entity: entity.id,
            key: 'k1',
            text: 'Binyanei Bar Amana Ltd.',
            level: 'possible',
            rule: 'delisted-only',
            evidence: [{ kind: 'delisted-only' }],
            lists: [{ list: US, entry: 'Binyanei Bar Amana', status: 'delisted' }],
            frameId: 0,
          }),
        ]),
      },
    };
    const view = buildView(results, lookup);
    expect(view.flags).toEqual([]);
    expect(view.removed.map((e) => e.displayName)).toEqual(['Binyanei Bar Amana']);
  });

  it('the UN database keeps its wording, with a removal date for removed enterprises', () => {
    const listed = card('ohchr-bhr-database-hrc-31-36', 'Bank Leumi Le-Israel Ltd.');
    expect(text(listed.querySelector('.badge-kind'))).toBe('UN database');
    expect(text(listed.querySelector('.attribution'))).toBe(
      'Listed by United Nations Office of the High Commissioner for Human Rights (OHCHR) for (e), (f), (g), in the list published on September 26, 2025.',
    );
    expect(text(listed.querySelector('summary'))).toBe('UN database activities (e), (f), (g)');
    const removed = card('ohchr-bhr-database-hrc-31-36', 'Alstom S. A.');
    expect(text(removed.querySelector('summary .why'))).toBe('removed from the list');
    expect(text(removed.querySelector('.attribution'))).toContain('on September 26, 2025');
  });
});

describe('options page on the shipped lists', () => {
  async function mount() {
    const { root: el, window } = installDom();
    render(<OptionsApp lists={data.lists} now={NOW} />, el);
    await settle(10);
    return { el, window };
  }
  const cardOf = (el: HTMLElement, id: string) =>
    el.querySelector(`#list-${id}`)?.closest('.list-card') as HTMLElement | null;

  it('shows each list as a short card: name, publisher, date, entries, completeness in one sentence; the rest behind "more"', async () => {
    const { el } = await mount();
    const dbio = cardOf(el, 'dbio-2024')!;
    expect(text(dbio.querySelector('h3'))).toContain('DBIO');
    expect(text(dbio.querySelector('.list-line'))).toBe(
      "Don't Buy Into Occupation coalition · November 26, 2024 (2 years ago) · 31 entries",
    );
    expect(text(dbio.querySelector('.coverage-short'))).toMatch(
      /^This copy is partial: it has 18 of the report's 58 companies/,
    );
    const more = dbio.querySelector('details.list-more') as HTMLElement;
    expect(more.hasAttribute('open')).toBe(false);
    expect(text(more)).toContain("Don't Buy Into Occupation (DBIO) IV report, November 2024");
    // Every shipped list gets one sentence of its own coverage note, not the whole note.
    for (const list of data.lists) {
      const sentence = text(cardOf(el, list.id)!.querySelector('.coverage-short'));
      expect(list.coverageNote.replace(/\s+/g, ' '), list.id).toContain(sentence);
      expect(sentence, list.id).toMatch(/^\p{Lu}.{20,300}[.)]$/u);
      expect(sentence.length, list.id).toBeLessThan(list.coverageNote.length);
    }
  });

  it("shows every list's coverage note for users and no text of any curation note", async () => {
    const { el } = await mount();
    const page = el.textContent ?? '';
    const files = loadListFiles(resolve(root, 'data/lists'));
    for (const l of data.lists) {
      const file = files.find((f) => f.json.id === l.id)!.json;
      expect(text(cardOf(el, l.id)!.querySelector('.coverage-note'))).toBe(file.coverage_note);
    }
    for (const { json } of files) {
      // Any 30 characters of a curation note that appear nowhere else in the file.
      const { curation_note: note, ...rest } = json;
      const elsewhere = JSON.stringify(rest);
      let checked = 0;
      for (let i = 0; i + 30 <= note.length; i += 15) {
        const piece = note.slice(i, i + 30);
        if (elsewhere.includes(piece)) continue;
        checked++;
        expect(page, `${json.id}: "${piece}"`).not.toContain(piece);
      }
      expect(checked, json.id).toBeGreaterThan(0);
    }
  });

  it('says plainly which lists are more than a year old, and gives every list its date and age', async () => {
    const { el } = await mount();
    const stale = [...el.querySelectorAll('.list-stale')].map(
      (p) => p.closest('.list-card')!.querySelector('input')!.id,
    );
    expect(stale).toEqual([
      'list-dbio-2024',
      'list-investor-exclusions-isif',
      'list-investor-exclusions-klp',
      'list-investor-exclusions-norway-gpfg',
      'list-ohchr-bhr-database-hrc-31-36',
      'list-au-sanctions-settler-violence',
      'list-ca-sanctions-extremist-settler-violence',
      'list-jp-sanctions-settler-violence',
      'list-uk-sanctions-settler-violence',
      `list-${US}`,
    ]);
    expect(text(cardOf(el, GPFG)!.querySelector('.list-stale'))).toBe(
      'This list dates from August 25, 2025, more than a year ago. Newer decisions or removals may be missing.',
    );
    const eu = cardOf(el, 'eu-sanctions-settler-violence')!;
    expect(eu.querySelector('.list-stale')).toBeNull();
    expect(text(eu)).toContain('May 28, 2026 (6 months ago)');
    expect(text(cardOf(el, 'whoprofits')!.querySelector('.list-undated'))).toBe(
      'This list gives no date, so how old it is is not known.',
    );
    expect(text(cardOf(el, US)!.querySelector('.list-historical'))).toContain('none of its entries is in force');
    expect(cardOf(el, GPFG)!.querySelector('.list-historical')).toBeNull();
  });

  it("names each list's kind and filters the lists by kind", async () => {
    const { el, window } = await mount();
    expect(text(cardOf(el, 'jp-sanctions-settler-violence')!.querySelector('.badge-kind'))).toBe('Sanctions');
    expect(text(cardOf(el, 'whoprofits')!.querySelector('.badge-kind'))).toBe('NGO research');
    const select = el.querySelector('#list-kind-filter') as HTMLSelectElement;
    expect([...select.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual([
      'all',
      'un-database',
      'sanctions',
      'investor-exclusion',
      'ngo-research',
    ]);
    choose(select, 'investor-exclusion');
    select.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(
      [...el.querySelectorAll('[aria-labelledby="lists-heading"] .list-card')].map((c) => c.getAttribute('data-kind')),
    ).toEqual(['investor-exclusion', 'investor-exclusion', 'investor-exclusion']);
    choose(select, 'all');
    select.dispatchEvent(new (window as any).Event('change'));
    await settle(10);
    expect(el.querySelectorAll('[aria-labelledby="lists-heading"] .list-card')).toHaveLength(data.lists.length);
  });
});

describe('printable audit record (PDF)', () => {
  it('names every list with its kind and SHA-256, and words each entry for its kind', () => {
    const rows = screenAll(Matcher.fromData(data), inputsFromLines('Caterpillar Inc.\nBinyanei Bar Amana Ltd.'));
    const record = buildBulkRecord(
      {
        lists: data.lists,
        enabledLists: {},
        dismissals: [],
        lookup: lookupFromCompiled(data),
        generator: { name: 'Settlement Screen', version: '9.9.9' },
        now: () => NOW,
      },
      rows,
      { fileName: null, sha256: 'f'.repeat(64), bytes: 10, format: 'text', sheet: null, column: null, header: null },
    );
    const { root: el } = installDom();
    render(<AuditRecordView record={record} />, el);
    const blocks = [...el.querySelectorAll('.r-lists tbody')].map(text);
    expect(blocks).toHaveLength(data.lists.length);
    for (const l of data.lists) {
      const block = blocks.find((b) => b.includes(l.title))!;
      expect(block, l.id).toContain(l.sha256);
    }
    expect(blocks.find((b) => b.includes(data.lists.find((l) => l.id === GPFG)!.title))).toContain(
      '(Investor exclusion)',
    );
    const page = text(el);
    expect(page).toContain(
      'Excluded by Norges Bank on August 25, 2025 on the recommendation of the Council on Ethics.',
    );
    expect(page).toContain('This exclusion is not over settlement activity');
    expect(page).toContain(
      'Listing by US Department of State and Department of the Treasury (OFAC) revoked on January 20, 2025.',
    );
    expect(page).toContain('History: November 18, 2024: listed; January 20, 2025: revoked');
  });
});
