// Where the extension runs: the supported sites (built in), the sites the user allowed
// (optional host permissions, each revocable), and the buttons that ask the browser for
// one site or all sites. The background registers the content script for what is granted
// (src/shared/site-permissions.ts, src/background/permissions.ts); this page only asks and shows.
//
// permissions.request must run directly in the click handler: Firefox refuses it after an
// `await` ("may only be called from a user input handler"), so the patterns are computed
// synchronously from the input and nothing is awaited before the request.
import { useEffect, useState } from 'preact/hooks';
import {
  ALL_SITES_KEY,
  ALL_SITES_ORIGINS,
  type GrantedSite,
  builtInPatterns,
  builtInSitesAllowed,
  grantedSites,
  originPatternsForHost,
  siteKeyOfPattern,
} from '../../../shared/site-permissions';
import { browser } from '../../../shared/browser';
import { t } from '../../../shared/i18n';

type Notice = { kind: 'ok' | 'warn'; text: string } | null;

export function PermissionsSection() {
  const [granted, setGranted] = useState<GrantedSite[] | null>(null);
  const [builtInAllowed, setBuiltInAllowed] = useState<boolean | null>(null);
  const [input, setInput] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const builtIn = builtInPatterns();
  const builtInSites = [...new Set(builtIn.map((p) => siteKeyOfPattern(p)).filter((k): k is string => k !== null))];

  const refresh = async () => {
    // Every browser we support has the permissions API; a page opened outside the
    // extension (or a test double without it) shows the built-in sites only.
    if (!browser.permissions) {
      setGranted([]);
      return;
    }
    try {
      setGranted(await grantedSites());
      // Firefox lets the user withdraw the supported sites (about:addons), Chromium withhold
      // them (site access); builtInSitesAllowed reads each browser's answer for what it is.
      setBuiltInAllowed(await builtInSitesAllowed());
    } catch {
      setGranted([]);
      setNotice({ kind: 'warn', text: t('permissionsError') });
    }
  };

  useEffect(() => {
    void refresh();
    // Grants and revocations can also come from the browser's own extension settings.
    const onChange = () => void refresh();
    const events = browser.permissions ? [browser.permissions.onAdded, browser.permissions.onRemoved] : [];
    for (const ev of events) ev.addListener(onChange);
    return () => {
      for (const ev of events) ev.removeListener(onChange);
    };
  }, []);

  const request = (origins: string[], label: string) => {
    setNotice(null);
    // No await before this call (see the note at the top).
    browser.permissions.request({ origins }).then(
      (ok) => {
        setNotice(
          ok ? { kind: 'ok', text: t('permissionsGranted', label) } : { kind: 'warn', text: t('permissionsDenied') },
        );
        void refresh();
      },
      () => setNotice({ kind: 'warn', text: t('permissionsError') }),
    );
  };

  const allowSite = (e: Event) => {
    e.preventDefault();
    const origins = originPatternsForHost(input);
    const key = origins ? siteKeyOfPattern(origins[0]) : null;
    if (!origins || !key) {
      setInputError(t('permissionsSiteInvalid'));
      return;
    }
    setInputError(null);
    setInput('');
    request(origins, key);
  };

  const revoke = (site: GrantedSite) => {
    setNotice(null);
    browser.permissions.remove({ origins: site.origins }).then(
      (ok) => {
        if (ok) setNotice({ kind: 'ok', text: t('permissionsRevoked', siteLabel(site.key)) });
        void refresh();
      },
      () => setNotice({ kind: 'warn', text: t('permissionsError') }),
    );
  };

  return (
    <section class="options-section" aria-labelledby="permissions-heading">
      <h2 id="permissions-heading">{t('permissionsHeading')}</h2>
      <p class="intro">{t('permissionsIntro')}</p>
      <details class="builtin-sites">
        <summary>{t('permissionsBuiltInSummary', builtInSites.length)}</summary>
        <ul class="paused-sites">
          {builtInSites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
            </li>
          ))}
        </ul>
      </details>
      {builtInAllowed === false ? (
        <p class="warn" data-testid="builtin-missing">
          {t('permissionsBuiltInMissing')}{' '}
          <button type="button" onClick={() => request(builtIn, t('permissionsBuiltInName'))}>
            {t('permissionsBuiltInAllow')}
          </button>
        </p>
      ) : null}

      <form class="add-site" onSubmit={allowSite}>
        <label for="permission-site-input">{t('permissionsSiteInputLabel')}</label>
        <input
          id="permission-site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={input}
          aria-invalid={inputError ? 'true' : undefined}
          aria-describedby={inputError ? 'permission-site-error' : undefined}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" id="permission-allow-site">
          {t('permissionsAllowSite')}
        </button>
      </form>
      {inputError ? (
        <p id="permission-site-error" class="warn" role="alert">
          {inputError}
        </p>
      ) : null}
      <p>
        <button
          type="button"
          id="permission-allow-all"
          onClick={() => request([...ALL_SITES_ORIGINS], t('permissionsAllSites'))}
        >
          {t('permissionsAllowAll')}
        </button>
      </p>
      {notice ? (
        <p class={notice.kind === 'warn' ? 'warn' : 'note'} role="status">
          {notice.text}
        </p>
      ) : null}

      <h3>{t('permissionsGrantedHeading')}</h3>
      {granted === null ? (
        <p class="note">{t('loading')}</p>
      ) : granted.length === 0 ? (
        <p class="note granted-none">{t('permissionsNone')}</p>
      ) : (
        <ul class="paused-sites granted-sites">
          {granted.map((site) => (
            <li key={site.key} data-site={site.key}>
              <span class="site">{siteLabel(site.key)}</span>
              <button
                type="button"
                aria-label={t('permissionsRevokeLabel', siteLabel(site.key))}
                onClick={() => revoke(site)}
              >
                {t('permissionsRevoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function siteLabel(key: string): string {
  return key === ALL_SITES_KEY ? t('permissionsAllSites') : key;
}
