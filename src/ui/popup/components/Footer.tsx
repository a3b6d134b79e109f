// Footer: a link to the options page, and pausing on the current site.
import { t } from '../../../shared/i18n';

interface Props {
  optionsUrl: string;
  onOpenOptions: () => void;
  /** Hostname that "Pause on this site" would pause, or null when not offered. */
  pauseHost: string | null;
  onPause: () => void;
}

export function Footer({ optionsUrl, onOpenOptions, pauseHost, onPause }: Props) {
  return (
    <footer class="footer">
      <a
        href={optionsUrl}
        onClick={(e) => {
          e.preventDefault();
          onOpenOptions();
        }}
      >
        {t('openOptions')}
      </a>
      {pauseHost ? (
        <button type="button" class="link-button" onClick={onPause} aria-label={t('pauseOnSiteLabel', pauseHost)}>
          {t('pauseOnSite')}
        </button>
      ) : null}
    </footer>
  );
}
