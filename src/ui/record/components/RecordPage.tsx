// The report page for a tab (opened from the popup's "Save a record"): builds the page's
// audit record from the tab's stored results, shows it laid out for A4, and prints it or
// saves it as CSV or JSON, as asked in the URL or with the buttons.
import { useEffect, useState } from 'preact/hooks';
import {
  buildPageRecord,
  pageCsv,
  recordFileName,
  recordJson,
  type DismissalReader,
  type PageAuditRecord,
} from '../../presentation/audit';
import { downloadText } from '../../common/download';
import { getTabResults } from '../../../shared/background-client';
import { t } from '../../../shared/i18n';
import type { TabResults } from '../../../shared/messages';
import {
  generatorInfo,
  loadExtensionData,
  readDismissals as defaultReadDismissals,
  type ExtensionData,
} from '../../common/extension-data';
import { AuditRecordView } from '../../common/AuditRecord';
import type { ExportKind } from '../../common/record-query';

interface Props {
  tabId: number;
  exportKind: ExportKind | null;
  load?: () => Promise<ExtensionData>;
  getResults?: (tabId: number) => Promise<TabResults | null>;
  readDismissals?: DismissalReader;
  print?: () => void;
  download?: (fileName: string, text: string, mime: string) => void;
}

type State = { kind: 'loading' } | { kind: 'none' } | { kind: 'failed' } | { kind: 'ready'; record: PageAuditRecord };

export function RecordPage({
  tabId,
  exportKind,
  load = loadExtensionData,
  getResults = getTabResults,
  readDismissals = defaultReadDismissals,
  print = () => window.print(),
  download = downloadText,
}: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const saveCsv = (record: PageAuditRecord) =>
    download(recordFileName(record, 'csv'), pageCsv(record), 'text/csv;charset=utf-8');
  const saveJson = (record: PageAuditRecord) =>
    download(recordFileName(record, 'json'), recordJson(record), 'application/json;charset=utf-8');

  useEffect(() => {
    let alive = true;
    (async () => {
      const [data, results, dismissals] = await Promise.all([load(), getResults(tabId), readDismissals()]);
      if (!alive) return;
      if (!results || Object.keys(results.frames).length === 0) {
        setState({ kind: 'none' });
        return;
      }
      const record = buildPageRecord(
        {
          lists: data.data.lists,
          enabledLists: data.settings.enabledLists,
          dismissals,
          lookup: data.lookup,
          generator: generatorInfo(),
        },
        results,
      );
      setState({ kind: 'ready', record });
      // Asked for from the popup: do it once the record is on screen.
      if (exportKind === 'csv') saveCsv(record);
      else if (exportKind === 'json') saveJson(record);
      else if (exportKind === 'print') setTimeout(print, 100);
    })().catch(() => alive && setState({ kind: 'failed' }));
    return () => {
      alive = false;
    };
  }, [tabId]);

  if (state.kind === 'loading') return <p class="note report-status">{t('loading')}</p>;
  if (state.kind === 'none') return <p class="note report-status">{t('reportNoResults')}</p>;
  if (state.kind === 'failed') {
    return (
      <p class="note warn report-status" role="alert">
        {t('reportFailed')}
      </p>
    );
  }
  const record = state.record;
  // One main landmark holding everything, so assistive technology finds the record at once.
  return (
    <main>
      <div class="report-toolbar no-print" role="toolbar" aria-label={t('exportHeading')}>
        <button type="button" class="primary" onClick={print}>
          {t('exportPrint')}
        </button>
        <button type="button" onClick={() => saveCsv(record)}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => saveJson(record)}>
          {t('exportJson')}
        </button>
      </div>
      <AuditRecordView record={record} />
    </main>
  );
}
