// One match record, one list record, in every output: `scan`/`check` JSON, `screen` JSON, the
// audit record's JSON and its CSV columns (README, command-line section). The expected fields
// below are written from that contract; each output is produced by a real run on the same
// inputs and must carry exactly the record plus its own placement fields, with the same
// values. A field added to or renamed in one output and not the others fails here.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledData } from '../../scripts/build-data';
import { Matcher } from '../../src/core/matcher';
import type { CompiledData } from '../../src/core/types';
import { InputError, type CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import type { JsonResult } from '../../src/cli/json-output';
import { runScreen, type JsonScreenResult } from '../../src/cli/screen';
import { lookupFromCompiled } from '../../src/ui/presentation/lookup';
import {
  BULK_CSV_COLUMNS,
  PAGE_CSV_COLUMNS,
  buildBulkRecord,
  buildPageRecord,
  evidenceText,
  recordJson,
  type BulkAuditRecord,
  type PageAuditRecord,
} from '../../src/ui/presentation/audit';
import { screenAll, inputsFromLines } from '../../src/formats/tables';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const int: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string);
const orNull =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const object: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

// What the README says a list entry of a match carries.
const ENTRY: Record<string, Check> = {
  list: str,
  entry: str,
  status: oneOf('listed', 'delisted'),
  kind: orNull(oneOf('un-database', 'sanctions', 'investor-exclusion', 'ngo-research', 'imported')),
  standing: oneOf('listed', 'removed', 'revoked', 'excluded', 'divested', 'exclusion-revoked'),
  standingOn: orNull(str),
};

const isEntry: Check = (v) => object(v) && conforms(v as Record<string, unknown>, ENTRY).length === 0;

// The match record, in the order printed JSON has always had it (`rule` last, after an
// output's own fields).
const MATCH: Record<string, Check> = {
  text: str,
  level: oneOf('flag', 'possible'),
  matchType: str,
  entity: str,
  entityName: str,
  name: str,
  lists: (v) => Array.isArray(v) && v.length > 0 && v.every(isEntry),
  field: orNull(str),
  evidence: (v) => Array.isArray(v) && v.every((e) => object(e) && str((e as { kind: unknown }).kind)),
  rule: (v) => str(v) && /^[a-z]+(-[a-z]+)*$/.test(v as string),
};
const RECORD_KEYS = Object.keys(MATCH);

// What each output adds to the record, and nothing else.
const OWN: Record<string, Record<string, Check>> = {
  scan: { block: int, start: int, end: int, source: orNull(str) },
  screen: { start: int, end: int },
  auditBulk: { dismissed: orNull(object) },
  auditPage: { dismissed: orNull(object), context: str, occurrences: int },
};

// The list record, as `screen` and the audit records name a list.
const LIST: Record<string, Check> = {
  id: str,
  version: str,
  sha256: str,
  title: str,
  publisher: str,
  url: str,
  published: orNull(str),
  origin: oneOf('bundled', 'imported'),
  partial: bool,
  coverageNote: str,
  entryCount: int,
  regime: orNull(str),
  kind: orNull(oneOf('un-database', 'sanctions', 'investor-exclusion', 'ngo-research', 'imported')),
  recommendedBy: orNull(str),
  historical: bool,
};

/** Fields of `value` that are missing, extra or of the wrong type. */
function conforms(value: Record<string, unknown>, shape: Record<string, Check>): string[] {
  const bad = Object.keys(shape).filter((k) => !(k in value) || !shape[k](value[k]));
  const extra = Object.keys(value).filter((k) => !(k in shape));
  return [...bad.map((k) => `${k}: ${JSON.stringify(value[k])}`), ...extra.map((k) => `extra ${k}`)];
}

/** The match as the record, and the key order with the output's own fields taken out. */
function recordOf(match: object, own: Record<string, Check>) {
  const m = match as Record<string, unknown>;
  expect(conforms(m, { ...MATCH, ...own }), JSON.stringify(m)).toEqual([]);
  const keys = Object.keys(m).filter((k) => !(k in own));
  return { keys, record: Object.fromEntries(RECORD_KEYS.map((k) => [k, m[k]])) };
}

// Every kind of list and standing: a UN database entry, an investor's exclusion, a revoked
// sanction, a weak name left possible, a look-alike and a name on no list.
const NAMES = [
  'Elbit Systems Ltd',
  'Bank Leumi Le-Israel B.M.',
  'Binyanei Bar Amana Ltd.',
  'CAT',
  'Volvo Cars',
  'Acme Bakery BV',
];
const TED = 'ted-xml-r209-21-000061.xml';
const FILES: Record<string, string | Uint8Array> = {
  'names.txt': NAMES.join('\n') + '\n',
  'names.csv': NAMES.join('\n') + '\n',
  [TED]: readFileSync(`tests/fixtures/data-files/${TED}`),
};

let data: CompiledData;
let matcher: Matcher;
let scan: JsonResult;
let scanTed: JsonResult;
let check: JsonResult;
let screen: JsonScreenResult;
let screenTed: JsonScreenResult;
let csv: string[][];
let bulk: BulkAuditRecord;
let page: PageAuditRecord;

async function cli(run: (io: CliIo) => Promise<number>): Promise<string[]> {
  const out: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: () => undefined,
    read: async (f) => {
      const v = FILES[f];
      if (v === undefined) throw new InputError(`cannot read ${f}: no such file`);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
  };
  expect(await run(io)).toBe(0);
  return out;
}

const now = () => new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  data = buildCompiledData();
  matcher = Matcher.fromData(data);
  const opts = (io: CliIo) => ({ io, matcher: () => matcher });
  [scan, scanTed] = (await cli((io) => main(['scan', 'names.txt', TED, '--json'], opts(io)))).map(
    (l) => JSON.parse(l) as JsonResult,
  );
  [check] = (await cli((io) => main(['check', 'Bank Leumi Le-Israel B.M.', '--json'], opts(io)))).map(
    (l) => JSON.parse(l) as JsonResult,
  );
  const screenRun = async (args: string[]) =>
    (await cli((io) => runScreen(args, io, { matcher: () => matcher, now }))).join('\n');
  screen = JSON.parse(await screenRun(['names.csv', '--json'])) as JsonScreenResult;
  screenTed = JSON.parse(await screenRun([TED, '--json'])) as JsonScreenResult;
  csv = Papa.parse<string[]>((await screenRun(['names.csv', '--format', 'csv'])).replace(/\r\n$/, ''), {
    delimiter: ',',
  }).data;
  const ctx = {
    lists: data.lists,
    enabledLists: {},
    dismissals: [],
    lookup: lookupFromCompiled(data),
    generator: { name: 'settlement-screen', version: '0.0.0' },
    now,
  };
  const rows = screenAll(matcher, inputsFromLines(NAMES.join('\n')));
  const input = {
    fileName: 'names.csv',
    sha256: '0'.repeat(64),
    bytes: 1,
    format: 'csv',
    sheet: null,
    column: null,
    header: null,
  };
  // Through the JSON file, as an auditor receives it.
  bulk = JSON.parse(recordJson(buildBulkRecord(ctx, rows, input))) as BulkAuditRecord;
  page = JSON.parse(
    recordJson(
      buildPageRecord({ ...ctx, lists: fixtureData.lists, lookup: lookupFromCompiled(fixtureData) }, fixtureResults()),
    ),
  ) as PageAuditRecord;
});

describe('the match record', () => {
  it('is every match of scan and check JSON, with block, offsets and source before rule', () => {
    const matches = [...scan.matches, ...scanTed.matches, ...check.matches];
    expect(scanTed.matches.length).toBeGreaterThan(0);
    for (const m of matches) {
      const { keys } = recordOf(m, OWN.scan);
      expect(keys).toEqual(RECORD_KEYS);
      expect(Object.keys(m).slice(-5)).toEqual(['block', 'start', 'end', 'source', 'rule']);
    }
  });

  it('is every match of screen JSON, with offsets before rule', () => {
    const matches = [...screen.rows, ...screenTed.rows].flatMap((r) => r.matches);
    expect(screenTed.rows.some((r) => r.matches.length > 0)).toBe(true);
    for (const m of matches) {
      const { keys } = recordOf(m, OWN.screen);
      expect(keys).toEqual(RECORD_KEYS);
      expect(Object.keys(m).slice(-3)).toEqual(['start', 'end', 'rule']);
    }
  });

  it('is every match of the audit records (bulk and page), with the dismissal', () => {
    for (const m of bulk.rows.flatMap((r) => r.matches)) expect(recordOf(m, OWN.auditBulk).keys).toEqual(RECORD_KEYS);
    const pageMatches = page.findings.flatMap((f) => f.matches);
    expect(pageMatches.length).toBeGreaterThan(0);
    for (const m of pageMatches) expect(recordOf(m, OWN.auditPage).keys).toEqual(RECORD_KEYS);
  });

  it('has the same values in scan, screen and the audit record for the same names', () => {
    const records = (matches: object[], own: Record<string, Check>) => matches.map((m) => recordOf(m, own).record);
    const fromScan = records(scan.matches, OWN.scan);
    const fromScreen = records(
      screen.rows.flatMap((r) => r.matches),
      OWN.screen,
    );
    const fromAudit = records(
      bulk.rows.flatMap((r) => r.matches),
      OWN.auditBulk,
    );
    expect(fromScan.length).toBeGreaterThan(3);
    expect(fromScreen).toEqual(fromScan);
    expect(fromAudit).toEqual(fromScan);
    // The names cover what the record says of an entry: kinds, current and historical standings.
    const entries = fromScan.flatMap((r) => r.lists as { kind: string; standing: string; standingOn: unknown }[]);
    expect(entries.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['un-database', 'investor-exclusion', 'sanctions']),
    );
    expect(entries.map((e) => e.standing)).toEqual(expect.arrayContaining(['listed', 'excluded', 'revoked']));
    expect(entries.find((e) => e.standing === 'revoked')!.standingOn).toEqual(expect.any(String));
    expect(fromScan.map((r) => r.level)).toEqual(expect.arrayContaining(['flag', 'possible']));
    // A data file: the parties `screen` lists are matched with the same record as `scan` gives them.
    const tedScreen = records(
      screenTed.rows.flatMap((r) => r.matches),
      OWN.screen,
    );
    const tedScan = records(scanTed.matches, OWN.scan);
    const both = tedScreen.filter((r) => tedScan.some((s) => s.entity === r.entity && s.text === r.text));
    expect(both.length).toBeGreaterThan(0);
    for (const r of both) {
      expect(r.lists).toEqual(tedScan.find((s) => s.entity === r.entity && s.text === r.text)!.lists);
    }
  });

  it('is the audit CSV: one line per list entry, each record field in its column', () => {
    const [header, ...body] = csv;
    expect(header).toEqual([...BULK_CSV_COLUMNS]);
    const cell = (line: string[], c: string) => line[header.indexOf(c)];
    // The record's fields under their CSV names (`entity` is the entity's name there).
    const expected = screen.rows.flatMap((row) =>
      row.matches.flatMap((m) =>
        m.lists.map((l) => ({
          matched_text: m.text,
          match_level: m.level,
          match_type: m.matchType,
          entity_id: m.entity,
          entity: m.entityName,
          matched_name: m.name,
          field: m.field ?? '',
          evidence: evidenceText(m.evidence),
          rule: m.rule,
          list_id: l.list,
          list_entry: l.entry,
          entry_status: l.status,
          list_kind: l.kind ?? '',
          entry_standing: l.standing,
          entry_standing_date: l.standingOn ?? '',
        })),
      ),
    );
    const columns = Object.keys(expected[0]);
    const lines = body
      .filter((l) => cell(l, 'match_level') !== '')
      .map((l) => Object.fromEntries(columns.map((c) => [c, cell(l, c)])));
    expect(lines).toEqual(expected);
    // The page CSV has the same record columns.
    for (const c of columns) expect(PAGE_CSV_COLUMNS as readonly string[]).toContain(c);
  });
});

describe('the list record', () => {
  it('is every list of screen JSON and, with whether it was on, of the audit records', () => {
    for (const l of screen.lists) expect(conforms(l as unknown as Record<string, unknown>, LIST)).toEqual([]);
    for (const l of [...bulk.lists, ...page.lists])
      expect(conforms(l as unknown as Record<string, unknown>, { ...LIST, enabled: bool })).toEqual([]);
    expect(screen.lists.map((l) => l.id)).toEqual(data.lists.map((l) => l.id));
    expect(bulk.lists.map(({ enabled: _, ...l }) => l)).toEqual(screen.lists);
    // `screen` printed id, version and sha256 first before the record grew: they stay first.
    for (const l of screen.lists) {
      expect(Object.keys(l).slice(0, 3)).toEqual(['id', 'version', 'sha256']);
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
