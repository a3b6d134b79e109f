// TED, Tenders Electronic Daily (ted.europa.eu). Two notice layouts:
//  - eForms notices (2023 on): organisations are listed once, "8.1 ORG-0003 / Official
//    name: ... / Roles of this organisation: Tenderer, Winner of these lots", and the
//    results section repeats the winners under "Winner:". The ORG blocks need this adapter
//    (the role follows the name); "Winner:" is a label the generic rules read.
//  - Standard forms (R2.0.9, before 2024): "V.2.3) Name and address of the contractor"
//    above "Official name: ...", read by the generic label rules.
//
// ## Test URLs
// - https://ted.europa.eu/en/notice/-/detail/191534-2024 (eForms award, FOD BOSA cleaning; winners Belgo Facility Services, M&G Cleaning)
// - https://ted.europa.eu/en/notice/-/detail/191536-2024 (eForms award, Waterschap Rivierenland; winner Hegeman Bouw & Infra B.V.)
// - https://ted.europa.eu/en/notice/-/detail/611835-2024 (eForms award, NL/FR, Belgian ombudsman ICT)
// - https://ted.europa.eu/en/notice/-/detail/91559-2022 (standard form F03, AOK generic drugs: "Name and address of the contractor")
// - https://ted.europa.eu/en/notice/-/detail/537923-2020 (F03 UK construction framework, 184 contractors: speed)
import { eformsOrganisationRole } from './lib/eforms-organisations';
import type { SiteAdapter } from './types';

export const ted: SiteAdapter = {
  id: 'ted',
  kind: 'procurement',
  domains: ['ted.europa.eu'],
  hosts: ['https://ted.europa.eu/*'],
  fieldOf: eformsOrganisationRole,
};
