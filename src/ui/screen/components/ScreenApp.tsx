// The bulk screening page: names in (paste or file), column choice for tables, screening
// in time slices with progress, then the results and the audit record (print, CSV, JSON).
// Every input either screens completely or shows what is wrong and where: no partial runs.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  buildBulkRecord,
  bulkCsv,
  recordFileName,
  recordJson,
  sha256Hex,
  type BulkAuditRecord,
} from '../../presentation/audit';
import type { DismissalReader } from '../../presentation/audit/dismissals';
import { downloadText } from '../../common/download';
import { formatCount } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { chooseSheet } from '../../../formats/tables/choose';
import { ScreeningInputError } from '../../../formats/tables/errors';
import {
  generatorInfo,
  loadExtensionData,
  readDismissals as defaultReadDismissals,
  type ExtensionData,
} from '../../common/extension-data';
import { MAX_FILE_BYTES, loadPastedText, loadScreeningFile, type LoadedInput } from '../../../formats/tables/load';
import { screenInSlices } from '../../../core/screening';
import {
  columnLabel,
  columnOptions,
  guessColumn,
  guessHeader,
  inputsFromSheet,
  type ColumnChoice,
  type SheetTable,
} from '../../../formats/tables/table';
import type { ScreenInput, ScreenRow } from '../../../core/screening-types';
import { Lookup } from '../../common/Lookup';
import { AuditRecordView } from '../../common/AuditRecord';
import { emptyCellsMessage, errorMessage, warningMessage } from '../messages';
import { parseXmlInBrowser } from '../xml';
import { ColumnChooser } from './ColumnChooser';
import { InputPanel } from './InputPanel';
import { ResultsView } from './ResultsView';

interface SourceInfo {
  fileName: string | null;
  sha256: string;
  bytes: number;
  format: string;
}

type Stage =
  | { kind: 'input'; error: string | null }
  | { kind: 'reading' }
  | {
      kind: 'choose';
      source: SourceInfo;
      sheets: SheetTable[];
      choice: ColumnChoice;
      warnings: string[];
      error: string | null;
    }
  | { kind: 'screening'; done: number; total: number }
  | { kind: 'results'; rows: ScreenRow[]; record: BulkAuditRecord; warnings: string[] };

interface Props {
  /** Pre-filled lookup (the context menu's selected text). */
  query?: string;
  load?: () => Promise<ExtensionData>;
  readDismissals?: DismissalReader;
  download?: (fileName: string, text: string, mime: string) => void;
  print?: () => void;
  now?: () => Date;
}

function messageOf(e: unknown): string {
  if (e instanceof ScreeningInputError) return errorMessage(e.info);
  return t('screenErrUnexpected', e instanceof Error ? e.message : String(e));
}

export function ScreenApp({
  query = '',
  load = loadExtensionData,
  readDismissals = defaultReadDismissals,
  download = downloadText,
  print = () => window.print(),
  now,
}: Props) {
  const [data, setData] = useState<ExtensionData | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'input', error: null });
  const [printRequests, setPrintRequests] = useState(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    load().then(setData, () => setLoadFailed(true));
  }, [load]);

  // The lookup shares the page's data instead of loading it a second time.
  const lookupLoad = useMemo(() => (data ? () => Promise.resolve(data) : null), [data]);

  const run = useCallback(
    async (
      source: SourceInfo,
      inputs: ScreenInput[],
      warnings: string[],
      table: { sheet: string | null; column: string; header: boolean } | null,
    ) => {
      if (!data) return;
      const controller = new AbortController();
      abort.current = controller;
      setStage({ kind: 'screening', done: 0, total: inputs.length });
      try {
        const rows = await screenInSlices(data.matcher, inputs, {
          signal: controller.signal,
          onProgress: (done, total) => setStage({ kind: 'screening', done, total }),
        });
        const dismissals = await readDismissals();
        const record = buildBulkRecord(
          {
            lists: data.data.lists,
            enabledLists: data.settings.enabledLists,
            dismissals,
            lookup: data.lookup,
            generator: generatorInfo(),
            now,
          },
          rows,
          {
            fileName: source.fileName,
            sha256: source.sha256,
            bytes: source.bytes,
            format: source.format,
            sheet: table?.sheet ?? null,
            column: table?.column ?? null,
            header: table?.header ?? null,
          },
          warnings,
        );
        setStage({ kind: 'results', rows, record, warnings });
      } catch (e) {
        setStage({ kind: 'input', error: controller.signal.aborted ? t('screenCancelled') : messageOf(e) });
      } finally {
        abort.current = null;
      }
    },
    [data, readDismissals, now],
  );

  const accept = (source: SourceInfo, loaded: LoadedInput) => {
    const warnings = loaded.warnings.map(warningMessage);
    if (loaded.kind === 'names') {
      void run({ ...source, format: loaded.format }, loaded.inputs, warnings, null);
      return;
    }
    const sheet = chooseSheet(loaded.sheets);
    const guess = guessColumn(loaded.sheets[sheet]) ?? { column: 0, header: guessHeader(loaded.sheets[sheet]) };
    setStage({
      kind: 'choose',
      source: { ...source, format: loaded.format },
      sheets: loaded.sheets,
      choice: { sheet, ...guess },
      warnings,
      error: null,
    });
  };

  const onPaste = async (text: string) => {
    try {
      const loaded = loadPastedText(text);
      const sha256 = await sha256Hex(text);
      accept({ fileName: null, sha256, bytes: new TextEncoder().encode(text).length, format: loaded.format }, loaded);
    } catch (e) {
      setStage({ kind: 'input', error: messageOf(e) });
    }
  };

  const onFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setStage({ kind: 'input', error: errorMessage({ code: 'too-large', count: file.size, limit: MAX_FILE_BYTES }) });
      return;
    }
    setStage({ kind: 'reading' });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const [sha256, loaded] = await Promise.all([
        sha256Hex(bytes),
        loadScreeningFile(file.name, bytes, parseXmlInBrowser),
      ]);
      accept({ fileName: file.name, sha256, bytes: bytes.length, format: loaded.format }, loaded);
    } catch (e) {
      setStage({ kind: 'input', error: `${file.name}: ${messageOf(e)}` });
    }
  };

  const confirmColumn = () => {
    if (stage.kind !== 'choose') return;
    const sheet = stage.sheets[stage.choice.sheet];
    try {
      const { inputs, emptyRows } = inputsFromSheet(sheet, stage.choice);
      const warnings = emptyRows.length > 0 ? [...stage.warnings, emptyCellsMessage(emptyRows)] : stage.warnings;
      const option = columnOptions(sheet, stage.choice.header)[stage.choice.column];
      void run(stage.source, inputs, warnings, {
        sheet: sheet.name,
        column: option ? columnLabel(option) : String(stage.choice.column + 1),
        header: stage.choice.header,
      });
    } catch (e) {
      setStage({ ...stage, error: messageOf(e) });
    }
  };

  // Print: the report is rendered (hidden on screen, shown in print) from the first print
  // request on, not before: 10,000 rows need not sit in the DOM until someone prints. It
  // stays afterwards, since some browsers snapshot the page after print() returns.
  useEffect(() => {
    if (printRequests === 0) return;
    const timer = setTimeout(print, 50);
    return () => clearTimeout(timer);
  }, [printRequests]);

  if (loadFailed) {
    return (
      <p class="note warn" role="alert">
        {t('lookupFailed')}
      </p>
    );
  }

  const busy = !data || stage.kind === 'reading' || stage.kind === 'screening';
  return (
    <>
      <div class="screen-app no-print">
        <header>
          <h1>{t('screenTitle')}</h1>
          <p class="intro">{t('screenIntro')}</p>
          {data ? (
            <p class="note">
              {t('screenListsUsed', [
                formatCount(data.data.lists.filter((l) => data.settings.enabledLists[l.id] !== false).length),
                formatCount(data.data.lists.length),
              ])}
            </p>
          ) : null}
        </header>
        <main>
          {lookupLoad ? <Lookup load={lookupLoad} initialQuery={query} /> : null}
          {stage.kind === 'input' || stage.kind === 'reading' ? (
            <>
              <InputPanel busy={busy} onPaste={(text) => void onPaste(text)} onFile={(f) => void onFile(f)} />
              {stage.kind === 'reading' ? <p class="note">{t('screenReading')}</p> : null}
              {stage.kind === 'input' && stage.error ? (
                <p class="note warn error-box" role="alert">
                  {stage.error}
                </p>
              ) : null}
            </>
          ) : null}
          {stage.kind === 'choose' ? (
            <ColumnChooser
              fileName={stage.source.fileName}
              sheets={stage.sheets}
              choice={stage.choice}
              error={stage.error}
              onChange={(choice) => setStage({ ...stage, choice, error: null })}
              onConfirm={confirmColumn}
              onCancel={() => setStage({ kind: 'input', error: null })}
            />
          ) : null}
          {stage.kind === 'screening' ? (
            <section class="progress" aria-labelledby="progress-heading">
              <h2 id="progress-heading">{t('screenScreening')}</h2>
              <progress id="screen-progress" max={stage.total} value={stage.done} />
              <p role="status">{t('screenProgress', [formatCount(stage.done), formatCount(stage.total)])}</p>
              <button type="button" onClick={() => abort.current?.abort()}>
                {t('screenCancel')}
              </button>
            </section>
          ) : null}
          {stage.kind === 'results' && data ? (
            <ResultsView
              rows={stage.rows}
              counts={stage.record.counts}
              lookup={data.lookup}
              lists={data.data.lists}
              warnings={stage.warnings}
              onPrint={() => setPrintRequests((n) => n + 1)}
              onCsv={() =>
                download(recordFileName(stage.record, 'csv'), bulkCsv(stage.record), 'text/csv;charset=utf-8')
              }
              onJson={() =>
                download(
                  recordFileName(stage.record, 'json'),
                  recordJson(stage.record),
                  'application/json;charset=utf-8',
                )
              }
              onNew={() => {
                setPrintRequests(0);
                setStage({ kind: 'input', error: null });
              }}
            />
          ) : null}
        </main>
      </div>
      {printRequests > 0 && stage.kind === 'results' ? (
        <div class="print-only">
          <AuditRecordView record={stage.record} />
        </div>
      ) : null}
    </>
  );
}
