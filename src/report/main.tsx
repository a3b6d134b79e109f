// Report page entry point: ?tab=<id>[&export=print|csv|json].
import { render } from 'preact';
import { loadUiLanguage, t } from '../shared/i18n';
import { ReportPage, parseReportQuery } from './components/ReportPage';
import '../shared/ui.css';
import './report.css';

async function start(root: HTMLElement): Promise<void> {
  await loadUiLanguage();
  document.title = t('reportPageTitleTab');
  const { tabId, exportKind } = parseReportQuery(location.search);
  render(
    tabId === null ? <p class="note">{t('noTab')}</p> : <ReportPage tabId={tabId} exportKind={exportKind} />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
