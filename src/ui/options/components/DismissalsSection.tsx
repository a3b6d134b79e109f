// Every "not this company" the user has said, with company, where it applies, reason and
// date, and Undo. Undo brings the company's flags back at once (pages rescan when the
// user's data changes).
import { useState } from 'preact/hooks';
import { formatListDate } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { removeDismissal } from '../../../shared/user-data/dismissals';
import { useDismissals } from '../../../shared/user-data/hooks';
import type { Dismissal } from '../../../shared/user-data/types';

function DismissalItem({ dismissal, onUndo }: { dismissal: Dismissal; onUndo: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    try {
      await onUndo();
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="list-card dismissal">
      <div class="list-head">
        <h3>{dismissal.entityName}</h3>
        <button
          type="button"
          disabled={busy}
          aria-label={t('dismissUndoLabel', dismissal.entityName)}
          onClick={() => void undo()}
        >
          {t('dismissUndo')}
        </button>
      </div>
      <dl class="facts">
        <dt>{t('labelDismissalScope')}</dt>
        <dd>
          {dismissal.scope === 'site' && dismissal.site
            ? t('dismissalScopeSite', dismissal.site)
            : t('dismissalScopeEverywhere')}
        </dd>
        <dt>{t('labelDismissalReason')}</dt>
        <dd>{dismissal.reason || t('dismissalNoReason')}</dd>
        <dt>{t('labelDismissedOn')}</dt>
        <dd>{formatListDate(dismissal.createdAt.slice(0, 10))}</dd>
      </dl>
    </li>
  );
}

export function DismissalsSection() {
  const { value: dismissals, error } = useDismissals();
  const [undone, setUndone] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const undo = async (d: Dismissal) => {
    setFailed(false);
    try {
      await removeDismissal(d.id);
      setUndone(d.entityName);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section class="options-section" aria-labelledby="dismissals-heading">
      <h2 id="dismissals-heading">{t('dismissalsHeading')}</h2>
      <p class="intro">{t('dismissalsIntro')}</p>
      <div role="status" aria-live="polite">
        {undone ? <p class="note">{t('dismissalUndone', undone)}</p> : null}
      </div>
      {failed ? (
        <p class="warn" role="alert">
          {t('userDataWriteFailed')}
        </p>
      ) : null}
      {error ? (
        <p class="warn" role="alert">
          {t('userDataReadFailed')}
        </p>
      ) : dismissals === null ? (
        <p class="note">{t('loading')}</p>
      ) : dismissals.length === 0 ? (
        <p class="note">{t('dismissalsNone')}</p>
      ) : (
        <ul class="list-cards dismissals">
          {dismissals.map((d) => (
            <DismissalItem key={d.id} dismissal={d} onUndo={() => undo(d)} />
          ))}
        </ul>
      )}
    </section>
  );
}
