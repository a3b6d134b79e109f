// TED eForms (UBL 2.3 with the eForms extensions, eForms SDK 1.x) -> name blocks with roles.
//
// Root elements read: ContractAwardNotice, ContractNotice, PriorInformationNotice (namespaces
// urn:oasis:names:specification:ubl:schema:xsd:<Root>-2). Elements read (prefixes as in the SDK;
// any prefix is accepted):
//   ext:UBLExtensions/.../efext:EformsExtension/efac:Organizations/efac:Organization
//     efac:Company/cac:PartyIdentification/cbc:ID (ORG-xxxx), efac:Company/cac:PartyName/cbc:Name
//     (one name per language; each distinct one becomes a block)
//     efac:TouchPoint/cac:PartyIdentification/cbc:ID (TPO-xxxx), efac:TouchPoint/cac:PartyName/cbc:Name
//   cac:ContractingParty/cac:Party/cac:PartyIdentification/cbc:ID          -> 'buyer'
//     (cac:ServiceProviderParty, e.g. the eSender, stays 'organisation')
//   efac:NoticeResult:
//     efac:LotTender (cbc:ID TEN-xxxx, efac:TenderingParty/cbc:ID TPA-xxxx, cbc:RankCode)
//     efac:SettledContract/efac:LotTender/cbc:ID                           -> winning tender
//     efac:LotResult[cbc:TenderResultCode = 'selec-w']/efac:LotTender/cbc:ID -> winning tender
//       (unless its cbc:RankCode is above 1 and no settled contract names it)
//     efac:TenderingParty/efac:Tenderer/cbc:ID  -> 'winner' if the party has a winning tender, else 'tenderer'
//     efac:TenderingParty/efac:SubContractor/cbc:ID                        -> 'subcontractor'
//     efac:TenderingParty/cbc:Name (a group's name)                        -> the party's role
// Every other organisation (review body, mediator, eSender, ...) -> 'organisation'.
// Ultimate beneficial owners (natural persons) are not read.
import type { FieldRole } from '../core/types';
import { BlockCollector } from './blocks';
import { eformsTexts, languageCode } from './notice-text';
import type { DataFileResult } from './types';
import { descendants, kid, kidPath, kids, textOf, xpathOf } from './xml-dom';

export const EFORMS_ROOTS = ['ContractAwardNotice', 'ContractNotice', 'PriorInformationNotice'];
export const UBL_NS_PREFIX = 'urn:oasis:names:specification:ubl:schema:xsd:';

interface Org {
  id: string;
  names: Element[];
  roles: Set<FieldRole>;
}

function partyId(el: Element | null): string {
  return textOf(kidPath(el, 'PartyIdentification', 'ID'));
}

function readOrganizations(ext: Element): { orgs: Org[]; byId: Map<string, Org> } {
  const orgs: Org[] = [];
  const byId = new Map<string, Org>();
  for (const o of kids(kid(ext, 'Organizations') ?? ext, 'Organization')) {
    const company = kid(o, 'Company');
    const org: Org = { id: partyId(company), names: [], roles: new Set() };
    for (const pn of kids(company ?? o, 'PartyName')) {
      const n = kid(pn, 'Name');
      if (n) org.names.push(n);
    }
    // A touchpoint is another contact point of the same organisation, with its own id and name.
    for (const tp of kids(o, 'TouchPoint')) {
      const id = partyId(tp);
      if (id) byId.set(id, org);
      for (const pn of kids(tp, 'PartyName')) {
        const n = kid(pn, 'Name');
        if (n) org.names.push(n);
      }
    }
    if (org.id) byId.set(org.id, org);
    orgs.push(org);
  }
  return { orgs, byId };
}

/** Ids of the tenders that won, from settled contracts and 'selec-w' lot results. */
function winningTenders(result: Element): Set<string> {
  const rank = new Map<string, string>();
  for (const lt of kids(result, 'LotTender')) rank.set(textOf(kid(lt, 'ID')), textOf(kid(lt, 'RankCode')));
  const won = new Set<string>();
  for (const sc of kids(result, 'SettledContract')) {
    for (const lt of kids(sc, 'LotTender')) won.add(textOf(kid(lt, 'ID')));
  }
  for (const lr of kids(result, 'LotResult')) {
    if (textOf(kid(lr, 'TenderResultCode')) !== 'selec-w') continue;
    for (const lt of kids(lr, 'LotTender')) {
      const id = textOf(kid(lt, 'ID'));
      const r = rank.get(id) ?? '';
      if (r === '' || r === '1') won.add(id);
    }
  }
  return won;
}

export function eformsBlocks(root: Element): DataFileResult {
  const warnings: string[] = [];
  const lang = languageCode(textOf(kid(root, 'NoticeLanguageCode')));
  const out = new BlockCollector(lang);
  const ublExt = kid(root, 'UBLExtensions');
  const ext = ublExt ? descendants(ublExt, 'EformsExtension')[0] : undefined;
  if (!ext) {
    warnings.push('no efext:EformsExtension in the root ext:UBLExtensions: no organisations to read');
    return { format: 'ted-eforms', blocks: eformsTexts(root, lang), warnings };
  }
  const { orgs, byId } = readOrganizations(ext);
  const assign = (id: string, role: FieldRole, where: string): void => {
    const org = byId.get(id);
    if (org) org.roles.add(role);
    else if (id) warnings.push(`${where} refers to ${id}, which is not in efac:Organizations`);
  };

  for (const cp of kids(root, 'ContractingParty')) {
    for (const p of kids(cp, 'Party')) assign(partyId(p), 'buyer', 'cac:ContractingParty');
  }

  const result = kid(ext, 'NoticeResult');
  const partyNames: { el: Element; role: FieldRole }[] = [];
  if (result) {
    const won = winningTenders(result);
    const winningParties = new Set<string>();
    for (const lt of kids(result, 'LotTender')) {
      if (won.has(textOf(kid(lt, 'ID')))) winningParties.add(textOf(kidPath(lt, 'TenderingParty', 'ID')));
    }
    for (const tp of kids(result, 'TenderingParty')) {
      const role: FieldRole = winningParties.has(textOf(kid(tp, 'ID'))) ? 'winner' : 'tenderer';
      for (const t of kids(tp, 'Tenderer')) assign(textOf(kid(t, 'ID')), role, 'efac:Tenderer');
      for (const s of kids(tp, 'SubContractor')) assign(textOf(kid(s, 'ID')), 'subcontractor', 'efac:SubContractor');
      const name = kid(tp, 'Name');
      if (name) partyNames.push({ el: name, role });
    }
  }

  for (const org of orgs) {
    const roles = org.roles.size > 0 ? [...org.roles] : (['organisation'] as FieldRole[]);
    for (const role of roles) for (const n of org.names) out.add(n.textContent, role, xpathOf(n));
  }
  for (const { el, role } of partyNames) out.add(el.textContent, role, xpathOf(el));

  const blocks = [...out.finish(), ...eformsTexts(root, lang)];
  if (orgs.length === 0) warnings.push('no efac:Organization in this notice');
  return { format: 'ted-eforms', blocks, warnings };
}
