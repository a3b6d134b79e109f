// "Origin named on this page": places of the settlement-localities list named where the page
// says where its product comes from or who made it, with the page's own origin field beside
// each (a producer address in a settlement industrial zone under "Herkomst: Israël" is the
// case that matters), the list's source and its caveats. Text only, never HTML.
import originData from '../../../generated/origin-index.json';
import type { OriginIndex, PlaceCategory } from '../../../core/origins';
import { t } from '../../../shared/i18n';
import type { PageOrigins, ReportedOrigin } from '../../../core/origin-report';
import { ExternalLink } from '../../common/ExternalLink';

const index = originData as unknown as OriginIndex;

function kindText(category: PlaceCategory): string {
  if (category === 'industrial_zone') return t('originKindIndustrialZone');
  if (category === 'farm_outpost') return t('originKindFarmOutpost');
  return t('originKindLocality');
}

function contextLabel(f: ReportedOrigin): string {
  if (f.contextKind === 'origin') return t('originContextOrigin');
  if (f.contextKind === 'producer') return t('originContextProducer');
  return t('originContextAddress');
}

function ruleText(f: ReportedOrigin): string {
  if (f.rule === 'industrial-zone-word') return t('originRuleZone', f.evidence ?? '');
  if (f.rule === 'postcode') return t('originRulePostcode', f.evidence ?? '');
  if (f.rule === 'region-named') return t('originRuleRegion', f.evidence ?? '');
  return t('originRuleName');
}

function Finding({ f, stated }: { f: ReportedOrigin; stated: PageOrigins['stated'] }) {
  const place = index.places[f.place];
  const same = place?.name === f.placeName;
  // Origin fields other than the value the place was named in: shown side by side with it.
  const beside = stated.filter((s) => s.value !== f.value);
  return (
    <li class="origin-finding" data-place={f.placeName}>
      <p class="origin-named">{t('originNamed', [f.placeName, kindText(f.category)])}</p>
      <div class="origin-texts">
        <p class="origin-text">
          <span class="origin-label">{contextLabel(f)}</span> {f.label}: “{f.value}”
          {f.fromPageData ? <span class="origin-data"> {t('originFromPageData')}</span> : null}
        </p>
        {beside.map((s) => (
          <p class="origin-text origin-stated">
            <span class="origin-label">{t('originContextOrigin')}</span> {s.label}: “{s.value}”
          </p>
        ))}
      </div>
      {f.spelling === 'variant' ? <p class="origin-spelling">{t('originSpelling', [f.text, f.matchedName])}</p> : null}
      <p class="origin-rule">{ruleText(f)}</p>
      {f.reviewRequired ? (
        <p class="origin-review">
          {t('originReview')} {same && place ? place.reviewReasons.join('; ') : ''}
        </p>
      ) : null}
      {same && place ? <p class="origin-rationale">{place.rationale}</p> : null}
    </li>
  );
}

export function OriginFindings({ origins }: { origins: PageOrigins }) {
  if (origins.findings.length === 0) return null;
  const list = index.list;
  return (
    <section class="origins" aria-label={t('originHeading', origins.findings.length)}>
      <h2>{t('originHeading', origins.findings.length)}</h2>
      <ul>
        {origins.findings.map((f) => (
          <Finding f={f} stated={origins.stated} />
        ))}
      </ul>
      <p class="origin-caveat">{t('originCaveat')}</p>
      <p class="origin-coverage">{list.coverageNote}</p>
      <p class="origin-source">
        {t('originSource')} <ExternalLink href={list.url}>{list.title}</ExternalLink>
        {list.published ? ` (${list.published})` : ''}
      </p>
    </section>
  );
}
