// Report page entry point: ?tab=<id>[&export=print|csv|json].
import { render } from 'preact';
import { t, uiLanguage } from '../shared/i18n';
import { ReportPage, parseReportQuery } from './components/ReportPage';
import '../shared/ui.css';
import './report.css';

document.documentElement.lang = uiLanguage();
document.title = t('reportPageTitleTab');
const root = document.getElementById('app');
const { tabId, exportKind } = parseReportQuery(location.search);
if (root) {
  render(
    tabId === null ? <p class="note">{t('noTab')}</p> : <ReportPage tabId={tabId} exportKind={exportKind} />,
    root,
  );
}
