// Preact hooks for extension pages (popup, options): the user's data, reloaded whenever
// any context changes it (see changes.ts).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { onUserDataChanged } from './changes';
import { UserDataError, asUserDataError } from './db';
import { listDismissals } from './dismissals';
import { listImportedLists } from './imported-lists';
import type { Dismissal, StoredImportedList } from './types';

export interface Loaded<T> {
  /** Null until the first load finishes. */
  value: T | null;
  error: UserDataError | null;
  reload: () => Promise<void>;
}

function useStored<T>(load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<UserDataError | null>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError(null);
    } catch (err) {
      setError(asUserDataError(err, 'read-failed', 'Could not read the stored data'));
    }
  }, [load]);
  useEffect(() => {
    void reload();
    return onUserDataChanged(() => void reload());
  }, [reload]);
  return { value, error, reload };
}

export function useDismissals(): Loaded<Dismissal[]> {
  return useStored(listDismissals);
}

export function useImportedLists(): Loaded<StoredImportedList[]> {
  return useStored(listImportedLists);
}
