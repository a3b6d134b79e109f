// Marks on this page, or private mode: the first-run question (until it is answered), what
// this page shows and why, "Show on page" / "Take the marks off" for this tab, and the choice
// for this site. The page's own scripts can read every mark (docs/privacy.md): each line
// says so where marks are, and that the site sees nothing where they are not.
import { t } from '../../../shared/i18n';
import type { MarksDecision, PageMarks as PageMarksChoice } from '../../../shared/settings';
import './page-marks.css';

export interface PageMarksProps {
  /** The site's hostname (http/https pages only). */
  host: string | null;
  /** What the settings decide for this site; null while they load or for non-web pages. */
  decision: MarksDecision | null;
  /** Whether the page shows its marks now (its report, or the choice just made here); null: no page to ask. */
  shown: boolean | null;
  /** The first-run question was answered. */
  chosen: boolean;
  /** There are names the page could show (flags, or possibles in review mode). */
  hasMarks: boolean;
  /** For this tab only, until the page goes away. */
  onShow: (on: boolean) => void;
  /** For this site, kept in the settings. */
  onSite: (mark: boolean) => void;
  /** For all sites (the first-run question). */
  onChoose: (choice: PageMarksChoice) => void;
}

function reasonText(decision: MarksDecision): string {
  switch (decision.reason) {
    case 'site-private':
    case 'site-marked':
      return t('marksReasonSite');
    case 'all-private':
    case 'all-marked':
      return t('marksReasonAll');
    case 'shop':
      return t('marksReasonShop');
    case 'procurement':
      return t('marksReasonProcurement');
    default:
      return t('marksReasonOther');
  }
}

export function FirstRunChoice({ onChoose }: { onChoose: (choice: PageMarksChoice) => void }) {
  return (
    <section class="marks-first-run" aria-labelledby="marks-first-run-heading">
      <h2 id="marks-first-run-heading">{t('marksFirstRunHeading')}</h2>
      <p class="hint">{t('marksFirstRunIntro')}</p>
      <div class="marks-choices">
        <button type="button" onClick={() => onChoose('mark')}>
          {t('marksChoiceMark')}
        </button>
        <button type="button" onClick={() => onChoose('private')}>
          {t('marksChoicePrivate')}
        </button>
        <button type="button" onClick={() => onChoose('by-site')}>
          {t('marksChoiceBySite')}
        </button>
      </div>
      <p class="hint">{t('marksFirstRunLater')}</p>
    </section>
  );
}

export function PageMarks(props: PageMarksProps) {
  const { decision, shown, host } = props;
  // "At your request": the page differs from what the settings decide for the site.
  const byRequest = shown !== null && decision !== null && shown !== decision.mark;
  return (
    <>
      {props.chosen ? null : <FirstRunChoice onChoose={props.onChoose} />}
      {shown === null ? null : (
        <section class="page-marks" aria-label={t('marksHeading')}>
          {shown ? (
            <p class="marks-state">{byRequest ? t('marksNowShown') : t('marksNowMarked')}</p>
          ) : (
            <p class="marks-state">{t('marksNowPrivate')}</p>
          )}
          {decision && !byRequest ? <p class="hint">{reasonText(decision)}</p> : null}
          {!shown && props.hasMarks ? (
            <>
              <button
                type="button"
                class="primary"
                aria-describedby="marks-show-hint"
                onClick={() => props.onShow(true)}
              >
                {t('marksShowOnPage')}
              </button>
              <p id="marks-show-hint" class="hint">
                {t('marksShowOnPageHint')}
              </p>
            </>
          ) : null}
          {shown && byRequest ? (
            <button type="button" onClick={() => props.onShow(false)}>
              {t('marksHide')}
            </button>
          ) : null}
          {host && decision ? (
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={!decision.mark}
                onChange={(e) => props.onSite(!(e.currentTarget as HTMLInputElement).checked)}
              />
              <span>{t('marksSitePrivate', host)}</span>
            </label>
          ) : null}
        </section>
      )}
    </>
  );
}
