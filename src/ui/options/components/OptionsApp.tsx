// The options page: loads the settings once, saves every change at once, and says so.
// Sections are independent components; later ones (imported lists, dismissed flags,
// site permissions) slot in below the pause list.
import { useEffect, useState } from 'preact/hooks';
import type { ListMeta } from '../../../core/types';
import { browser } from '../../../shared/browser';
import { loadUiLanguage, t } from '../../../shared/i18n';
import { type Settings, loadSettings, onSettingsChanged, saveSettings } from '../../../shared/settings';
import { useImportedLists } from '../../../shared/user-data/hooks';
import { DismissalsSection } from './DismissalsSection';
import { ImportedListsSection } from './ImportedListsSection';
import { LanguageSection } from './LanguageSection';
import { ListsSection } from './ListsSection';
import { OriginListCard } from './OriginListCard';
import originIndex from '../../../generated/origin-index.json';
import type { OriginIndex } from '../../../core/origins';
import { PageMarksSection } from './PageMarksSection';
import { PausedSitesSection } from './PausedSitesSection';
import { PermissionsSection } from './PermissionsSection';
import { ReviewModeSection } from './ReviewModeSection';
import { SaveStatus, type SaveState } from './SaveStatus';

interface Props {
  lists: ListMeta[];
  /** Today, for the lists' ages (tests pass a fixed date). */
  now?: Date;
}

export function OptionsApp({ lists, now }: Props) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // Bumped when the page's language changes, to render every section again in it.
  const [, setLanguageShown] = useState('');
  // User data (IndexedDB): imported lists are switched like the bundled ones.
  const imported = useImportedLists();
  const allLists = imported.value ? [...lists, ...imported.value.map((l) => l.meta)] : lists;

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another options tab or the popup (pause) may change settings meanwhile.
    return onSettingsChanged(setSettings);
  }, []);

  const update = async (next: Settings) => {
    const languageChanged = settings !== null && next.uiLanguage !== settings.uiLanguage;
    setSettings(next);
    setSaveState('saving');
    try {
      await saveSettings(next);
      setSaveState('saved');
    } catch {
      setSaveState('error');
    }
    if (languageChanged) {
      await loadUiLanguage();
      document.title = t('optionsTitle');
      setLanguageShown(next.uiLanguage);
    }
  };

  return (
    <div class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="intro">{t('optionsIntro')}</p>
        <p>
          <a href={browser.runtime.getURL('src/ui/screen/index.html')} target="_blank" rel="noopener">
            {t('optionsOpenScreening')}
          </a>
        </p>
      </header>
      <main>
        {settings ? (
          <>
            {/* What sites can see: the first-run question, so first on the page. */}
            <PageMarksSection settings={settings} onChange={update} />
            <ListsSection lists={allLists} settings={settings} onChange={update} now={now} />
            <OriginListCard index={originIndex as unknown as OriginIndex} />
            <ReviewModeSection settings={settings} onChange={update} />
            <PausedSitesSection settings={settings} onChange={update} />
            <LanguageSection settings={settings} onChange={update} />
            {/* Where the extension runs (supported sites, sites the user allowed). */}
            <PermissionsSection />
            {/* User data (IndexedDB): lists the user imports, and "not this company" dismissals. */}
            <ImportedListsSection
              imported={imported.value}
              loadError={imported.error}
              settings={settings}
              onSettingsChange={update}
            />
            <DismissalsSection />
          </>
        ) : (
          <p class="note">{t('loading')}</p>
        )}
      </main>
      <SaveStatus state={saveState} />
    </div>
  );
}
