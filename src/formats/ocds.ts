// OCDS (Open Contracting Data Standard) JSON -> name blocks with roles.
//
// Reads the four OCDS document shapes of schema versions 1.0 and 1.1 (release-schema.json,
// record-schema.json, release-package-schema.json, record-package-schema.json):
//   release          { ocid, ... }
//   record           { ocid, releases: [...], compiledRelease?: {...} }
//   release package  { releases: [release, ...] }
//   record package   { records: [record, ...] }
// In each release (and a record's compiledRelease and embedded releases) it reads the
// Organization / OrganizationReference objects:
//   parties[].name (1.1) with parties[].roles     -> supplier/payee: 'supplier', tenderer: 'tenderer',
//                                                    buyer/procuringEntity: 'buyer', other: 'organisation'
//   parties[].identifier.legalName, parties[].additionalIdentifiers[].legalName (same roles)
//   buyer.name, tender.procuringEntity.name       -> 'buyer'
//   tender.tenderers[].name                       -> 'tenderer'
//   awards[].suppliers[].name                     -> 'supplier'
//   contracts[].implementation.transactions[]: payee (1.1) / receiverOrganization (1.0, an
//     Identifier: its legalName) -> 'supplier'; payer (1.1) / providerOrganization (1.0) -> 'organisation'
//   contracts[].suppliers                         -> 'supplier' (not in the standard; Paraguay's DNCP
//                                                    publishes it, as an object)
// Linked releases (records[].releases[] holding only a url) and versionedRelease are not read.
// A field of another JSON type than the schema's (a name given as an array or object, a party or
// `tender.tenderers` as a plain string) is a warning with its JSON path, and the names in it are
// still read (ocds-shapes.ts).
import type { FieldRole } from '../core/types';
import { BlockCollector } from './blocks';
import { ShapeWarnings, isJsonObject, itemsOf, jsonType, namesIn, rolesIn } from './ocds-shapes';
import { FormatError, type DataFileResult, type DataFormat } from './types';

type Json = Record<string, unknown>;

const PARTY_ROLES: Record<string, FieldRole> = {
  supplier: 'supplier',
  payee: 'supplier',
  tenderer: 'tenderer',
  buyer: 'buyer',
  procuringentity: 'buyer',
};

const NOT_OCDS = "not an OCDS release, record or package: missing 'ocid'/'releases'/'records'";

const isObject = isJsonObject;

function arrayAt(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/** Where a release is read: the names found, and what was not in the expected shape. */
interface Reader {
  out: BlockCollector;
  warnings: string[];
  shapes: ShapeWarnings;
}

function addNames(r: Reader, value: unknown, path: string, field: FieldRole): void {
  for (const n of namesIn(value, path, r.shapes)) r.out.add(n.value, field, n.path);
}

/**
 * The names of an Organization / OrganizationReference (name, identifier legal names), or of an
 * Identifier (legalName), which OCDS 1.0 uses for transaction provider/receiver organisations.
 * An organisation given as a plain string is its name; as an array, each item is one.
 */
function addOrganization(
  r: Reader,
  org: unknown,
  path: string,
  field: FieldRole,
  opts: { nested?: boolean; reported?: boolean } = {},
): void {
  if (org === undefined || org === null) return;
  if (typeof org === 'string') {
    if (!opts.reported) r.shapes.add(`${path} is a string, not an organization object: read as its name`);
    r.out.add(org, field, path);
    return;
  }
  if (Array.isArray(org) && !opts.nested) {
    r.shapes.add(`${path} is an array, not an organization object: read each item`);
    org.forEach((o, i) => addOrganization(r, o, `${path}[${i}]`, field, { nested: true, reported: true }));
    return;
  }
  if (!isObject(org)) {
    r.shapes.add(`${path} is ${jsonType(org)}, not an organization object: not read`);
    return;
  }
  addNames(r, org.name, `${path}.name`, field);
  addNames(r, org.legalName, `${path}.legalName`, field);
  if (isObject(org.identifier)) addNames(r, org.identifier.legalName, `${path}.identifier.legalName`, field);
  else if (org.identifier !== undefined && org.identifier !== null) {
    r.shapes.add(`${path}.identifier is ${jsonType(org.identifier)}, not an object: not read`);
  }
  for (const id of itemsOf(org.additionalIdentifiers, `${path}.additionalIdentifiers`, r.shapes, 'identifier')) {
    if (isObject(id.value)) addNames(r, id.value.legalName, `${id.path}.legalName`, field);
  }
}

function partyFields(r: Reader, roles: unknown, path: string): FieldRole[] {
  const out = new Set<FieldRole>();
  for (const role of rolesIn(roles, path, r.shapes)) out.add(PARTY_ROLES[role.toLowerCase()] ?? 'organisation');
  if (out.size === 0) out.add('organisation');
  return [...out];
}

/** Organisations in a field the schema makes an array of them. */
function addOrganizations(r: Reader, v: unknown, path: string, field: FieldRole, what: string): void {
  for (const item of itemsOf(v, path, r.shapes, what, true)) {
    addOrganization(r, item.value, item.path, field, { reported: item.reported });
  }
}

function readRelease(out: BlockCollector, warnings: string[], shapes: ShapeWarnings, rel: Json, prefix: string): void {
  const r: Reader = { out, warnings, shapes };
  for (const party of itemsOf(rel.parties, join(prefix, 'parties'), shapes, 'party', true)) {
    if (typeof party.value === 'string') {
      if (!party.reported) {
        shapes.add(`${party.path} is a string, not an organization object: read as an organisation's name`);
      }
      out.add(party.value, 'organisation', party.path);
      continue;
    }
    if (!isObject(party.value)) {
      addOrganization(r, party.value, party.path, 'organisation');
      continue;
    }
    for (const field of partyFields(r, party.value.roles, `${party.path}.roles`)) {
      addOrganization(r, party.value, party.path, field);
    }
  }
  addOrganization(r, rel.buyer, join(prefix, 'buyer'), 'buyer');
  const tender = rel.tender;
  if (isObject(tender)) {
    addOrganization(r, tender.procuringEntity, join(prefix, 'tender.procuringEntity'), 'buyer');
    addOrganizations(r, tender.tenderers, join(prefix, 'tender.tenderers'), 'tenderer', 'tenderer');
  } else if (tender !== undefined && tender !== null) {
    shapes.add(`${join(prefix, 'tender')} is ${jsonType(tender)}, not an object: not read`);
  }
  for (const award of itemsOf(rel.awards, join(prefix, 'awards'), shapes, 'award')) {
    if (!isObject(award.value)) continue;
    addOrganizations(r, award.value.suppliers, `${award.path}.suppliers`, 'supplier', 'supplier');
  }
  for (const contract of itemsOf(rel.contracts, join(prefix, 'contracts'), shapes, 'contract')) {
    if (!isObject(contract.value)) continue;
    const c = contract.value;
    const cPath = contract.path;
    if (isObject(c.suppliers)) {
      warnings.push(`${cPath}.suppliers is an object, not an array (not standard OCDS); read as one supplier`);
      addOrganization(r, c.suppliers, `${cPath}.suppliers`, 'supplier');
    } else {
      addOrganizations(r, c.suppliers, `${cPath}.suppliers`, 'supplier', 'supplier');
    }
    const impl = c.implementation;
    if (!isObject(impl)) continue;
    for (const tx of itemsOf(impl.transactions, `${cPath}.implementation.transactions`, shapes, 'transaction')) {
      if (!isObject(tx.value)) continue;
      addOrganization(r, tx.value.payee, `${tx.path}.payee`, 'supplier');
      addOrganization(r, tx.value.receiverOrganization, `${tx.path}.receiverOrganization`, 'supplier');
      addOrganization(r, tx.value.payer, `${tx.path}.payer`, 'organisation');
      addOrganization(r, tx.value.providerOrganization, `${tx.path}.providerOrganization`, 'organisation');
    }
  }
}

function requireOcid(v: unknown, path: string, kind: 'release' | 'record'): Json {
  if (!isObject(v) || typeof v.ocid !== 'string') {
    throw new FormatError(`${path} is not an OCDS ${kind}: missing 'ocid'`);
  }
  return v;
}

function readRecord(out: BlockCollector, warnings: string[], shapes: ShapeWarnings, rec: Json, prefix: string): void {
  let embedded = 0;
  let linked = 0;
  arrayAt(rec.releases).forEach((rel, i) => {
    const path = `${join(prefix, 'releases')}[${i}]`;
    // A linked release is { url, date, tag }: the release itself is published elsewhere.
    if (isObject(rel) && typeof rel.ocid !== 'string' && typeof rel.url === 'string') {
      linked++;
      return;
    }
    readRelease(out, warnings, shapes, requireOcid(rel, path, 'release'), path);
    embedded++;
  });
  const compiled = isObject(rec.compiledRelease);
  if (compiled) readRelease(out, warnings, shapes, rec.compiledRelease as Json, join(prefix, 'compiledRelease'));
  if (linked > 0) {
    warnings.push(
      `${join(prefix, 'releases')}: ${linked} linked release(s) (url only) not read` +
        (compiled ? '; names come from compiledRelease' : ''),
    );
  }
  if (embedded === 0 && !compiled) {
    const versioned = isObject(rec.versionedRelease) ? ' (versionedRelease is not read)' : '';
    warnings.push(`${prefix || 'record'} has no embedded release and no compiledRelease${versioned}: no names read`);
  }
}

/** Reads an already-parsed OCDS JSON document. Throws FormatError for anything not OCDS. */
export function ocdsBlocks(json: unknown): DataFileResult {
  if (!isObject(json)) {
    const what = Array.isArray(json) ? 'a JSON array' : json === null ? 'null' : `a JSON ${typeof json}`;
    throw new FormatError(`${NOT_OCDS} (the file is ${what}, expected an object)`);
  }
  const out = new BlockCollector();
  const warnings: string[] = [];
  const shapes = new ShapeWarnings();
  let format: DataFormat;
  if (Array.isArray(json.records)) {
    format = 'ocds-record-package';
    json.records.forEach((r, i) => {
      const path = `records[${i}]`;
      readRecord(out, warnings, shapes, requireOcid(r, path, 'record'), path);
    });
  } else if (typeof json.ocid === 'string' && (Array.isArray(json.releases) || isObject(json.compiledRelease))) {
    format = 'ocds-record';
    readRecord(out, warnings, shapes, json, '');
  } else if (Array.isArray(json.releases)) {
    format = 'ocds-release-package';
    json.releases.forEach((r, i) => {
      const path = `releases[${i}]`;
      readRelease(out, warnings, shapes, requireOcid(r, path, 'release'), path);
    });
  } else if (typeof json.ocid === 'string') {
    format = 'ocds-release';
    readRelease(out, warnings, shapes, json, '');
  } else {
    throw new FormatError(NOT_OCDS);
  }
  const blocks = out.finish();
  warnings.push(...shapes.finish());
  if (blocks.length === 0) warnings.push('no organisation names found in this OCDS file');
  return { format, blocks, warnings };
}
