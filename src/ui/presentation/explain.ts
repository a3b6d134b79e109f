// Plain-language explanations of matches and list entries, from the data each match
// carries (match type, evidence, the compiled name). Every sentence about a listing is
// attributed to the list's publisher: the extension never states a verdict of its own.
import type {
  CompiledName,
  Criterion,
  EntryEvent,
  EntryRef,
  Evidence,
  FieldRole,
  ListKind,
  RuleName,
  WeakReason,
} from '../../core/types';
import { actorOf, standingDate, standingOf, type ListFacts } from '../../core/entry-wording';
import { formatListDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { EvidenceItem } from './view-model';

/** Short letter/number codes (OHCHR activities "a".."j") read as "(a)"; long internal
 * ids ("asset_freeze") are not shown to users, their text is. */
export function isShortCode(code: string): boolean {
  return /^[a-z0-9]{1,3}$/i.test(code);
}

export function criterionLabel(c: Criterion): string {
  return isShortCode(c.code) ? `(${c.code})` : '';
}

export function fieldLabel(field: FieldRole): string {
  switch (field) {
    case 'supplier':
      return t('fieldSupplier');
    case 'contractor':
      return t('fieldContractor');
    case 'winner':
      return t('fieldWinner');
    case 'tenderer':
      return t('fieldTenderer');
    case 'subcontractor':
      return t('fieldSubcontractor');
    case 'buyer':
      return t('fieldBuyer');
    case 'brand':
      return t('fieldBrand');
    case 'manufacturer':
      return t('fieldManufacturer');
    case 'seller':
      return t('fieldSeller');
    case 'organisation':
      return t('fieldOrganisation');
  }
}

export function weakReasonLabel(reason: WeakReason): string {
  switch (reason) {
    case 'short':
      return t('weakReasonShort');
    case 'acronym':
      return t('weakReasonAcronym');
    case 'common-word':
      return t('weakReasonCommonWord');
    case 'homonym':
      return t('weakReasonHomonym');
    case 'generic-words':
      return t('weakReasonGenericWords');
  }
}

/** What confirmed a short or common name, as a phrase that completes "confirmed by ...". */
export function corroborationPhrase(ev: Evidence): string | null {
  switch (ev.kind) {
    case 'legal-form':
      return t('evidenceLegalForm', ev.text);
    case 'company-word':
      return t('evidenceCompanyWord', ev.text);
    case 'country':
      return t('evidenceCountry', ev.text);
    case 'case':
      return t('evidenceCase', ev.text);
    case 'field':
      return t('evidenceField', fieldLabel(ev.field));
    case 'full-name-on-page':
      return t('evidenceFullName', ev.text);
    case 'product':
      return t('evidenceProduct', ev.text);
    case 'foreign-word':
      return t('evidenceForeignWord', ev.lang);
    default:
      return null;
  }
}

/** The named rule that decided a match's level, in words. */
export function ruleLabel(rule: RuleName): string {
  switch (rule) {
    case 'strong-name':
      return t('rule_strong_name');
    case 'legal-form-agrees':
      return t('rule_legal_form_agrees');
    case 'country-subsidiary':
      return t('rule_country_subsidiary');
    case 'business-line':
      return t('rule_business_line');
    case 'acronym-case':
      return t('rule_acronym_case');
    case 'capitalised-words':
      return t('rule_capitalised_words');
    case 'stated-field':
      return t('rule_stated_field');
    case 'brand-product':
      return t('rule_brand_product');
    case 'foreign-word':
      return t('rule_foreign_word');
    case 'full-name-on-page':
      return t('rule_full_name_on_page');
    case 'no-corroboration':
      return t('rule_no_corroboration');
    case 'part-of-longer-name':
      return t('rule_part_of_longer_name');
    case 'link-not-current':
      return t('rule_link_not_current');
    case 'delisted-only':
      return t('rule_delisted_only');
  }
}

/** Notes that are not corroboration: why a match is only for review. */
export function cautionNotes(evidence: readonly Evidence[]): string[] {
  const notes: string[] = [];
  for (const ev of evidence) {
    if (ev.kind === 'no-corroboration') notes.push(t('evidenceNoCorroboration', weakReasonLabel(ev.reason)));
    else if (ev.kind === 'link-not-current')
      notes.push(ev.note ? t('evidenceLinkNotCurrentNote', ev.note) : t('evidenceLinkNotCurrent'));
    else if (ev.kind === 'delisted-only') notes.push(t('evidenceDelistedOnly'));
    else if (ev.kind === 'runs-on') notes.push(t('evidenceRunsOn', ev.text));
  }
  return notes;
}

/** One sentence saying how the page text relates to the listed entry. */
export function matchTypeExplanation(item: EvidenceItem, name: CompiledName | undefined): string {
  switch (item.matchType) {
    case 'exact':
      return t('matchExact');
    case 'alias':
      if (name?.kind === 'derived-alias') return t('matchDerivedAlias', item.name);
      return t('matchAlias', item.name);
    case 'weak-alias': {
      const phrases = item.evidence.map(corroborationPhrase).filter((p): p is string => p !== null);
      if (phrases.length > 0) return t('matchWeakConfirmed', phrases.join('; '));
      return t('matchWeakUnconfirmed');
    }
    case 'group-member':
      return t('matchGroupMember', item.name);
    case 'brand':
      return t('matchBrand', item.name);
    case 'subsidiary':
      return t('matchSubsidiary', item.name);
    case 'former-name':
      return t('matchFormerName', item.name);
    case 'trading-name':
      return t('matchTradingName', item.name);
    case 'legal-name':
      return t('matchLegalName', item.name);
  }
}

/** A full date reads "on 25 August 2025"; a month or a year reads "in June 2021" / "in 2012". */
function isFullDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * The attributed sentence for an entry, worded for its kind of list: "Excluded by Norges
 * Bank on 25 August 2025 on the recommendation of the Council on Ethics" for an investor's
 * exclusion; "Listed by <publisher> for <criterion codes> on <date>" for the others (the
 * listing date when the entry has one, else the date of the list, said as such); removals
 * and revocations with their date.
 */
export function attribution(entry: EntryRef, list: AttributionList | undefined): string {
  const publisher = list?.publisher ?? entry.list;
  const standing = standingOf(entry);
  const when = standingDate(entry);
  switch (standing) {
    case 'excluded':
    case 'divested':
      return exclusionSentence(entry, list, standing, when);
    case 'exclusion-revoked':
      return when
        ? t('attributionExclusionRevokedDate', [actorOf(entry, list), formatListDate(when)])
        : t('attributionExclusionRevoked', actorOf(entry, list));
    case 'revoked':
      return when ? t('attributionRevokedDate', [publisher, formatListDate(when)]) : t('attributionRevoked', publisher);
    case 'removed':
      return when ? t('attributionRemovedDate', [publisher, formatListDate(when)]) : t('attributionRemoved', publisher);
    case 'listed':
      break;
  }
  const codes =
    entry.criteria.length > 0 && entry.criteria.every((c) => isShortCode(c.code))
      ? entry.criteria.map(criterionLabel).join(', ')
      : null;
  if (entry.listedOn) {
    const date = formatListDate(entry.listedOn);
    return codes ? t('attributionCodesDate', [publisher, codes, date]) : t('attributionDate', [publisher, date]);
  }
  if (list?.published) {
    const date = formatListDate(list.published);
    return codes
      ? t('attributionCodesPublished', [publisher, codes, date])
      : t('attributionPublished', [publisher, date]);
  }
  return codes ? t('attributionCodes', [publisher, codes]) : t('attribution', publisher);
}

/** What attribution() reads of a list (a ListMeta, or a list as an audit record keeps it). */
export type AttributionList = ListFacts & { published: string | null };

function exclusionSentence(
  entry: EntryRef,
  list: AttributionList | undefined,
  standing: 'excluded' | 'divested',
  when: string | null,
): string {
  const actor = actorOf(entry, list);
  // The adviser is named only when the entry dates a recommendation (Paz and Bezeq: none seen).
  const adviser = list?.recommendedBy && (entry.recommendedOn?.length ?? 0) > 0 ? list.recommendedBy : null;
  if (!when) return standing === 'divested' ? t('attributionDivested', actor) : t('attributionExcluded', actor);
  const date = formatListDate(when);
  const on = isFullDate(when);
  if (standing === 'divested')
    return on ? t('attributionDivestedOn', [actor, date]) : t('attributionDivestedIn', [actor, date]);
  if (adviser)
    return on
      ? t('attributionExcludedOnRecommended', [actor, date, adviser])
      : t('attributionExcludedInRecommended', [actor, date, adviser]);
  return on ? t('attributionExcludedOn', [actor, date]) : t('attributionExcludedIn', [actor, date]);
}

export function statusText(entry: EntryRef): string {
  const when = standingDate(entry);
  switch (standingOf(entry)) {
    case 'listed':
      return t('statusListed');
    case 'excluded':
      return t('statusExcluded');
    case 'divested':
      return t('statusDivested');
    case 'removed':
      return when ? t('statusRemovedOn', formatListDate(when)) : t('statusRemoved');
    case 'revoked':
      return when ? t('statusRevokedOn', formatListDate(when)) : t('statusRevoked');
    case 'exclusion-revoked':
      return when ? t('statusExclusionRevokedOn', formatListDate(when)) : t('statusExclusionRevoked');
  }
}

/** The kind of a list in a word or two, for the chip next to it. */
export function kindLabel(kind: ListKind): string {
  switch (kind) {
    case 'un-database':
      return t('kindUnDatabase');
    case 'sanctions':
      return t('kindSanctions');
    case 'investor-exclusion':
      return t('kindInvestorExclusion');
    case 'ngo-research':
      return t('kindNgoResearch');
    case 'imported':
      return t('kindImported');
  }
}

/** One event of an entry's history, in words ("excluded", "recommended by the Council on Ethics"). */
export function historyEventLabel(event: EntryEvent, list: ListFacts | undefined): string {
  switch (event.event) {
    case 'listed':
      return t('historyListed');
    case 'recommended':
      return list?.recommendedBy ? t('historyRecommendedBy', list.recommendedBy) : t('historyRecommended');
    case 'excluded':
      return t('historyExcluded');
    case 'divested':
      return t('historyDivested');
    case 'announced':
      return t('historyAnnounced');
    case 'removed':
      return t('historyRemoved');
    case 'revoked':
      return t('historyRevoked');
    case 'exclusion-revoked':
      return t('historyExclusionRevoked');
  }
}

/** The result of a name or company in one word: listed, for review, removed, clear. */
export function resultLabel(result: 'flag' | 'possible' | 'removed' | 'clear' | 'lookalike'): string {
  switch (result) {
    case 'flag':
      return t('resultFlag');
    case 'possible':
      return t('resultPossible');
    case 'removed':
      return t('resultRemoved');
    case 'clear':
      return t('resultClear');
    case 'lookalike':
      return t('resultClear');
  }
}

/**
 * A list's name in a word or two, for the chips on a card ("UN database", "EU sanctions"):
 * the full title is in the entry's details. Lists not in this table (imported ones) use
 * their title, shortened when it is long.
 */
export function shortListName(listId: string, list: { title: string; kind?: ListKind } | undefined): string {
  switch (listId) {
    case 'ohchr-bhr-database-hrc-31-36':
      return t('listShortUn');
    case 'dbio-2024':
      return t('listShortDbio');
    case 'whoprofits':
      return t('listShortWhoProfits');
    case 'eu-sanctions-settler-violence':
      return t('listShortEuSanctions');
    case 'uk-sanctions-settler-violence':
      return t('listShortUkSanctions');
    case 'ca-sanctions-extremist-settler-violence':
      return t('listShortCaSanctions');
    case 'au-sanctions-settler-violence':
      return t('listShortAuSanctions');
    case 'jp-sanctions-settler-violence':
      return t('listShortJpSanctions');
    case 'us-sanctions-eo-14115-historical':
      return t('listShortUsSanctions');
    case 'investor-exclusions-norway-gpfg':
      return t('listShortNorwayGpfg');
    case 'investor-exclusions-klp':
      return t('listShortKlp');
    case 'investor-exclusions-isif':
      return t('listShortIsif');
  }
  if (!list) return listId;
  // Cut at a word: the full title is one click away, in the details.
  if (list.title.length <= 28) return list.title;
  const cut = list.title.slice(0, 27);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 12 ? cut.lastIndexOf(' ') : 27)}…`;
}

/** How the page text relates to the listed company, in a few words ("brand of Expedia Group"). */
export function matchTypeShort(item: EvidenceItem, name: CompiledName | undefined, company: string): string {
  switch (item.matchType) {
    case 'exact':
      return t('matchShortExact');
    case 'alias':
      return name?.kind === 'derived-alias' ? t('matchShortDerivedAlias') : t('matchShortAlias');
    case 'weak-alias': {
      const phrases = item.evidence.map(corroborationPhrase).filter((p): p is string => p !== null);
      return phrases.length > 0 ? t('matchShortWeakConfirmed', phrases.join('; ')) : t('matchShortWeak');
    }
    case 'group-member':
      return t('matchShortGroupMember');
    case 'brand':
      return t('matchShortBrand', company);
    case 'subsidiary':
      return t('matchShortSubsidiary', company);
    case 'former-name':
      return t('matchShortFormerName');
    case 'trading-name':
      return t('matchShortTradingName');
    case 'legal-name':
      return t('matchShortLegalName');
  }
}

/**
 * Why the company is on one list, in the list's own terms and in one short line: the
 * activity codes of the UN database, else its standing ("excluded", "removed from the
 * list"). Dates and who decided are in the attributed sentence of the entry's details.
 */
export function whyLine(entry: EntryRef): string {
  switch (standingOf(entry)) {
    case 'removed':
      return t('whyRemoved');
    case 'revoked':
      return t('whyRevoked');
    case 'exclusion-revoked':
      return t('whyExclusionRevoked');
    case 'excluded':
      return t('whyExcluded');
    case 'divested':
      return t('whyDivested');
    case 'listed':
      break;
  }
  if (entry.criteria.length > 0 && entry.criteria.every((c) => isShortCode(c.code)))
    return t('whyActivities', entry.criteria.map(criterionLabel).join(', '));
  return t('whyListed');
}
