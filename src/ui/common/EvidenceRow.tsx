// One distinct text on the page that matched, as one line that opens: closed, the page text
// and how it relates to the listed company in a few words ("brand of Expedia Group"); open,
// the longer explanation, the rule that decided it, the brand or company link with its
// source, cautions, where on the page (context) and a button that scrolls to it (stepping
// through repeated occurrences).
import { useState } from 'preact/hooks';
import type { CompiledName } from '../../core/types';
import { formatListDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import { cautionNotes, fieldLabel, matchTypeExplanation, matchTypeShort, ruleLabel } from '../presentation/explain';
import type { EvidenceItem, Occurrence } from '../presentation/view-model';
import { ContextExcerpt } from './ContextExcerpt';
import { ExternalLink } from './ExternalLink';

interface Props {
  item: EvidenceItem;
  name: CompiledName | undefined;
  /** The listed company's name as the card heads it ("brand of <company>"). */
  company: string;
  onReveal: (occurrence: Occurrence) => void;
  /** False where the card already says why the name is not a flag (no second copy here). */
  showCautions?: boolean;
  /** Open from the start: where one name was asked about, its details are the answer. */
  open?: boolean;
}

export function EvidenceRow({ item, name, company, onReveal, showCautions = true, open = false }: Props) {
  const [next, setNext] = useState(0);
  const count = item.occurrences.length;
  const link = name?.link ?? null;
  const reveal = () => {
    onReveal(item.occurrences[next % count]);
    setNext((next + 1) % count);
  };
  const short = matchTypeShort(item, name, company);
  // The accessible name starts with the visible text, so speech input can say what it sees.
  const action = count > 1 ? t('showOnPageNth', [(next % count) + 1, count]) : t('showOnPage');
  const long = matchTypeExplanation(item, name);
  return (
    <li class="evidence">
      <details class="evidence-details" open={open}>
        <summary class="matched">
          <q class="matched-text">{item.text}</q> <span class="match-type">{short}</span>
          {count > 1 ? <span class="times"> {t('occurrences', count)}</span> : null}
        </summary>
        <div class="evidence-more">
          {long !== short ? <p class="explanation">{long}</p> : null}
          <p class="rule">{t('decidedByRule', ruleLabel(item.rule))}</p>
          {item.field && item.matchType !== 'weak-alias' ? (
            <p class="field">{t('fieldOnPage', fieldLabel(item.field))}</p>
          ) : null}
          {(showCautions ? cautionNotes(item.evidence) : []).map((note) => (
            <p class="caution" key={note}>
              {note}
            </p>
          ))}
          {link ? (
            <p class="link-source">
              {link.quote ? <q>{link.quote}</q> : null}{' '}
              <ExternalLink href={link.sourceUrl}>
                {link.asOf ? t('linkSourceAsOf', formatListDate(link.asOf)) : t('linkSource')}
              </ExternalLink>
            </p>
          ) : null}
          {item.fromPageData ? <p class="note page-data">{t('fromPageData')}</p> : null}
          <ContextExcerpt context={item.context} text={item.text} />
          {count > 0 ? (
            <button
              type="button"
              class="reveal"
              onClick={reveal}
              aria-label={t('showOnPageLabel', [action, item.text])}
            >
              {action}
            </button>
          ) : null}
        </div>
      </details>
    </li>
  );
}
