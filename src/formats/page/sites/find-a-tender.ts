// Find a Tender (find-tender.service.gov.uk), the UK's notice service since 2021. Award
// notices use the standard forms' headings ("V.2.3) Name and address of the contractor")
// and, for Procurement Act 2023 notices, "Suppliers" sections; both are labels the generic
// rules read, so this adapter only names the site and its test URLs.
//
// ## Test URLs
// - https://www.find-tender.service.gov.uk/Search/Results (filter "Awarded" and open a contract award notice)
// The UK framework awards on TED (https://ted.europa.eu/en/notice/-/detail/61-2021) have the same form.
import type { SiteAdapter } from './types';

export const findATender: SiteAdapter = {
  id: 'find-a-tender',
  kind: 'procurement',
  domains: ['find-tender.service.gov.uk'],
  hosts: ['https://www.find-tender.service.gov.uk/*'],
};
