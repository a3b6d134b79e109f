// One distinct text on the page that matched: how it matched, in plain words, where
// (context), and a button that scrolls to it (stepping through repeated occurrences).
import { useState } from 'preact/hooks';
import type { CompiledName } from '../../core/types';
import { formatListDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import { cautionNotes, fieldLabel, matchTypeExplanation, ruleLabel } from '../explain';
import type { EvidenceItem, Occurrence } from '../view-model';
import { ContextExcerpt } from './ContextExcerpt';
import { ExternalLink } from './ExternalLink';

interface Props {
  item: EvidenceItem;
  name: CompiledName | undefined;
  onReveal: (occurrence: Occurrence) => void;
  /** False where the card already says why the name is not a flag (no second copy here). */
  showCautions?: boolean;
}

export function EvidenceRow({ item, name, onReveal, showCautions = true }: Props) {
  const [next, setNext] = useState(0);
  const count = item.occurrences.length;
  const link = name?.link ?? null;
  const reveal = () => {
    onReveal(item.occurrences[next % count]);
    setNext((next + 1) % count);
  };
  return (
    <li class="evidence">
      <p class="matched">
        <q class="matched-text">{item.text}</q>
        {count > 1 ? <span class="times"> {t('occurrences', count)}</span> : null}
      </p>
      <p class="explanation">{matchTypeExplanation(item, name)}</p>
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
        <button type="button" class="reveal" onClick={reveal} aria-label={t('showOnPageLabel', item.text)}>
          {count > 1 ? t('showOnPageNth', [(next % count) + 1, count]) : t('showOnPage')}
        </button>
      ) : null}
    </li>
  );
}
