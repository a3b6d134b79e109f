// The popup's header: what was found on the page, or why nothing was checked yet. It counts
// flagged companies only: names that are not flags are listed further down, uncounted.
import { formatCount } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import type { PopupView } from '../../presentation/view-model';

export type CheckState = 'idle' | 'checking' | 'not-allowed' | 'failed' | 'no-answer';

interface Props {
  view: PopupView;
  paused: boolean;
  pausedHost: string | null;
  checkState: CheckState;
  onCheck: () => void;
  onResume: () => void;
}

function CheckStatus({ state }: { state: CheckState }) {
  switch (state) {
    case 'checking':
      return <p class="note">{t('checking')}</p>;
    case 'not-allowed':
      return <p class="note warn">{t('checkNotAllowed')}</p>;
    case 'failed':
      return <p class="note warn">{t('checkFailed')}</p>;
    case 'no-answer':
      return <p class="note warn">{t('checkNoAnswer')}</p>;
    default:
      return null;
  }
}

export function Summary({ view, paused, pausedHost, checkState, onCheck, onResume }: Props) {
  return (
    <header class="summary">
      <h1>{t('extName')}</h1>
      <div role="status" aria-live="polite">
        {paused ? (
          <div class="paused">
            <p>{pausedHost ? t('pausedOnSite', pausedHost) : t('pausedHere')}</p>
            <button type="button" class="primary" onClick={onResume}>
              {t('resumeOnSite')}
            </button>
          </div>
        ) : null}
        {!paused && view.reported ? (
          view.flags.length === 0 ? (
            <p class="counts">{view.stillReading ? t('summaryNothingFoundYet') : t('summaryNothingFound')}</p>
          ) : (
            <p class="counts">
              <span class="count-flags">{t('summaryFlags', formatCount(view.flags.length))}</span>
            </p>
          )
        ) : null}
        {!paused && view.reported && view.stillReading ? <p class="note">{t('stillReading')}</p> : null}
        {!paused && !view.reported ? (
          <div class="unchecked">
            <p>{t('notCheckedYet')}</p>
            <button type="button" class="primary" onClick={onCheck} disabled={checkState === 'checking'}>
              {t('checkThisPage')}
            </button>
          </div>
        ) : null}
        <CheckStatus state={checkState} />
      </div>
    </header>
  );
}
