// What sites can see: marks on the page, or results only in the toolbar (private mode), for
// every site and per site. Shown first on the options page; until the user has answered it,
// it says that this is the question to answer once (the popup asks it too).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import {
  type PageMarks,
  type Settings,
  normalizeHostname,
  withPageMarks,
  withSiteMarks,
  withoutSiteMarks,
} from '../../../shared/settings';
import './page-marks-section.css';

interface Props {
  settings: Settings;
  onChange: (next: Settings) => void;
}

export function PageMarksSection({ settings, onChange }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choice = (value: PageMarks, label: string) => (
    <label class="marks-option">
      <input
        type="radio"
        name="page-marks"
        value={value}
        // Until the question is answered, nothing is ticked: the default is named in words.
        checked={settings.pageMarksChosen && settings.pageMarks === value}
        onChange={() => onChange(withPageMarks(settings, value))}
      />
      <span>{label}</span>
    </label>
  );

  const add = (mark: boolean) => {
    const host = normalizeHostname(input);
    if (!host) {
      setError(t('pausedSiteInvalid'));
      return;
    }
    setError(null);
    setInput('');
    onChange(withSiteMarks(settings, host, mark));
  };

  const sites = [
    ...settings.privateSites.map((site) => ({ site, label: t('marksSitePrivateLabel') })),
    ...settings.markedSites.map((site) => ({ site, label: t('marksSiteMarkedLabel') })),
  ];

  return (
    <section class="options-section page-marks-section" aria-labelledby="page-marks-heading">
      <h2 id="page-marks-heading">{t('marksHeading')}</h2>
      <p class="intro">{t('marksIntro')}</p>
      {settings.pageMarksChosen ? null : (
        <p class="marks-first-run-note" role="note">
          {t('marksFirstRunNote')}
        </p>
      )}
      <fieldset>
        <legend>{t('marksLegend')}</legend>
        {choice('mark', t('marksChoiceMark'))}
        {choice('private', t('marksChoicePrivate'))}
        {choice('by-site', t('marksChoiceBySite'))}
      </fieldset>
      <h3>{t('marksSitesHeading')}</h3>
      <p class="intro">{t('marksSitesIntro')}</p>
      <form
        class="marks-add-site"
        onSubmit={(e) => {
          e.preventDefault();
          add(false);
        }}
      >
        <label for="marks-site-input">{t('pausedSiteInputLabel')}</label>
        <input
          id="marks-site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={input}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'marks-site-error' : undefined}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('marksSiteAddPrivate')}</button>
        <button type="button" onClick={() => add(true)}>
          {t('marksSiteAddMarked')}
        </button>
      </form>
      {error ? (
        <p id="marks-site-error" class="warn" role="alert">
          {error}
        </p>
      ) : null}
      {sites.length === 0 ? (
        <p class="note">{t('marksSitesNone')}</p>
      ) : (
        <ul class="marks-sites">
          {sites.map(({ site, label }) => (
            <li key={site}>
              <span class="site">{site}</span>
              <span class="marks-site-choice">{label}</span>
              <button
                type="button"
                aria-label={t('marksSiteRemoveLabel', site)}
                onClick={() => onChange(withoutSiteMarks(settings, [site]))}
              >
                {t('marksSiteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
