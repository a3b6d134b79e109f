// Plain-language explanations of matches and list entries, from the data each match
// carries (match type, evidence, the compiled name). Every sentence about a listing is
// attributed to the list's publisher: the extension never states a verdict of its own.
import type {
  CompiledName,
  Criterion,
  EntryRef,
  Evidence,
  FieldRole,
  ListMeta,
  RuleName,
  WeakReason,
} from '../core/types';
import { formatListDate } from '../shared/format';
import { t } from '../shared/i18n';
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

/**
 * "Listed by <publisher> for <criterion codes> on <date>": the listing date when the
 * entry has one, else the date of the list it appears in (said as such).
 */
export function attribution(entry: EntryRef, list: ListMeta | undefined): string {
  const publisher = list?.publisher ?? entry.list;
  if (entry.status === 'delisted') {
    return entry.removedOn
      ? t('attributionRemovedDate', [publisher, formatListDate(entry.removedOn)])
      : t('attributionRemoved', publisher);
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

export function statusText(entry: EntryRef): string {
  if (entry.status === 'listed') return t('statusListed');
  return entry.removedOn ? t('statusRemovedOn', formatListDate(entry.removedOn)) : t('statusRemoved');
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
