// TED eForms XML -> name blocks with roles, against real published notices parsed with linkedom
// (the Node-side parser; see formats-ted-r209.test.ts for the DOM subset notes).
import { readFileSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { tedXmlBlocks, type DataFileResult } from '../../src/formats';

const dir = new URL('../fixtures/data-files/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
/** The organisation names with their roles (the notice's other texts are tested apart). */
const blocksOf = (xml: string): DataFileResult => {
  const r = tedXmlBlocks(parse(xml));
  return { ...r, blocks: r.blocks.filter((b) => b.kind === 'party') };
};

function byRole(r: DataFileResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of r.blocks) (out[b.field ?? 'null'] ??= []).push(b.text);
  return out;
}

describe('TED eForms contract award notices', () => {
  it('Belgium 00191534 (cleaning): Belgo Facility Services and M&G Cleaning won; buyer FOD Binnenlandse Zaken', () => {
    const r = blocksOf(read('ted-eforms-can-2024-OJS065-00191534-belgium-fod-bosa-cleaning.xml'));
    expect(r.format).toBe('ted-eforms');
    expect(byRole(r)).toEqual({
      // ORG-0001, the cac:ContractingParty, in both notice languages (NLD, FRA).
      buyer: ['FOD Binnenlandse Zaken', 'SPF Intérieur'],
      // ORG-0002 is FOD BOSA, present only as the eSender (cac:ServiceProviderParty, ted-esen);
      // ORG-0003 is the review body (cac:AppealReceiverParty). Trailing space trimmed.
      organisation: ['FOD Beleid en Ondersteuning', 'SPF Stratégie et Appui', 'Raad van State', "Conseil d'Etat"],
      // NLD and FRA names are identical for the winners: one block each.
      winner: ['Belgo Facility Services', 'M&G CLEANING'],
    });
    const belgo = r.blocks.find((b) => b.text === 'Belgo Facility Services')!;
    expect(belgo.source).toBe(
      '/ContractAwardNotice/ext:UBLExtensions/ext:UBLExtension/ext:ExtensionContent/efext:EformsExtension' +
        '/efac:Organizations/efac:Organization[4]/efac:Company/cac:PartyName[1]/cbc:Name',
    );
    expect(r.warnings).toEqual([]);
  });

  it('Netherlands 00191536: Hegeman Bouw & Infra B.V. won, Waterschap Rivierenland bought', () => {
    expect(byRole(blocksOf(read('ted-eforms-can-2024-OJS065-00191536-netherlands-waterschap.xml')))).toEqual({
      buyer: ['Waterschap Rivierenland'],
      organisation: ['Rechtbank Gelderland'],
      winner: ['Hegeman Bouw & Infra B.V.'],
    });
  });

  it('Poland 00215550: AstraZeneca won, NEUCA is its subcontractor (efac:SubContractor)', () => {
    expect(
      byRole(blocksOf(read('ted-eforms-can-2024-OJS072-00215550-poland-hospital-pharma-astrazeneca.xml'))),
    ).toEqual({
      buyer: ['Wojewódzki Szpital Zespolony w Elblągu'],
      organisation: ['Krajowa Izba Odwoławcza'],
      winner: ['Astrazeneca Kft.'],
      subcontractor: ['NEUCA S.A.'],
    });
  });

  it('Finland 00525037: three winners over 12 lots, FIN and SWE names, double space collapsed', () => {
    expect(byRole(blocksOf(read('ted-eforms-can-2024-OJS170-00525037-finland-transport.xml')))).toEqual({
      organisation: ['Markkinaoikeus', 'Marknadsdomstolen', 'Hansel Oy (Hilma)'],
      buyer: ['Kristinestad Stad/Kristiinankaupungin kaupunki', 'Kristiinankaupungin kaupunki'],
      // FIN "Ingves  Svanbäck Ab" and SWE "Ingves Svanbäck Ab" are one name.
      winner: ['Ingves Svanbäck Ab', 'Matka-Rengas Niemelä Oy', 'Hellman Transport Ab'],
    });
  });

  it('Belgium 00611835 (ombudsman ICT): four joint buyers, winners DVIT and 3D-ICT', () => {
    const roles = byRole(blocksOf(read('ted-eforms-can-2024-OJS198-00611835-belgium-ombudsman-ict.xml')));
    expect(roles.winner).toEqual(['DVIT', '3D-ICT']);
    expect(roles.buyer).toEqual([
      'Service de Médiation pour le Consommateur',
      'Consumentenombudsdienst',
      'Ombudsdienst voor telecommunicatie',
      'Service de médiation pour les télécommunications',
      'Ombudsman poste',
      'Service de Médiation pour le Secteur Postal',
      'Ombudsdienst voor de treinreizigers',
      'Service de médiation pour les voyageurs ferroviaires',
    ]);
    expect(roles.organisation).toEqual(['SPF Stratégie et Appui', 'FOD Beleid en Ondersteuning']);
  });

  it('converted 22-091559: the same winners and buyers as the R2.0.9 original of the notice', () => {
    const eforms = byRole(blocksOf(read('ted-eforms-converted-22-091559.xml')));
    const r209 = byRole(blocksOf(read('ted-xml-r209-22-091559.xml')));
    expect(eforms.winner).toEqual([
      'Ascend GmbH',
      'Aristo Pharma GmbH',
      'PUREN Pharma GmbH & Co. KG',
      'Heumann Pharma GmbH & Co. Generica KG (BG Heumann / Heunet GbR)',
      'Heunet Pharma GmbH (BG Heumann / Heunet GbR)',
      'ALIUD PHARMA GmbH',
    ]);
    expect(eforms.buyer).toHaveLength(11);
    expect(eforms).toEqual(r209);
  });
});

describe('TED eForms winner logic', () => {
  it('a tender in no settled contract and no selec-w result is a tenderer, not a winner', () => {
    const xml = read('ted-eforms-can-2024-OJS065-00191536-netherlands-waterschap.xml')
      .replace(/<efac:SettledContract>[\s\S]*?<\/efac:SettledContract>/g, '')
      .replace(/>selec-w</g, '>clos-nw<');
    const roles = byRole(blocksOf(xml));
    expect(roles.tenderer).toEqual(['Hegeman Bouw & Infra B.V.']);
    expect(roles.winner).toBeUndefined();
  });

  const minimal = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<ContractAwardNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
  xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"
  xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1"
  xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>${body}</efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
<cac:ContractingParty><cac:Party><cac:PartyIdentification><cbc:ID>TPO-0001</cbc:ID></cac:PartyIdentification></cac:Party></cac:ContractingParty>
</ContractAwardNotice>`;
  const org = (id: string, name: string, extra = ''): string =>
    `<efac:Organization><efac:Company><cac:PartyIdentification><cbc:ID>${id}</cbc:ID></cac:PartyIdentification>` +
    `<cac:PartyName><cbc:Name>${name}</cbc:Name></cac:PartyName></efac:Company>${extra}</efac:Organization>`;

  it('ranked tenders in a selec-w result: rank 1 wins, rank 2 is a tenderer; touchpoints resolve to their organisation', () => {
    const xml = minimal(`
<efac:NoticeResult>
  <efac:LotResult><cbc:TenderResultCode>selec-w</cbc:TenderResultCode>
    <efac:LotTender><cbc:ID>TEN-1</cbc:ID></efac:LotTender><efac:LotTender><cbc:ID>TEN-2</cbc:ID></efac:LotTender></efac:LotResult>
  <efac:LotTender><cbc:ID>TEN-1</cbc:ID><cbc:RankCode>1</cbc:RankCode><efac:TenderingParty><cbc:ID>TPA-1</cbc:ID></efac:TenderingParty></efac:LotTender>
  <efac:LotTender><cbc:ID>TEN-2</cbc:ID><cbc:RankCode>2</cbc:RankCode><efac:TenderingParty><cbc:ID>TPA-2</cbc:ID></efac:TenderingParty></efac:LotTender>
  <efac:TenderingParty><cbc:ID>TPA-1</cbc:ID><cbc:Name>Alpha-Beta Consortium</cbc:Name>
    <efac:Tenderer><cbc:ID>ORG-0002</cbc:ID></efac:Tenderer><efac:Tenderer><cbc:ID>ORG-0009</cbc:ID></efac:Tenderer></efac:TenderingParty>
  <efac:TenderingParty><cbc:ID>TPA-2</cbc:ID><efac:Tenderer><cbc:ID>ORG-0003</cbc:ID></efac:Tenderer></efac:TenderingParty>
</efac:NoticeResult>
<efac:Organizations>
  ${org('ORG-0001', 'Stad Brugge', '<efac:TouchPoint><cac:PartyIdentification><cbc:ID>TPO-0001</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Dienst Aankoop Brugge</cbc:Name></cac:PartyName></efac:TouchPoint>')}
  ${org('ORG-0002', 'Alpha NV')}
  ${org('ORG-0003', 'Gamma BV')}
</efac:Organizations>`);
    const r = blocksOf(xml);
    expect(byRole(r)).toEqual({
      buyer: ['Stad Brugge', 'Dienst Aankoop Brugge'],
      winner: ['Alpha NV', 'Alpha-Beta Consortium'],
      tenderer: ['Gamma BV'],
    });
    expect(r.warnings).toEqual(['efac:Tenderer refers to ORG-0009, which is not in efac:Organizations']);
  });

  it('a notice without the eForms extension yields no names and says so', () => {
    const r = blocksOf(minimal('').replace(/<ext:UBLExtensions>[\s\S]*<\/ext:UBLExtensions>/, ''));
    expect(r.blocks).toEqual([]);
    expect(r.warnings[0]).toMatch(/no efext:EformsExtension/);
  });
});
