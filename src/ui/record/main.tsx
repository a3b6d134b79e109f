// Report page entry point: ?tab=<id>[&export=print|csv|json].
import { render } from 'preact';
import { loadUiLanguage, t } from '../../shared/i18n';
import { RecordPage } from './components/RecordPage';
import { parseReportQuery } from '../common/record-query';
import '../common/ui.css';
import '../common/audit-record.css';

async function start(root: HTMLElement): Promise<void> {
  await loadUiLanguage();
  document.title = t('reportPageTitleTab');
  const { tabId, exportKind } = parseReportQuery(location.search);
  render(
    tabId === null ? <p class="note">{t('noTab')}</p> : <RecordPage tabId={tabId} exportKind={exportKind} />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
