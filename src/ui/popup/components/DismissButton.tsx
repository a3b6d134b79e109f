// "Not this company" on an entity card: the user says the name on this page is another
// company, on this site or everywhere, with an optional reason. The card then moves to
// "Dismissed by you", where Undo brings it back. A dismissal hides only this entity.
//
// The actions come from DismissContext (App provides it, see DismissProvider); without a
// provider, or for an entity where dismissing is not offered (dismissal === undefined,
// e.g. lookup results), nothing is rendered.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useState } from 'preact/hooks';
import { formatListDate } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { MAX_REASON_CHARS } from '../../../shared/user-data/dismissal-input';
import { addDismissal, removeDismissal } from '../../../shared/user-data/dismissals';
import type { Dismissal, DismissalScope } from '../../../shared/user-data/types';
import type { EntityView } from '../../presentation/view-model';

export interface DismissActions {
  /** The page's hostname; null when "on this site" cannot be offered (no web page). */
  host: string | null;
  dismiss(entity: { id: string; displayName: string }, scope: DismissalScope, reason: string): Promise<void>;
  undo(dismissal: Dismissal): Promise<void>;
}

export const DismissContext = createContext<DismissActions | null>(null);

/** Provides actions that store dismissals in IndexedDB. */
export function DismissProvider({ host, children }: { host: string | null; children: ComponentChildren }) {
  const actions = useMemo<DismissActions>(
    () => ({
      host,
      async dismiss(entity, scope, reason) {
        await addDismissal({ entity: entity.id, entityName: entity.displayName, scope, site: host, reason });
      },
      async undo(dismissal) {
        await removeDismissal(dismissal.id);
      },
    }),
    [host],
  );
  return <DismissContext.Provider value={actions}>{children}</DismissContext.Provider>;
}

/** ISO date-time -> a date in the UI language. */
function dismissedOn(iso: string): string {
  return formatListDate(iso.slice(0, 10));
}

function DismissedNote({ dismissal, actions }: { dismissal: Dismissal; actions: DismissActions }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const undo = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await actions.undo(dismissal);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="dismissed-note">
      <p>
        {dismissal.scope === 'site' && dismissal.site
          ? t('dismissedOnSite', [dismissal.site, dismissedOn(dismissal.createdAt)])
          : t('dismissedEverywhere', dismissedOn(dismissal.createdAt))}
      </p>
      {dismissal.reason ? (
        <p class="dismissed-reason">
          {t('dismissReasonShown')} <q>{dismissal.reason}</q>
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => void undo()}
        disabled={busy}
        aria-label={t('dismissUndoLabel', dismissal.entityName)}
      >
        {t('dismissUndo')}
      </button>
      {failed ? (
        <p class="warn" role="alert">
          {t('dismissSaveFailed')}
        </p>
      ) : null}
    </div>
  );
}

function DismissForm({
  entity,
  actions,
  onClose,
}: {
  entity: EntityView;
  actions: DismissActions;
  onClose: () => void;
}) {
  const [scope, setScope] = useState<DismissalScope>(actions.host ? 'site' : 'everywhere');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const base = `dismiss-${entity.id.replace(/[^a-z0-9_-]/gi, '_')}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await actions.dismiss(entity, scope, reason);
      onClose();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <form class="dismiss-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('dismissQuestion', entity.displayName)}</legend>
        {/* One choice per line (block paragraphs), so no popup styles are needed. */}
        {actions.host ? (
          <p>
            <label>
              <input
                type="radio"
                name={`${base}-scope`}
                value="site"
                checked={scope === 'site'}
                onChange={() => setScope('site')}
              />{' '}
              {t('dismissScopeSite', actions.host)}
            </label>
          </p>
        ) : null}
        <p>
          <label>
            <input
              type="radio"
              name={`${base}-scope`}
              value="everywhere"
              checked={scope === 'everywhere'}
              onChange={() => setScope('everywhere')}
            />{' '}
            {t('dismissScopeEverywhere')}
          </label>
        </p>
        <p>
          <label for={`${base}-reason`}>{t('dismissReasonLabel')}</label>
          <br />
          <input
            id={`${base}-reason`}
            class="dismiss-reason"
            type="text"
            maxLength={MAX_REASON_CHARS}
            value={reason}
            placeholder={t('dismissReasonPlaceholder')}
            onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
          />
        </p>
      </fieldset>
      <p class="dismiss-note">{t('dismissOnlyThis')}</p>
      <div class="dismiss-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('dismissConfirm')}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {t('dismissCancel')}
        </button>
      </div>
      {failed ? (
        <p class="warn" role="alert">
          {t('dismissSaveFailed')}
        </p>
      ) : null}
    </form>
  );
}

export function DismissButton({ entity }: { entity: EntityView }) {
  const actions = useContext(DismissContext);
  const [open, setOpen] = useState(false);
  if (!actions || entity.dismissal === undefined) return null;
  if (entity.dismissal) return <DismissedNote dismissal={entity.dismissal} actions={actions} />;
  // Removed entries are not flags: there is nothing to dismiss.
  if (entity.section === 'removed') return null;
  if (open) return <DismissForm entity={entity} actions={actions} onClose={() => setOpen(false)} />;
  return (
    <p class="dismiss">
      <button
        type="button"
        class="link-button"
        aria-label={t('dismissButtonLabel', entity.displayName)}
        onClick={() => setOpen(true)}
      >
        {t('dismissButton')}
      </button>
    </p>
  );
}
