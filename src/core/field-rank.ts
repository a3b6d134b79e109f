// How the popup orders and groups flags by the role the page states for them: a listed
// company that won the contract or makes the product comes before one merely mentioned.
import type { FieldRole } from './types';

/** Lower ranks first. Winner/contractor/supplier and brand share the top ranks. */
const RANK: Record<FieldRole, number> = {
  winner: 0,
  contractor: 1,
  supplier: 1,
  brand: 2,
  manufacturer: 3,
  seller: 4,
  tenderer: 5,
  subcontractor: 6,
  organisation: 7,
  buyer: 8,
};

/** Sort key for a match's field: winner 0 ... buyer 8, no field 9. */
export function fieldRank(field: FieldRole | null | undefined): number {
  return field ? RANK[field] : 9;
}

/**
 * The popup's groups: "Awarded to" (winner, contractor, supplier), "Bidders" (tenderer,
 * subcontractor), "Brand of this product" (brand, manufacturer), "Mentioned on the page"
 * (everything else: seller, buyer, organisation, no field).
 */
export type FieldGroup = 'awarded' | 'bidders' | 'brand' | 'mentioned';

export function fieldGroup(field: FieldRole | null | undefined): FieldGroup {
  switch (field) {
    case 'winner':
    case 'contractor':
    case 'supplier':
      return 'awarded';
    case 'tenderer':
    case 'subcontractor':
      return 'bidders';
    case 'brand':
    case 'manufacturer':
      return 'brand';
    default:
      return 'mentioned';
  }
}
