// Extension pages only (imports the browser API): the data, settings and matcher that the
// popup's lookup, the screening page and the report page use. One place, so imported lists
// and dismissals from the user-data store are wired in once for all three.
import type { Matcher as MatcherType } from '../../core/matcher';
import { Matcher } from '../../core/matcher';
import type { CompiledData } from '../../core/types';
import compiled from '../../generated/compiled-lists.json';
import { lookupFromCompiled, type DataLookup } from '../presentation/lookup';
import type { DismissalReader } from '../presentation/audit/dismissals';
import { browser } from '../../shared/browser';
import { enabledListSet, loadSettings, type Settings } from '../../shared/settings';
import { getImportedCompiled, listDismissals, mergeCompiledData } from '../../shared/user-data';

export interface ExtensionData {
  data: CompiledData;
  lookup: DataLookup;
  settings: Settings;
  /** Matches with the lists the user has switched on. */
  matcher: MatcherType;
}

/**
 * The list data to match against: the bundled lists plus the lists the user imported
 * (user-data store), merged the same way in every context so ids agree. If the store
 * cannot be read, the bundled lists still work.
 */
export async function loadListData(): Promise<CompiledData> {
  const bundled = compiled as unknown as CompiledData;
  const imported = await getImportedCompiled().catch(() => null);
  try {
    return mergeCompiledData(bundled, imported);
  } catch (err) {
    console.warn('Settlement Screen: the imported lists could not be used', err);
    return bundled;
  }
}

/** The user's dismissals in force, from the user-data store. */
export const readDismissals: DismissalReader = async () => listDismissals();

export async function loadExtensionData(): Promise<ExtensionData> {
  const [data, settings] = await Promise.all([loadListData(), loadSettings()]);
  const enabledLists = enabledListSet(
    settings,
    data.lists.map((l) => l.id),
  );
  return {
    data,
    lookup: lookupFromCompiled(data),
    settings,
    matcher: Matcher.fromData(data, { enabledLists }),
  };
}

export function generatorInfo(): { name: string; version: string } {
  let version = '';
  try {
    version = browser.runtime.getManifest().version;
  } catch {
    // Outside an extension context (tests): the record still says which tool made it.
  }
  return { name: 'Settlement Screen', version };
}
