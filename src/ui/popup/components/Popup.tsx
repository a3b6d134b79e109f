// The whole popup, as a pure function of its props (the stateful part is App.tsx), so
// tests render it with fixed data.
import { t } from '../../../shared/i18n';
import type { DataLookup } from '../../presentation/lookup';
import type { Occurrence, PopupView } from '../../presentation/view-model';
import { EntitySection } from './EntitySection';
import { FlagSections } from './FlagSections';
import { ExportMenu } from './ExportMenu';
import { Footer } from './Footer';
import { OriginFindings } from './OriginFindings';
import { GuardList } from './GuardList';
import { Lookup } from '../../common/Lookup';
import { notFlaggedReasons } from '../../presentation/not-flagged';
import { ReviewToggle } from './ReviewToggle';
import { PageMarks, type PageMarksProps } from './PageMarks';
import { type CheckState, Summary } from './Summary';

export interface PopupProps {
  view: PopupView;
  lookup: DataLookup;
  paused: boolean;
  /** The site's hostname when known (http/https pages only). */
  host: string | null;
  checkState: CheckState;
  revealFailed: boolean;
  /** Whether the page marks possible matches (review mode for this tab); null: no page to ask. */
  reviewMode: boolean | null;
  onReviewModeChange: (on: boolean) => void;
  optionsUrl: string;
  onCheck: () => void;
  onPause: () => void;
  onResume: () => void;
  onReveal: (occurrence: Occurrence) => void;
  onOpenOptions: () => void;
  /** Marks on the page or private mode, and the first-run question; absent: not shown. */
  marks?: PageMarksProps;
}

export function Popup(props: PopupProps) {
  const { view, lookup, paused, host, onReveal } = props;
  // Names seen but not flagged: possible matches, then companies only removed entries name.
  const notFlagged = [...view.possible, ...view.removed];
  // The switch only where it can change something: there are names to mark, or marks to remove.
  // Not in private mode either: nothing is painted there, possible matches included.
  const showToggle =
    props.reviewMode !== null && (notFlagged.length > 0 || props.reviewMode) && props.marks?.shown !== false;
  return (
    <div class="popup">
      <Summary
        view={view}
        paused={paused}
        pausedHost={host}
        checkState={props.checkState}
        onCheck={props.onCheck}
        onResume={props.onResume}
      />
      {props.marks ? <PageMarks {...props.marks} /> : null}
      <main>
        {view.origins ? <OriginFindings origins={view.origins} /> : null}
        {props.revealFailed ? (
          <p class="note warn" role="alert">
            {t('revealFailed')}
          </p>
        ) : null}
        {paused ? null : (
          <>
            <FlagSections view={view} lookup={lookup} onReveal={onReveal} />
            {showToggle ? <ReviewToggle on={props.reviewMode === true} onChange={props.onReviewModeChange} /> : null}
            <EntitySection
              id="not-flagged"
              heading={t('notFlaggedHeading', notFlagged.length)}
              intro={<p class="intro">{t('notFlaggedIntro')}</p>}
              entities={notFlagged}
              collapsed
              lookup={lookup}
              onReveal={onReveal}
              reasonsFor={notFlaggedReasons}
            />
            <EntitySection
              id="dismissed"
              heading={t('sectionDismissed', view.dismissed.length)}
              intro={<p class="intro">{t('sectionDismissedIntro')}</p>}
              entities={view.dismissed}
              collapsed
              lookup={lookup}
              onReveal={onReveal}
            />
            <GuardList guards={view.guards} />
          </>
        )}
      </main>
      {/* Look up one name, and a link to the screening page for many: after the page's
          results, which are what the popup is opened for. */}
      <Lookup showScreenLink />
      {/* An audit record of this page (print/PDF, CSV, JSON). */}
      <ExportMenu available={view.reported && !paused} />
      <Footer
        optionsUrl={props.optionsUrl}
        onOpenOptions={props.onOpenOptions}
        pauseHost={!paused && host ? host : null}
        onPause={props.onPause}
      />
    </div>
  );
}
