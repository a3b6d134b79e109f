// The options page: loads the settings once, saves every change at once, and says so.
// Sections are independent components; later ones (imported lists, dismissed flags,
// site permissions) slot in below the pause list.
import { useEffect, useState } from 'preact/hooks';
import type { ListMeta } from '../../core/types';
import { t } from '../../shared/i18n';
import { type Settings, loadSettings, onSettingsChanged, saveSettings } from '../../shared/settings';
import { ListsSection } from './ListsSection';
import { PausedSitesSection } from './PausedSitesSection';
import { SaveStatus, type SaveState } from './SaveStatus';

interface Props {
  lists: ListMeta[];
}

export function OptionsApp({ lists }: Props) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another options tab or the popup (pause) may change settings meanwhile.
    return onSettingsChanged(setSettings);
  }, []);

  const update = async (next: Settings) => {
    setSettings(next);
    setSaveState('saving');
    try {
      await saveSettings(next);
      setSaveState('saved');
    } catch {
      setSaveState('error');
    }
  };

  return (
    <div class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="intro">{t('optionsIntro')}</p>
      </header>
      <main>
        {settings ? (
          <>
            <ListsSection lists={lists} settings={settings} onChange={update} />
            <PausedSitesSection settings={settings} onChange={update} />
          </>
        ) : (
          <p class="note">{t('loading')}</p>
        )}
      </main>
      <SaveStatus state={saveState} />
    </div>
  );
}
