// Saved feedback, announced to screen readers.
import { t } from '../../../shared/i18n';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? t('saveFailed') : '';
  return (
    // The live region stays in the DOM (so it is announced); only its text changes.
    <p class={`save-status${state === 'error' ? ' warn' : ''}${text ? '' : ' empty'}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
