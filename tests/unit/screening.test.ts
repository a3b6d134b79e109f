// Bulk screening logic: results for listed names and for traps (look-alikes, common words,
// short aliases), one name = one question (no corroboration across rows), time slices with
// progress and cancel, data files with roles, and speed (300 names well under a second).
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import type { Match } from '../../src/core/types';
import {
  countResults,
  inputsFromLines,
  loadScreeningFile,
  resultOf,
  screenAll,
  screenInSlices,
  screenName,
  type ScreenInput,
  type ScreenRow,
} from '../../src/formats/tables';

let matcher: Matcher;
beforeAll(() => {
  matcher = Matcher.fromData(buildCompiledData());
});

const parseXml = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const one = (name: string, field: ScreenInput['field'] = null): ScreenRow =>
  screenName(matcher, { input: name, field, source: { kind: 'line', line: 1 } });

describe('screening one name', () => {
  it('flags listed companies with the entry and list that name them', () => {
    const elbit = one('Elbit Systems Ltd');
    expect(elbit.result).toBe('flag');
    expect(elbit.matches[0].entityName).toMatch(/Elbit/);
    expect(elbit.matches[0].lists.length).toBeGreaterThan(0);
    expect(one('Motorola Solutions, Inc.').result).toBe('flag');
    expect(one('Heidelberg Materials AG').result).toBe('flag');
    // A listed group with a country and a legal form: a group member, flagged.
    const ibm = one('IBM Nederland B.V.');
    expect(ibm.result).toBe('flag');
    expect(ibm.matches[0].matchType).toBe('group-member');
  });

  it('leaves look-alikes clear and says why', () => {
    for (const name of ['Volvo Cars', 'Motorola Mobility LLC', 'Hyundai Motor Company']) {
      const row = one(name);
      expect(row.result, name).toBe('clear');
      expect(row.matches, name).toEqual([]);
      expect(row.guards.length, name).toBeGreaterThan(0);
    }
  });

  it('shows short and common-word names as possible, with the reason, unless the cell confirms them', () => {
    const cat = one('CAT');
    expect(cat.result).toBe('possible');
    expect(cat.matches[0].evidence).toContainEqual({ kind: 'no-corroboration', reason: expect.any(String) });
    expect(one('Carrefour').result).toBe('possible');
    // A legal form in the same cell confirms it.
    expect(one('Carrefour SA').result).toBe('flag');
    // A role stated by a data file confirms a short name too.
    expect(one('Carrefour', 'winner').result).toBe('flag');
  });

  it('finds nothing in ordinary names and words', () => {
    for (const name of ['Acme Bakery BV', 'booking a table', 'Gemeente Gent', 'De Lijn']) {
      expect(one(name).result, name).toBe('clear');
    }
  });

  it('does not let one row confirm another (each name is its own question)', () => {
    const rows = screenAll(matcher, inputsFromLines('Caterpillar Inc.\nCAT'));
    expect(rows.map((r) => r.result)).toEqual(['flag', 'possible']);
  });

  it('reports rows whose only matches are removed entries as removed, never as flags', () => {
    const m = (level: Match['level'], delisted: boolean): Match => ({
      start: 0,
      end: 1,
      text: 'x',
      level,
      matchType: 'exact',
      entity: 'e',
      entityName: 'E',
      name: 'E',
      nameId: 1,
      nameStrength: 'strong',
      lists: [],
      field: null,
      evidence: delisted ? [{ kind: 'delisted-only' }] : [],
      rule: delisted ? 'delisted-only' : 'strong-name',
    });
    expect(resultOf([])).toBe('clear');
    expect(resultOf([m('possible', true)])).toBe('removed');
    expect(resultOf([m('possible', true), m('possible', false)])).toBe('possible');
    expect(resultOf([m('possible', false), m('flag', false)])).toBe('flag');
  });
});

describe('screening many names', () => {
  const traps = ['Elbit Systems Ltd', 'Volvo Cars', 'CAT', 'Acme Bakery BV', 'Carrefour SA', 'Motorola Mobility LLC'];
  const names = (n: number) =>
    Array.from({ length: n }, (_, i) => (i < traps.length ? traps[i] : `Supplier ${i} Construction BV`));

  it('screens 300 names well under a second, every row in order with its source line', () => {
    const inputs = inputsFromLines(names(300).join('\n'));
    const start = performance.now();
    const rows = screenAll(matcher, inputs);
    const ms = performance.now() - start;
    expect(rows).toHaveLength(300);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(rows[4].source).toEqual({ kind: 'line', line: 5 });
    expect(rows.slice(0, 6).map((r) => r.result)).toEqual(['flag', 'clear', 'possible', 'clear', 'flag', 'clear']);
    expect(countResults(rows)).toEqual({ checked: 300, flag: 2, possible: 1, removed: 0, clear: 297 });
    console.info(`screening: 300 names in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
  });

  it('screens 10,000 names in time slices with progress, giving the same rows as at once', async () => {
    const inputs = inputsFromLines(names(10_000).join('\n'));
    const progress: number[] = [];
    let yields = 0;
    const start = performance.now();
    const rows = await screenInSlices(matcher, inputs, {
      sliceMs: 8,
      onProgress: (done, total) => {
        expect(total).toBe(10_000);
        progress.push(done);
      },
      yieldToEventLoop: async () => {
        yields++;
      },
    });
    const ms = performance.now() - start;
    console.info(`screening: 10,000 names in ${ms.toFixed(0)} ms (${yields} slices)`);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(10_000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(rows).toEqual(screenAll(matcher, inputs));
  });

  it('yields between slices, never runs one slice longer than asked', async () => {
    const inputs = inputsFromLines(names(50).join('\n'));
    let clock = 0;
    let yields = 0;
    // Every name "takes" 5 ms: a 12 ms slice holds 3 names.
    const rows = await screenInSlices(matcher, inputs, {
      sliceMs: 12,
      now: () => (clock += 5),
      yieldToEventLoop: async () => {
        yields++;
      },
    });
    expect(rows).toHaveLength(50);
    expect(yields).toBeGreaterThanOrEqual(12);
  });

  it('gives no rows at all when cancelled', async () => {
    const inputs = inputsFromLines(names(2_000).join('\n'));
    const controller = new AbortController();
    let slices = 0;
    const run = screenInSlices(matcher, inputs, {
      sliceMs: 0,
      signal: controller.signal,
      yieldToEventLoop: async () => {
        if (++slices === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(slices).toBe(3);
  });
});

describe('screening procurement data files', () => {
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(new URL(`../fixtures/data-files/${name}`, import.meta.url)));

  it('screens every party a TED notice names, with its role and XPath', async () => {
    const loaded = await loadScreeningFile('notice.xml', fixture('ted-xml-r209-20-157543.xml'), parseXml);
    expect(loaded.kind).toBe('names');
    if (loaded.kind !== 'names') return;
    expect(loaded.format).toBe('ted-xml-r209');
    expect(loaded.inputs.length).toBeGreaterThan(0);
    expect(loaded.inputs.every((i) => i.source.kind === 'path' && i.source.path.startsWith('/'))).toBe(true);
    expect(loaded.inputs.some((i) => i.field !== null)).toBe(true);
    const rows = screenAll(matcher, loaded.inputs);
    expect(rows).toHaveLength(loaded.inputs.length);
  });

  it('screens OCDS parties with their JSON paths', async () => {
    const loaded = await loadScreeningFile(
      'release.json',
      fixture('ocds-mexico-gacm-release-112-esteva.json'),
      parseXml,
    );
    expect(loaded.kind).toBe('names');
    if (loaded.kind !== 'names') return;
    expect(loaded.format).toBe('ocds-release');
    expect(loaded.inputs.map((i) => i.source)).toContainEqual({ kind: 'path', path: 'awards[0].suppliers[0].name' });
    expect(loaded.inputs.find((i) => i.source.kind === 'path' && i.source.path === 'buyer.name')?.field).toBe('buyer');
  });
});
