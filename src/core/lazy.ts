// A value built on first use. Tables derived from the lexicons are built this way: the
// modules that hold them load in every page's content script, which should not pay for a
// table before it reads a block that needs it.
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
