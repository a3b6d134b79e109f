// Review mode: whether possible matches are marked on pages as well as listed in the popup.
// Off by default; the popup can switch it for one tab.
import { t } from '../../../shared/i18n';
import { type Settings, withReviewMode } from '../../../shared/settings';

interface Props {
  settings: Settings;
  onChange: (next: Settings) => void;
}

export function ReviewModeSection({ settings, onChange }: Props) {
  return (
    <section class="options-section" aria-labelledby="review-mode-heading">
      <h2 id="review-mode-heading">{t('reviewModeHeading')}</h2>
      <p id="review-mode-intro" class="intro">
        {t('reviewModeIntro')}
      </p>
      <label class="switch">
        <input
          id="review-mode"
          type="checkbox"
          role="switch"
          checked={settings.reviewMode}
          aria-describedby="review-mode-intro"
          onChange={(e) => onChange(withReviewMode(settings, (e.currentTarget as HTMLInputElement).checked))}
        />
        <span>{t('reviewModeLabel')}</span>
      </label>
    </section>
  );
}
