// "Show possible matches on this page": review mode for this tab only. The content script
// keeps the choice (src/content/review-mode.ts); `on` is what the page's report says it
// does now, or the choice just made while the page catches up.
import { t } from '../../../shared/i18n';

interface Props {
  on: boolean;
  onChange: (on: boolean) => void;
}

export function ReviewToggle({ on, onChange }: Props) {
  return (
    <div class="review-toggle">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-describedby="review-toggle-hint"
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('reviewToggleLabel')}</span>
      </label>
      <p id="review-toggle-hint" class="hint">
        {t('reviewToggleHint')}
      </p>
    </div>
  );
}
