// Where the CLI reads and writes. Injected, so tests run the whole CLI in-process.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { formatBytes } from '../formats/limits';

/** A cap on one input, and how the message names what it applies to. */
export interface ReadLimit {
  bytes: number;
  /** Completes "FILE is N MiB: ... at most LIMIT", e.g. "scan reads HTML pages and data files of". */
  what: string;
}

export interface InputStream {
  /** Size in bytes when known before reading (a file); null for standard input. */
  size: number | null;
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * Bytes of FILE ("-" = standard input); throws InputError with a one-line reason, and
   * before reading further once the input is over `limit`.
   */
  read(file: string, limit?: ReadLimit): Promise<Uint8Array>;
  /** FILE in chunks, the same way; optional (in-memory test inputs come whole from `read`). */
  open?(file: string, limit: ReadLimit): Promise<InputStream>;
}

/** Unreadable or unsuitable input: reported in one line, exit code 2. */
export class InputError extends Error {}

export function inputLabel(file: string): string {
  return file === '-' ? 'standard input' : file;
}

export function tooLarge(file: string, size: number | null, limit: ReadLimit): InputError {
  const is = size === null ? `is over ${formatBytes(limit.bytes)}` : `is ${formatBytes(size)}`;
  return new InputError(`${inputLabel(file)} ${is}: ${limit.what} at most ${formatBytes(limit.bytes)}`);
}

const CHUNK_BYTES = 1024 * 1024;

export const nodeIo: CliIo = {
  out: (t) => void process.stdout.write(t + '\n'),
  err: (t) => void process.stderr.write(t + '\n'),
  read: readInputFile,
  open: openInput,
};

async function regularFileSize(file: string): Promise<number> {
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${reason(e)}`);
  }
  if (st.isDirectory()) throw new InputError(`${file} is a directory, not a file`);
  if (!st.isFile()) throw new InputError(`${file} is not a regular file`);
  return st.size;
}

export async function readInputFile(file: string, limit?: ReadLimit): Promise<Uint8Array> {
  if (file === '-' || limit !== undefined) {
    const input = await openInput(file, limit ?? { bytes: Number.MAX_SAFE_INTEGER, what: '' });
    const chunks: Uint8Array[] = [];
    for await (const c of input.chunks) chunks.push(c);
    return Buffer.concat(chunks);
  }
  await regularFileSize(file);
  try {
    return await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${reason(e)}`);
  }
}

/** Counts the bytes as they come and stops at the limit (a file can grow while it is read). */
async function* capped(file: string, source: AsyncIterable<unknown>, limit: ReadLimit): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const c of source) {
      const chunk = c as Buffer;
      total += chunk.length;
      if (total > limit.bytes) throw tooLarge(file, null, limit);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${inputLabel(file)}: ${reason(e)}`);
  }
}

export async function openInput(file: string, limit: ReadLimit): Promise<InputStream> {
  if (file === '-') return { size: null, chunks: capped(file, process.stdin, limit) };
  const size = await regularFileSize(file);
  if (size > limit.bytes) throw tooLarge(file, size, limit);
  return { size, chunks: capped(file, createReadStream(file, { highWaterMark: CHUNK_BYTES }), limit) };
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error)?.message ?? String(e);
}
