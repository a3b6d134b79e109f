// Lists the user brings: choose a CSV or JSON file, give its metadata, see what will be
// imported (entries, warnings) or exactly what is wrong (row, column), import; and the
// imported lists with their metadata and a Remove that asks first. The lists themselves
// are switched on and off in ListsSection like the bundled ones.
import { useState } from 'preact/hooks';
import {
  ImportError,
  parseImportedList,
  type ImportMetaInput,
  type ImportWarning,
  type ParsedImport,
} from '../../../core/import-list';
import { formatCount, formatListDate } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import type { Settings } from '../../../shared/settings';
import { UserDataError } from '../../../shared/user-data/db';
import { importList, removeImportedList } from '../../../shared/user-data/imported-lists';
import type { StoredImportedList } from '../../../shared/user-data/types';

interface Props {
  /** Null while loading. */
  imported: StoredImportedList[] | null;
  loadError: UserDataError | null;
  settings: Settings;
  onSettingsChange: (next: Settings) => void;
}

interface ChosenFile {
  name: string;
  text: string;
  bytes: Uint8Array;
}

type Status =
  | { kind: 'none' }
  | { kind: 'imported'; title: string; count: number }
  | { kind: 'removed'; title: string }
  | { kind: 'error'; text: string }
  | { kind: 'conflict' };

// ---------------------------------------------------------------- messages

/** Where the problem is, as a sentence start ("Row 5, column source_url: "). */
function locationText(err: { format: ImportError['format']; at: ImportError['at'] }): string {
  const { row, column, line, col } = err.at;
  if (line !== undefined) return t('importAtLine', [line, col ?? 1]);
  if (row !== undefined && column !== undefined && column !== '(entry)') {
    return err.format === 'json' ? t('importAtEntryField', [row, column]) : t('importAtRowColumn', [row, column]);
  }
  if (row !== undefined) return err.format === 'json' ? t('importAtEntry', row) : t('importAtRow', row);
  if (column !== undefined && err.format === 'json') return t('importAtField', column);
  return '';
}

function expectedText(detail: string): string {
  switch (detail) {
    case 'list-object':
      return t('importExpectListObject');
    case 'entries':
      return t('importExpectEntries');
    case 'entry':
      return t('importExpectEntry');
    case 'texts':
      return t('importExpectTexts');
    case 'date':
      return t('importExpectDate');
    case 'categories':
      return t('importExpectCategories');
    case 'status':
      return t('importExpectStatus');
    default:
      return t('importExpectText');
  }
}

/** An ImportError in the UI language: where, then what. */
export function importErrorText(err: ImportError): string {
  const what = ((): string => {
    switch (err.code) {
      case 'unknown-format':
        return t('importErrUnknownFormat');
      case 'empty-file':
        return t('importErrEmptyFile');
      case 'too-large':
        return t('importErrTooLarge');
      case 'not-utf8':
        return t('importErrNotUtf8');
      case 'csv-quotes':
        return t('importErrCsvQuotes');
      case 'csv-field-count': {
        const [found, expected] = err.detail.split('/');
        return t('importErrFieldCount', [found, expected]);
      }
      case 'no-name-column':
        return t('importErrNoNameColumn', err.detail || '-');
      case 'duplicate-column':
        return t('importErrDuplicateColumn');
      case 'empty-name':
        return t('importErrEmptyName');
      case 'bad-url':
        return t('importErrBadUrl', err.detail);
      case 'huge-cell':
        return t('importErrHugeCell', formatCount(Number(err.detail)));
      case 'too-many-entries':
        return t('importErrTooMany', formatCount(Number(err.detail)));
      case 'no-entries':
        return t('importErrNoEntries');
      case 'json-syntax':
        return t('importErrJsonSyntax');
      case 'json-truncated':
        return t('importErrJsonTruncated');
      case 'json-shape':
        return t('importErrJsonShape', expectedText(err.detail));
      case 'missing-title':
        return t('importErrMissingTitle');
      case 'missing-publisher':
        return t('importErrMissingPublisher');
      case 'bad-date':
        return t('importErrBadDate', err.detail);
    }
  })();
  const metaError = err.code === 'missing-title' || err.code === 'missing-publisher' || err.code === 'bad-date';
  return metaError ? what : locationText(err) + what;
}

export function importWarningText(w: ImportWarning, format: ParsedImport['format']): string {
  switch (w.code) {
    case 'duplicate-name':
      return (
        locationText({ format, at: { row: w.at.row } }) +
        (format === 'json' ? t('importWarnDuplicateNameEntry', w.detail) : t('importWarnDuplicateName', w.detail))
      );
    case 'unknown-column':
      return t('importWarnUnknownColumn', w.detail);
    case 'bad-entry-date':
      return locationText({ format, at: w.at }) + t('importWarnBadDate', w.detail);
  }
}

function storageErrorText(err: unknown): string {
  if (err instanceof UserDataError && err.code === 'quota') return t('userDataQuota');
  return t('userDataWriteFailed');
}

// ---------------------------------------------------------------- file + preview

async function readChosenFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<ChosenFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Not fatal: bytes that are not UTF-8 become U+FFFD, which the parser reports with the line.
  const text = new TextDecoder('utf-8').decode(bytes);
  return { name: file.name, text, bytes };
}

/**
 * The preview checks the file; the form is checked when importing. Placeholders stand in
 * for a title and publisher not typed yet, so the file's own problems show first.
 */
function previewOf(
  file: ChosenFile,
  meta: ImportMetaInput,
): { parsed: ParsedImport | null; error: ImportError | null } {
  try {
    return {
      parsed: parseImportedList(file.name, file.text, {
        ...meta,
        title: meta.title?.trim() || '-',
        publisher: meta.publisher?.trim() || '-',
        published: '',
      }),
      error: null,
    };
  } catch (err) {
    if (err instanceof ImportError) return { parsed: null, error: err };
    throw err;
  }
}

// ---------------------------------------------------------------- components

function ImportedListCard({ list, onRemove }: { list: StoredImportedList; onRemove: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const m = list.meta;
  const remove = async () => {
    setBusy(true);
    try {
      await onRemove();
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <li class="list-card imported-list">
      <div class="list-head">
        <h4>{m.title}</h4>
        {confirming ? null : (
          <button type="button" aria-label={t('importedRemoveLabel', m.title)} onClick={() => setConfirming(true)}>
            {t('importedRemove')}
          </button>
        )}
      </div>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-label={t('importedRemoveLabel', m.title)}>
          <p>{t('importedRemoveConfirm', m.title)}</p>
          <button type="button" class="primary" disabled={busy} onClick={() => void remove()}>
            {t('importedRemoveYes')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('importedRemoveNo')}
          </button>
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t('labelPublisher')}</dt>
        <dd>{m.publisher}</dd>
        <dt>{t('labelPublished')}</dt>
        <dd>{m.published ? formatListDate(m.published) : t('dateNotGiven')}</dd>
        <dt>{t('labelVersion')}</dt>
        <dd>{m.version}</dd>
        <dt>{t('labelEntries')}</dt>
        <dd>{formatCount(m.entryCount)}</dd>
        <dt>{t('labelCoverage')}</dt>
        <dd>{m.coverageNote || t('dateNotGiven')}</dd>
        <dt>{t('labelImportedOn')}</dt>
        <dd>{formatListDate(list.importedAt.slice(0, 10))}</dd>
        <dt>{t('labelFile')}</dt>
        <dd>{list.fileName}</dd>
        <dt>{t('labelSha256')}</dt>
        <dd class="hash">{m.sha256}</dd>
      </dl>
    </li>
  );
}

const EMPTY_META: Required<ImportMetaInput> = {
  title: '',
  publisher: '',
  published: '',
  version: '',
  coverageNote: '',
};

export function ImportedListsSection({ imported, loadError, settings, onSettingsChange }: Props) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [meta, setMeta] = useState<Required<ImportMetaInput>>(EMPTY_META);
  const [preview, setPreview] = useState<{ parsed: ParsedImport | null; error: ImportError | null } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const onFile = async (e: Event) => {
    const chosen = (e.currentTarget as HTMLInputElement).files?.[0];
    setStatus({ kind: 'none' });
    if (!chosen) {
      setFile(null);
      setPreview(null);
      return;
    }
    const read = await readChosenFile(chosen);
    setFile(read);
    setPreview(previewOf(read, meta));
  };

  const field = (key: keyof ImportMetaInput) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
    setMeta((m) => ({ ...m, [key]: value }));
  };

  const doImport = async (replace: boolean) => {
    if (!file) return;
    let parsed: ParsedImport;
    try {
      parsed = parseImportedList(file.name, file.text, meta);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      setStatus({ kind: 'error', text: importErrorText(err) });
      return;
    }
    setBusy(true);
    try {
      const stored = await importList(parsed, { name: file.name, text: file.text, bytes: file.bytes }, { replace });
      setStatus({ kind: 'imported', title: stored.meta.title, count: stored.meta.entryCount });
      setFile(null);
      setPreview(null);
      setMeta(EMPTY_META);
      setInputKey((k) => k + 1);
    } catch (err) {
      if (err instanceof UserDataError && err.code === 'conflict') setStatus({ kind: 'conflict' });
      else setStatus({ kind: 'error', text: storageErrorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (list: StoredImportedList) => {
    try {
      await removeImportedList(list.id);
      setStatus({ kind: 'removed', title: list.meta.title });
      // A later import with the same id starts switched on again.
      if (list.id in settings.enabledLists) {
        const enabledLists = { ...settings.enabledLists };
        delete enabledLists[list.id];
        onSettingsChange({ ...settings, enabledLists });
      }
    } catch (err) {
      setStatus({ kind: 'error', text: storageErrorText(err) });
    }
  };

  const isJson = file?.name.toLowerCase().endsWith('.json') ?? false;
  return (
    <section class="options-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p class="intro">{t('importIntro')}</p>
      <details class="format-help">
        <summary>{t('importFormatSummary')}</summary>
        <p>{t('importFormatCsv')}</p>
        <p>{t('importFormatJson')}</p>
      </details>
      <form
        class="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void doImport(false);
        }}
      >
        {/* The lists' .facts grid lays out label | field pairs without styles of our own. */}
        <div class="facts import-fields">
          <label for="import-file">{t('importFileLabel')}</label>
          <input
            key={inputKey}
            id="import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => void onFile(e)}
          />
          <label for="import-title">{t('importTitleLabel')}</label>
          <input id="import-title" type="text" maxLength={2000} value={meta.title} onInput={field('title')} />
          <label for="import-publisher">{t('importPublisherLabel')}</label>
          <input
            id="import-publisher"
            type="text"
            maxLength={2000}
            value={meta.publisher}
            onInput={field('publisher')}
          />
          <label for="import-date">{t('importDateLabel')}</label>
          <input
            id="import-date"
            type="text"
            inputMode="numeric"
            placeholder="2026-03-01"
            value={meta.published}
            onInput={field('published')}
          />
          <label for="import-version">{t('importVersionLabel')}</label>
          <input id="import-version" type="text" maxLength={2000} value={meta.version} onInput={field('version')} />
          <label for="import-coverage">{t('importCoverageLabel')}</label>
          <textarea
            id="import-coverage"
            rows={2}
            maxLength={2000}
            value={meta.coverageNote}
            onInput={field('coverageNote')}
          />
        </div>
        {isJson ? <p class="note">{t('importJsonMetaNote')}</p> : null}
        {preview ? (
          <div class="import-preview" aria-live="polite">
            {preview.error ? (
              <p class="warn import-error" role="alert">
                {importErrorText(preview.error)}
              </p>
            ) : preview.parsed ? (
              <>
                <p class="import-count">
                  {t('importPreviewEntries', [formatCount(preview.parsed.list.entries.length), file?.name ?? ''])}
                </p>
                {preview.parsed.warnings.length > 0 ? (
                  <>
                    <p>{t('importPreviewWarnings', formatCount(preview.parsed.warnings.length))}</p>
                    <ul class="import-warnings">
                      {preview.parsed.warnings.slice(0, 50).map((w, i) => (
                        <li key={i}>{importWarningText(w, preview.parsed!.format)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : null}
          </div>
        ) : null}
        <button type="submit" class="primary" disabled={!preview?.parsed || busy}>
          {t('importButton')}
        </button>
      </form>
      <div role="status" aria-live="polite" class="import-status">
        {status.kind === 'imported' ? (
          <p class="note">{t('importDone', [status.title, formatCount(status.count)])}</p>
        ) : null}
        {status.kind === 'removed' ? <p class="note">{t('importedRemoved', status.title)}</p> : null}
      </div>
      {status.kind === 'error' ? (
        <p class="warn import-error" role="alert">
          {t('importNotImported')} {status.text}
        </p>
      ) : null}
      {status.kind === 'conflict' ? (
        <div class="warn import-conflict" role="alert">
          <p>{t('importConflict')}</p>
          <button type="button" disabled={busy} onClick={() => void doImport(true)}>
            {t('importReplaceButton')}
          </button>
        </div>
      ) : null}

      <h3 id="imported-heading">{t('importedListsHeading')}</h3>
      {loadError ? (
        <p class="warn" role="alert">
          {t('userDataReadFailed')}
        </p>
      ) : imported === null ? (
        <p class="note">{t('loading')}</p>
      ) : imported.length === 0 ? (
        <p class="note">{t('importedListsNone')}</p>
      ) : (
        <ul class="list-cards imported-lists" aria-labelledby="imported-heading">
          {imported.map((list) => (
            <ImportedListCard key={list.id} list={list} onRemove={() => remove(list)} />
          ))}
        </ul>
      )}
    </section>
  );
}
