// A table was opened: which sheet, which column holds the names, is the first row a header.
// The preview shows the first rows as text, with the chosen column marked.
import { t } from '../../../shared/i18n';
import { columnLabel, columnOptions, type ColumnChoice, type SheetTable } from '../../../formats/tables/table';

const PREVIEW_ROWS = 6;

interface Props {
  fileName: string | null;
  sheets: SheetTable[];
  choice: ColumnChoice;
  error: string | null;
  onChange: (choice: ColumnChoice) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ColumnChooser({ fileName, sheets, choice, error, onChange, onConfirm, onCancel }: Props) {
  const sheet = sheets[choice.sheet];
  const options = columnOptions(sheet, choice.header);
  const preview = sheet.rows.slice(0, PREVIEW_ROWS);
  return (
    <section class="column-chooser" aria-labelledby="chooser-heading">
      <h2 id="chooser-heading">{t('screenChooseHeading')}</h2>
      {fileName ? <p class="note">{fileName}</p> : null}
      <div class="chooser-controls">
        {sheets.length > 1 ? (
          <label>
            {t('screenSheetLabel')}{' '}
            <select
              value={String(choice.sheet)}
              onChange={(e) =>
                onChange({ ...choice, sheet: Number((e.currentTarget as HTMLSelectElement).value), column: 0 })
              }
            >
              {sheets.map((s, i) => (
                <option key={i} value={String(i)}>
                  {s.name ?? String(i + 1)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('screenColumnLabel')}{' '}
          <select
            id="column-select"
            value={String(choice.column)}
            onChange={(e) => onChange({ ...choice, column: Number((e.currentTarget as HTMLSelectElement).value) })}
          >
            {options.map((o) => (
              <option key={o.index} value={String(o.index)}>
                {columnLabel(o)}
              </option>
            ))}
          </select>
        </label>
        <label class="switch">
          <input
            id="header-row"
            type="checkbox"
            checked={choice.header}
            onChange={(e) => onChange({ ...choice, header: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t('screenHeaderLabel')}
        </label>
      </div>
      <div class="preview-wrap">
        <table class="preview">
          <caption>{t('screenPreviewCaption')}</caption>
          <tbody>
            {preview.map((row, r) => (
              <tr key={r} class={choice.header && r === 0 ? 'preview-header' : undefined}>
                <th scope="row">{r + 1}</th>
                {options.map((o) => (
                  <td key={o.index} class={o.index === choice.column ? 'chosen' : undefined}>
                    {row[o.index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? (
        <p class="note warn" role="alert">
          {error}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="primary" onClick={onConfirm}>
          {t('screenChooseConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('screenCancel')}
        </button>
      </div>
    </section>
  );
}
