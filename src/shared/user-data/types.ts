// Shapes of the user's own data (IndexedDB, database 'settlement-screen'): dismissals
// ("not this company") and imported lists. Pure types.
import type { SourceList } from '../../core/compile';
import type { ImportFormat, ImportWarning } from '../../core/import-list';
import type { CompiledData, ListMeta } from '../../core/types';

export type DismissalScope = 'site' | 'everywhere';

/**
 * "Not this company": hides one entity, on one site (and its subdomains) or everywhere.
 * Structurally compatible with the audit record's Dismissal (src/ui/presentation/audit/types.ts):
 * `site` is null and `reason` '' when not given.
 */
export interface Dismissal {
  /** Deterministic: one dismissal per entity and site (see dismissalId). */
  id: string;
  /** Entity id from the compiled data (bundled, or `user:` for imported lists). */
  entity: string;
  /** The entity's display name when dismissed, so the options page can show it later. */
  entityName: string;
  scope: DismissalScope;
  /** Normalised hostname for scope 'site'; null for 'everywhere'. */
  site: string | null;
  /** Free text; '' when the user gave none. */
  reason: string;
  /** ISO date-time. */
  createdAt: string;
}

/** What a user types when dismissing. */
export interface DismissalInput {
  entity: string;
  entityName: string;
  scope: DismissalScope;
  /** Hostname (any form normalizeHostname accepts); required for scope 'site'. */
  site?: string | null;
  reason?: string;
}

/** One imported list as stored (object store `importedLists`, key = id). */
export interface StoredImportedList {
  /** `user:<slug>`; the same id is the key in settings.enabledLists. */
  id: string;
  /** As the compiler describes it (origin 'imported', sha256 of the file's bytes). */
  meta: ListMeta;
  fileName: string;
  format: ImportFormat;
  /** The original file text, kept so the list can be re-parsed by a later version. */
  source: string;
  parsed: SourceList;
  /** Warnings shown when it was imported. */
  warnings: ImportWarning[];
  /** ISO date-time. */
  importedAt: string;
}

/** Reply to the `get-user-data` message. */
export interface UserDataReply {
  /** Compiled imported lists (entity ids prefixed `user:`), or null when there are none. */
  imported: CompiledData | null;
  /** Dismissals in force for the sender's site (all of them for extension pages). */
  dismissals: Dismissal[];
}
