// Screening errors and warnings in the user's language: what is wrong and where.
import type { MatchType } from '../../core/types';
import { lineList } from '../../formats/decode-warnings';
import { formatCount } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { ScreeningErrorInfo } from '../../formats/tables/errors';
import type { ScreeningWarning } from '../../formats/tables/load';
import type { SourceRef } from '../../core/screening-types';

function where(info: ScreeningErrorInfo): string {
  if (info.row !== undefined && info.line !== undefined && info.line !== info.row && info.column !== undefined) {
    return t('screenWhereRowLineColumn', [info.row, info.line, info.column]);
  }
  if (info.row !== undefined && info.column !== undefined) return t('screenWhereRowColumn', [info.row, info.column]);
  if (info.row !== undefined) return t('screenWhereRow', info.row);
  if (info.line !== undefined) return t('screenWhereLine', info.line);
  return '';
}

const mb = (bytes: number | undefined) => formatCount(Math.round((bytes ?? 0) / (1024 * 1024)));

export function errorMessage(info: ScreeningErrorInfo): string {
  switch (info.code) {
    case 'empty':
      return t('screenErrEmpty');
    case 'too-large':
      return t('screenErrTooLarge', [mb(info.count), mb(info.limit)]);
    case 'too-many-rows':
      return t('screenErrTooManyRows', [formatCount(info.count ?? 0), formatCount(info.limit ?? 0)]);
    case 'binary':
      return t('screenErrBinary');
    case 'old-xls':
      return t('screenErrOldXls');
    case 'not-xlsx':
      return t('screenErrNotXlsx');
    case 'xlsx-corrupt':
      return t('screenErrXlsxCorrupt');
    case 'xlsx-too-large':
      return t('screenErrXlsxTooLarge', mb(info.limit));
    case 'table-too-many-rows':
      return t('screenErrTableTooManyRows', formatCount(info.limit ?? 0));
    case 'csv-unclosed-quote':
      return t('screenErrUnclosedQuote', where(info));
    case 'csv-bad-quote':
      return t('screenErrBadQuote', where(info));
    case 'csv-extra-columns':
      return t('screenErrExtraColumns', [where(info), info.count ?? 0, info.limit ?? 0]);
    case 'cell-too-long':
      return t('screenErrCellTooLong', [where(info), formatCount(info.count ?? 0), formatCount(info.limit ?? 0)]);
    case 'column-not-found':
      return t('screenErrColumnNotFound', [info.column ?? '', info.detail ?? '']);
    case 'column-ambiguous':
      return t('screenErrColumnAmbiguous', info.detail ?? '');
    case 'column-empty':
      return t('screenErrColumnEmpty', info.column ?? '');
    case 'sheet-not-found':
      return t('screenErrSheetNotFound', info.detail ?? '');
    case 'html':
      return t('screenErrHtml');
    case 'data-file':
      return t('screenErrDataFile', info.detail ?? '');
  }
}

export function warningMessage(w: ScreeningWarning): string {
  switch (w.code) {
    case 'encoding':
      return t('screenWarnEncoding', w.encoding);
    case 'encoding-lines':
      return t('screenWarnEncodingLines', lineList(w.lines, w.count));
    case 'encoding-replaced':
      return t('screenWarnEncodingReplaced', formatCount(w.count));
    case 'data-file':
      return t('screenWarnDataFile', w.detail);
  }
}

export function emptyCellsMessage(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return t('screenWarnEmptyCells', [formatCount(rows.length), rows.length > 10 ? `${shown}, …` : shown]);
}

export function sourceLabel(ref: SourceRef): string {
  switch (ref.kind) {
    case 'line':
      return t('screenWhereLine', ref.line);
    case 'cell':
      return t('screenWhereRowColumn', [ref.row, ref.header ? `${ref.column} (${ref.header})` : ref.column]);
    case 'path':
      return ref.path;
  }
}

export function matchTypeLabel(type: MatchType): string {
  switch (type) {
    case 'exact':
      return t('matchTypeExact');
    case 'alias':
      return t('matchTypeAlias');
    case 'weak-alias':
      return t('matchTypeWeakAlias');
    case 'group-member':
      return t('matchTypeGroupMember');
    case 'brand':
      return t('matchTypeBrand');
    case 'subsidiary':
      return t('matchTypeSubsidiary');
    case 'former-name':
      return t('matchTypeFormerName');
    case 'trading-name':
      return t('matchTypeTradingName');
    case 'legal-name':
      return t('matchTypeLegalName');
  }
}
