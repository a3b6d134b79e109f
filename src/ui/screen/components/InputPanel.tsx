// Where names come in: pasted (one per line, or cells copied from a spreadsheet) or a file
// (CSV, TSV, text, XLSX, OCDS JSON, TED XML).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';

export const ACCEPT =
  '.csv,.tsv,.tab,.txt,.xlsx,.json,.xml,text/csv,text/plain,application/json,application/xml,text/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  busy: boolean;
  onPaste: (text: string) => void;
  onFile: (file: File) => void;
}

export function InputPanel({ busy, onPaste, onFile }: Props) {
  const [text, setText] = useState('');
  return (
    <section class="screen-input" aria-labelledby="input-heading">
      <h2 id="input-heading">{t('screenInputHeading')}</h2>
      <div class="input-ways">
        <form
          class="paste"
          onSubmit={(e) => {
            e.preventDefault();
            onPaste(text);
          }}
        >
          <label for="paste-names">{t('screenPasteLabel')}</label>
          <textarea
            id="paste-names"
            rows={10}
            spellcheck={false}
            placeholder={t('screenPastePlaceholder')}
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <button type="submit" class="primary" disabled={busy || text.trim() === ''}>
            {t('screenPasteButton')}
          </button>
        </form>
        <div class="file">
          <label for="screen-file">{t('screenFileLabel')}</label>
          <input
            id="screen-file"
            type="file"
            accept={ACCEPT}
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onFile(file);
              // Choosing the same file again (after fixing it) must fire again.
              input.value = '';
            }}
          />
          <p class="note">{t('screenFileHelp')}</p>
        </div>
      </div>
    </section>
  );
}
