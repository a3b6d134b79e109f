// Sites where the extension does not look at pages: add a hostname, remove one.
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { type Settings, normalizeHostname, withPausedSite, withoutPausedSites } from '../../../shared/settings';

interface Props {
  settings: Settings;
  onChange: (next: Settings) => void;
}

export function PausedSitesSection({ settings, onChange }: Props) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const host = normalizeHostname(input);
    if (!host) {
      setError(t('pausedSiteInvalid'));
      return;
    }
    setError(null);
    setInput('');
    if (!settings.pausedSites.includes(host)) onChange(withPausedSite(settings, host));
  };

  return (
    <section class="options-section" aria-labelledby="paused-heading">
      <h2 id="paused-heading">{t('pausedSitesHeading')}</h2>
      <p class="intro">{t('pausedSitesIntro')}</p>
      <form class="add-site" onSubmit={add}>
        <label for="paused-site-input">{t('pausedSiteInputLabel')}</label>
        <input
          id="paused-site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={input}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'paused-site-error' : undefined}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('pausedSiteAdd')}</button>
      </form>
      {error ? (
        <p id="paused-site-error" class="warn" role="alert">
          {error}
        </p>
      ) : null}
      {settings.pausedSites.length === 0 ? (
        <p class="note">{t('pausedSitesNone')}</p>
      ) : (
        <ul class="paused-sites">
          {settings.pausedSites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                aria-label={t('pausedSiteRemoveLabel', site)}
                onClick={() => onChange(withoutPausedSites(settings, [site]))}
              >
                {t('pausedSiteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
