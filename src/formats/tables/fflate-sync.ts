// Extension build only (aliased for `fflate` in vite.config.ts): fflate with a synchronous
// `unzip`. fflate's own unzip inflates entries over 512 KB in a Web Worker made from a blob:
// URL, which the extension pages' CSP forbids; read-excel-file calls unzip, so a large .xlsx
// would fail in the screening page. Inflating on the main thread costs a few hundred ms for
// a very large workbook, once.
import { unzipSync, type AsyncUnzipOptions, type Unzipped, type UnzipCallback } from 'fflate/browser';

export * from 'fflate/browser';

export function unzip(
  data: Uint8Array,
  optsOrCb: AsyncUnzipOptions | UnzipCallback,
  maybeCb?: UnzipCallback,
): () => void {
  const cb = (typeof optsOrCb === 'function' ? optsOrCb : maybeCb) as UnzipCallback;
  const opts = typeof optsOrCb === 'function' ? {} : optsOrCb;
  let cancelled = false;
  // Asynchronous callback, as fflate's own (callers may rely on it running after return).
  setTimeout(() => {
    if (cancelled) return;
    let files: Unzipped;
    try {
      files = unzipSync(data, opts);
    } catch (e) {
      cb(e as Parameters<UnzipCallback>[0], null as unknown as Unzipped);
      return;
    }
    cb(null, files);
  }, 0);
  return () => {
    cancelled = true;
  };
}
