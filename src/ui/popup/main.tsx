// Popup entry point.
import { render } from 'preact';
import { loadUiLanguage, t } from '../../shared/i18n';
import { loadListData } from '../common/extension-data';
import { App } from './components/App';
import { lookupFromCompiled } from '../presentation/lookup';
import { resolveTabId } from './tab-target';
import '../common/ui.css';
import '../common/popup.css';

async function start(root: HTMLElement): Promise<void> {
  await loadUiLanguage();
  document.title = t('popupTitle');
  // Bundled and imported lists, so matches from imported lists show their details.
  const lookup = lookupFromCompiled(await loadListData());
  const tabId = await resolveTabId(location.search);
  if (tabId === null) {
    render(<p class="note">{t('noTab')}</p>, root);
    return;
  }
  render(<App tabId={tabId} lookup={lookup} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
