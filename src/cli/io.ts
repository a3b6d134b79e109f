// Where the CLI reads and writes. Injected, so tests run the whole CLI in-process.
import { readFile, stat } from 'node:fs/promises';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Bytes of FILE ("-" = standard input); throws InputError with a one-line reason. */
  read(file: string): Promise<Uint8Array>;
}

/** Unreadable or unsuitable input: reported in one line, exit code 2. */
export class InputError extends Error {}

export const nodeIo: CliIo = {
  out: (t) => void process.stdout.write(t + '\n'),
  err: (t) => void process.stderr.write(t + '\n'),
  read: readInputFile,
};

export async function readInputFile(file: string): Promise<Uint8Array> {
  if (file === '-') return readStdin();
  let st;
  try {
    st = await stat(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${reason(e)}`);
  }
  if (st.isDirectory()) throw new InputError(`${file} is a directory, not a file`);
  if (!st.isFile()) throw new InputError(`${file} is not a regular file`);
  try {
    return await readFile(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${reason(e)}`);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error)?.message ?? String(e);
}
