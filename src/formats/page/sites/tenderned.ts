// TenderNed (tenderned.nl), the Dutch procurement portal. Notices since 2023 are eForms
// notices shown with the eForms organisation layout in Dutch ("Officiële naam", "Rollen van
// deze organisatie: Inschrijver, Winnaar van deze percelen"); older notices use the
// standard forms ("Naam en adres van de contractant", "Gegunde inschrijver").
//
// ## Test URLs
// - https://www.tenderned.nl/aankondigingen/overzicht (filter "Aankondiging van een gegunde opdracht")
// The Waterschap Rivierenland award on TED (https://ted.europa.eu/en/notice/-/detail/191536-2024) is a TenderNed notice.
import { eformsOrganisationRole } from './lib/eforms-organisations';
import type { SiteAdapter } from './types';

export const tenderned: SiteAdapter = {
  id: 'tenderned',
  kind: 'procurement',
  domains: ['tenderned.nl'],
  hosts: ['https://www.tenderned.nl/*'],
  fieldOf: eformsOrganisationRole,
};
