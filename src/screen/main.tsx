// Screening page entry point. ?q=<text> pre-fills the lookup (the context menu's "Check").
import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { ScreenApp } from './components/ScreenApp';
import '../shared/ui.css';
import '../popup/popup.css';
import '../report/report.css';
import './screen.css';

document.documentElement.lang = uiLanguage();
document.title = t('screenTitle');
const query = new URLSearchParams(location.search).get('q') ?? '';
const root = document.getElementById('app');
if (root) render(<ScreenApp query={query} />, root);
