// "Save a record of this page": opens the report page for this tab, which builds the audit
// record and prints it (PDF via the browser's print dialog) or saves it as CSV or JSON.
// The work happens in a tab, not here: a popup closes as soon as a save or print dialog
// takes the focus, and a download started from it can be lost with it.
import { reportUrl, type ExportKind } from '../../common/record-query';
import { browser } from '../../../shared/browser';
import { t } from '../../../shared/i18n';
import { resolveTabId } from '../tab-target';
import '../../common/lookup.css';

async function openReport(kind: ExportKind): Promise<void> {
  const tabId = await resolveTabId(location.search);
  if (tabId === null) return;
  await browser.tabs.create({ url: reportUrl(tabId, kind) });
  window.close();
}

export function ExportMenu({ available }: { available: boolean }) {
  if (!available) return null;
  return (
    <section class="export-menu" aria-labelledby="export-heading">
      <h2 id="export-heading" class="export-heading">
        {t('exportHeading')}
      </h2>
      <div class="export-buttons">
        <button type="button" onClick={() => void openReport('print')}>
          {t('exportPrint')}
        </button>
        <button type="button" onClick={() => void openReport('csv')}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => void openReport('json')}>
          {t('exportJson')}
        </button>
      </div>
    </section>
  );
}
