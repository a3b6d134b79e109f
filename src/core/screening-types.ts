// Shapes of bulk screening: names in (from a paste, a CSV/XLSX column or a procurement data
// file), one result per name out. Pure types, shared by the screening page, the audit record
// and the CLI `screen` command.
import type { FieldRole, GuardHit, Match } from './types';

/**
 * What a row's result says, strongest first:
 *   flag      a name on a list (or a confirmed alias of one)
 *   possible  a near miss for review (short or common alias without corroboration, ...)
 *   removed   only entries the lists have removed: shown, never as a flag
 *   clear     nothing listed found (look-alikes left clear are reported with the row)
 */
export type ScreenResult = 'flag' | 'possible' | 'removed' | 'clear';

/** Where a name came from, so every row can be traced back to the input. */
export type SourceRef =
  | { kind: 'line'; line: number }
  | { kind: 'cell'; row: number; column: string; header: string | null }
  | { kind: 'path'; path: string };

export interface ScreenInput {
  /** The name as the input gives it (whitespace collapsed by the readers). */
  input: string;
  /** The role the data file states for the name (winner, tenderer, ...); null for lists of names. */
  field: FieldRole | null;
  source: SourceRef;
}

export interface ScreenRow extends ScreenInput {
  /** 1-based position among the screened names. */
  row: number;
  result: ScreenResult;
  matches: Match[];
  /** Look-alikes in the name deliberately left clear ("Volvo Cars" is not the Volvo Group). */
  guards: GuardHit[];
}

export interface ScreenCounts {
  checked: number;
  flag: number;
  possible: number;
  removed: number;
  clear: number;
}
