// The language of the extension's pages: the browser's, or one the user picks. Each language
// is named in itself, as people look for their own language's name.
import { t } from '../../../shared/i18n';
import {
  UI_LANGUAGES,
  type Settings,
  type UiLanguage,
  type UiLanguageChoice,
  withUiLanguage,
} from '../../../shared/settings';

/** Endonyms: the same in every locale, so not messages. */
const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
};

interface Props {
  settings: Settings;
  onChange: (next: Settings) => void;
}

export function LanguageSection({ settings, onChange }: Props) {
  return (
    <section class="options-section" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('languageHeading')}</h2>
      <p id="language-intro" class="intro">
        {t('languageIntro')}
      </p>
      <label class="language-choice">
        <span>{t('languageLabel')}</span>{' '}
        <select
          id="ui-language"
          value={settings.uiLanguage}
          aria-describedby="language-intro"
          onChange={(e) =>
            onChange(withUiLanguage(settings, (e.currentTarget as HTMLSelectElement).value as UiLanguageChoice))
          }
        >
          <option value="auto">{t('languageAuto')}</option>
          {UI_LANGUAGES.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
