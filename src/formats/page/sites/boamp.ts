// BOAMP (boamp.fr), the French official procurement bulletin. National award notices
// ("Avis d'attribution") state "Nom du titulaire / organisme", "Attributaire" and
// "Pouvoir adjudicateur", read by the generic label rules; European notices use the eForms
// organisation layout in French ("Nom officiel", "Rôles de cette organisation :
// Soumissionnaire, Lauréat de ces lots").
//
// ## Test URLs
// - https://www.boamp.fr/pages/recherche/ (filter on award results, "Résultat de marché", and open one)
import { eformsOrganisationRole } from './lib/eforms-organisations';
import type { SiteAdapter } from './types';

export const boamp: SiteAdapter = {
  id: 'boamp',
  kind: 'procurement',
  domains: ['boamp.fr'],
  hosts: ['https://www.boamp.fr/*'],
  fieldOf: eformsOrganisationRole,
};
