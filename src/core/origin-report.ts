// What a frame reports about origins: the places of the settlement-localities list named in
// origin values, producer lines and addresses, and what the page's origin fields say, so the
// popup can show an origin field ("Herkomst: Israël") beside the producer address that names a
// settlement. Kept apart from company matches: an origin finding names a place, not a
// listed company, and is never counted on the badge. Validated on receipt like the rest of
// the page report (src/shared/messages.ts).
import type { OriginContext, OriginContextKind, OriginNameKind, OriginRule, PlaceCategory } from './origins';

export interface ReportedOrigin {
  place: number;
  placeName: string;
  category: PlaceCategory;
  reviewRequired: boolean;
  /** Exactly the page text that named the place. */
  text: string;
  matchedName: string;
  nameKind: OriginNameKind;
  spelling: 'same' | 'variant';
  rule: OriginRule;
  evidence: string | null;
  contextKind: OriginContextKind;
  /** The page's label for the value ("Producent", "json-ld manufacturer.address"). */
  label: string;
  /** The whole value the place was named in. */
  value: string;
  /** True when read from the page's data (JSON-LD), not its visible text. */
  fromPageData: boolean;
}

/** An origin value as the page states it, finding or not ("Herkomst: Israël"). */
export interface StatedOrigin {
  label: string;
  value: string;
  fromPageData: boolean;
}

/** A label/value context of the page and whether it came from the page's data. */
export interface OriginContextOnPage {
  c: OriginContext;
  fromPageData: boolean;
}

export interface PageOrigins {
  findings: ReportedOrigin[];
  stated: StatedOrigin[];
}

/** Bounds: a page lists a few origins; a search page with thousands of tiles must not flood storage. */
export const MAX_REPORTED_ORIGINS = 100;
export const MAX_STATED_ORIGINS = 20;
const MAX_TEXT = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

function isReportedOrigin(v: unknown): v is ReportedOrigin {
  return (
    isObject(v) &&
    typeof v.place === 'number' &&
    Number.isInteger(v.place) &&
    v.place >= 0 &&
    isText(v.placeName) &&
    ['locality', 'industrial_zone', 'farm_outpost', 'jerusalem_alert_sector'].includes(v.category as string) &&
    typeof v.reviewRequired === 'boolean' &&
    isText(v.text) &&
    isText(v.matchedName) &&
    ['name', 'alias', 'derived', 'curated'].includes(v.nameKind as string) &&
    (v.spelling === 'same' || v.spelling === 'variant') &&
    ['strong-name', 'industrial-zone-word', 'postcode', 'region-named'].includes(v.rule as string) &&
    (v.evidence === null || isText(v.evidence)) &&
    ['origin', 'producer', 'address'].includes(v.contextKind as string) &&
    isText(v.label) &&
    isText(v.value) &&
    typeof v.fromPageData === 'boolean'
  );
}

function isStatedOrigin(v: unknown): v is StatedOrigin {
  return isObject(v) && isText(v.label) && isText(v.value) && typeof v.fromPageData === 'boolean';
}

export function isPageOrigins(v: unknown): v is PageOrigins {
  return (
    isObject(v) &&
    Array.isArray(v.findings) &&
    v.findings.length <= MAX_REPORTED_ORIGINS &&
    v.findings.every(isReportedOrigin) &&
    Array.isArray(v.stated) &&
    v.stated.length <= MAX_STATED_ORIGINS &&
    v.stated.every(isStatedOrigin)
  );
}

/** Part of the report signature: a change in origins must reach the background. */
export function originsSignature(o: PageOrigins | undefined): string {
  if (!o) return '';
  return [
    ...o.findings.map((f) => `o${f.place}|${f.text}|${f.value}`),
    ...o.stated.map((s) => `s${s.label}|${s.value}`),
  ].join('\n');
}
