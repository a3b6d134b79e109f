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
import type { FieldRole } from '../core/types';
import { BlockCollector } from './blocks';
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

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayAt(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

/**
 * The names of an Organization / OrganizationReference (name, identifier legal names), or of an
 * Identifier (legalName), which OCDS 1.0 uses for transaction provider/receiver organisations.
 */
function addOrganization(out: BlockCollector, org: unknown, path: string, field: FieldRole): void {
  if (!isObject(org)) return;
  out.add(org.name, field, `${path}.name`);
  out.add(org.legalName, field, `${path}.legalName`);
  if (isObject(org.identifier)) out.add(org.identifier.legalName, field, `${path}.identifier.legalName`);
  arrayAt(org.additionalIdentifiers).forEach((id, i) => {
    if (isObject(id)) out.add(id.legalName, field, `${path}.additionalIdentifiers[${i}].legalName`);
  });
}

function partyFields(roles: unknown): FieldRole[] {
  const out = new Set<FieldRole>();
  for (const r of arrayAt(roles)) {
    if (typeof r === 'string') out.add(PARTY_ROLES[r.toLowerCase()] ?? 'organisation');
  }
  if (out.size === 0) out.add('organisation');
  return [...out];
}

function readRelease(out: BlockCollector, warnings: string[], rel: Json, prefix: string): void {
  arrayAt(rel.parties).forEach((party, i) => {
    if (!isObject(party)) return;
    for (const field of partyFields(party.roles)) {
      addOrganization(out, party, `${join(prefix, 'parties')}[${i}]`, field);
    }
  });
  addOrganization(out, rel.buyer, join(prefix, 'buyer'), 'buyer');
  const tender = rel.tender;
  if (isObject(tender)) {
    addOrganization(out, tender.procuringEntity, join(prefix, 'tender.procuringEntity'), 'buyer');
    arrayAt(tender.tenderers).forEach((t, i) =>
      addOrganization(out, t, `${join(prefix, 'tender.tenderers')}[${i}]`, 'tenderer'),
    );
  }
  arrayAt(rel.awards).forEach((award, a) => {
    if (!isObject(award)) return;
    arrayAt(award.suppliers).forEach((s, i) =>
      addOrganization(out, s, `${join(prefix, 'awards')}[${a}].suppliers[${i}]`, 'supplier'),
    );
  });
  arrayAt(rel.contracts).forEach((contract, c) => {
    if (!isObject(contract)) return;
    const cPath = `${join(prefix, 'contracts')}[${c}]`;
    if (isObject(contract.suppliers)) {
      warnings.push(`${cPath}.suppliers is an object, not an array (not standard OCDS); read as one supplier`);
      addOrganization(out, contract.suppliers, `${cPath}.suppliers`, 'supplier');
    } else {
      arrayAt(contract.suppliers).forEach((s, i) => addOrganization(out, s, `${cPath}.suppliers[${i}]`, 'supplier'));
    }
    const impl = contract.implementation;
    if (!isObject(impl)) return;
    arrayAt(impl.transactions).forEach((tx, t) => {
      if (!isObject(tx)) return;
      const tPath = `${cPath}.implementation.transactions[${t}]`;
      addOrganization(out, tx.payee, `${tPath}.payee`, 'supplier');
      addOrganization(out, tx.receiverOrganization, `${tPath}.receiverOrganization`, 'supplier');
      addOrganization(out, tx.payer, `${tPath}.payer`, 'organisation');
      addOrganization(out, tx.providerOrganization, `${tPath}.providerOrganization`, 'organisation');
    });
  });
}

function requireOcid(v: unknown, path: string, kind: 'release' | 'record'): Json {
  if (!isObject(v) || typeof v.ocid !== 'string') {
    throw new FormatError(`${path} is not an OCDS ${kind}: missing 'ocid'`);
  }
  return v;
}

function readRecord(out: BlockCollector, warnings: string[], rec: Json, prefix: string): void {
  let embedded = 0;
  let linked = 0;
  arrayAt(rec.releases).forEach((rel, i) => {
    const path = `${join(prefix, 'releases')}[${i}]`;
    // A linked release is { url, date, tag }: the release itself is published elsewhere.
    if (isObject(rel) && typeof rel.ocid !== 'string' && typeof rel.url === 'string') {
      linked++;
      return;
    }
    readRelease(out, warnings, requireOcid(rel, path, 'release'), path);
    embedded++;
  });
  const compiled = isObject(rec.compiledRelease);
  if (compiled) readRelease(out, warnings, rec.compiledRelease as Json, join(prefix, 'compiledRelease'));
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
  let format: DataFormat;
  if (Array.isArray(json.records)) {
    format = 'ocds-record-package';
    json.records.forEach((r, i) => {
      const path = `records[${i}]`;
      readRecord(out, warnings, requireOcid(r, path, 'record'), path);
    });
  } else if (typeof json.ocid === 'string' && (Array.isArray(json.releases) || isObject(json.compiledRelease))) {
    format = 'ocds-record';
    readRecord(out, warnings, json, '');
  } else if (Array.isArray(json.releases)) {
    format = 'ocds-release-package';
    json.releases.forEach((r, i) => {
      const path = `releases[${i}]`;
      readRelease(out, warnings, requireOcid(r, path, 'release'), path);
    });
  } else if (typeof json.ocid === 'string') {
    format = 'ocds-release';
    readRelease(out, warnings, json, '');
  } else {
    throw new FormatError(NOT_OCDS);
  }
  const blocks = out.finish();
  if (blocks.length === 0) warnings.push('no organisation names found in this OCDS file');
  return { format, blocks, warnings };
}
