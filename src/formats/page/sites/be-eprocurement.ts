// The Belgian federal e-Procurement platform (publicprocurement.be): the e-Notification
// publications (standard forms in Dutch, French and German: "Naam en adres van de
// contractant", "Nom et adresse du titulaire", "Aanbestedende dienst") and the newer
// publication pages of eForms notices, which use the eForms organisation layout
// (ORG-nnnn, "Officiële naam", "Rollen van deze organisatie").
//
// ## Test URLs
// - https://www.publicprocurement.be/ (search "gunning" / "attribution" and open an award notice)
// - https://enot.publicprocurement.be/ (e-Notification: published notices, award notices under "Aankondiging van een gegunde opdracht")
// Notices of both kinds are also on TED, e.g. https://ted.europa.eu/en/notice/-/detail/611835-2024 (NL/FR).
import { eformsOrganisationRole } from './lib/eforms-organisations';
import type { SiteAdapter } from './types';

export const beEprocurement: SiteAdapter = {
  id: 'be-eprocurement',
  kind: 'procurement',
  domains: ['publicprocurement.be'],
  hosts: [
    'https://www.publicprocurement.be/*',
    'https://enot.publicprocurement.be/*',
    'https://eten.publicprocurement.be/*',
  ],
  fieldOf: eformsOrganisationRole,
};
