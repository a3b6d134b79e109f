// Screening page entry point. ?q=<text> pre-fills the lookup (the context menu's "Check").
import { render } from 'preact';
import { loadUiLanguage, t } from '../../shared/i18n';
import { ScreenApp } from './components/ScreenApp';
import '../common/ui.css';
import '../common/popup.css';
import '../common/audit-record.css';
import './screen.css';

async function start(root: HTMLElement): Promise<void> {
  await loadUiLanguage();
  document.title = t('screenTitle');
  const query = new URLSearchParams(location.search).get('q') ?? '';
  render(<ScreenApp query={query} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
