// The ingest stage: walks DATA_DIR/records, picks each file's reader, and streams one Ingested per record.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { ERR_BUILD, ERR_DUPLICATE_ID, ERR_INPUT_SKIPPED, ERR_INPUT_TOO_LARGE } from '../../src/core/errors.ts';
import type { Ingested, SourceRef } from '../types.ts';
import { checkFileContent, findItemId, stampItemId } from './file-checks.ts';
import { etdms } from './etdms.ts';
import { oaiDc } from './oai-dc.ts';
import type { Reader } from './reader.ts';
import { rejectSource } from './record-draft.ts';
import { MAX_FILE_BYTES } from './source-text.ts';
import { ubcOcText } from './ubc-oc-text.ts';
import { walkRecords, type OnSkipped } from './walk.ts';

export { MAX_FILE_BYTES, MAX_VALUE_BYTES } from './source-text.ts';
export type { Reader, RecordInput } from './reader.ts';

/** The input formats, tried in order: a new format is a new module and one more entry here (ETD-MS before oai_dc: both are OAI-PMH). */
export const READERS: readonly Reader[] = [ubcOcText, etdms, oaiDc];

const HEAD_BYTES = 4096;

/** The reader for a file: the first whose sniff recognises its start, else the first claiming its extension. */
export function pickReader(file: string, bytes: Uint8Array, readers: readonly Reader[] = READERS): Reader | undefined {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES));
  const ext = extname(file).toLowerCase();
  return readers.find((r) => r.sniff(head)) ?? readers.find((r) => r.extensions.includes(ext));
}

/** Rejects the second (and later) occurrence of an item id, naming where the first one was read. */
export class DuplicateGuard {
  private readonly seen = new Map<string, SourceRef>();

  /** The outcome unchanged, or a rejection when its id was already read. */
  check(outcome: Ingested): Ingested {
    const id = outcome.ok ? outcome.record.id : outcome.id;
    const source = outcome.ok ? outcome.record.source : outcome.source;
    if (!id) return outcome;
    const first = this.seen.get(id);
    if (!first) {
      this.seen.set(id, source);
      return outcome;
    }
    const here = (s: SourceRef) => (s.line ? `${s.file}:${s.line}` : s.file);
    const err = ERR_DUPLICATE_ID(`item id ${id} was already read from ${here(first)}; this occurrence (${here(source)}) is rejected`, {
      file: source.file, line: source.line, field: 'id', recordId: id,
    });
    return { ok: false, id, source, errors: [err.toProblem()] };
  }
}

/** Every record of one file's bytes (`file` relative to DATA_DIR), through the reader its content or name calls for. */
export function* readRecords(bytes: Uint8Array, file: string, readers: readonly Reader[] = READERS): Generator<Ingested> {
  const reader = pickReader(file, bytes, readers);
  // An empty or binary file, or one no reader takes, is refused as a whole, saying what was looked for and where.
  const refused = checkFileContent(bytes, file, readers, reader);
  if (refused) {
    yield refused;
    return;
  }
  // A file-level rejection of a reader (a DOCTYPE, no OAI-PMH root, …) names the item when the file names only one.
  let fileId: string | undefined | null = null;
  const fileItemId = () => (fileId === null ? (fileId = findItemId(bytes)) : fileId);
  for (const outcome of reader!.read({ bytes, file })) yield stampItemId(outcome, fileItemId);
}

/** Ingests one text or byte string as if read from `file`, duplicates included: for tests and tools. */
export function ingestText(input: string | Uint8Array, file = 'records/input.txt'): Ingested[] {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const guard = new DuplicateGuard();
  return [...readRecords(bytes, file)].map((o) => guard.check(o));
}

/**
 * Ingests one file from disk; `file` in the outcomes is its path relative to `dataDir`. The file is read with
 * synchronous calls: it is at most MAX_FILE_BYTES, and on a local disk its four system calls take microseconds, where
 * four round trips through the thread pool cost the runner's thread (which feeds the workers) far more.
 */
export async function* ingestFile(path: string, dataDir: string, real = path): AsyncGenerator<Ingested> {
  const file = relative(dataDir, path).split(sep).join('/');
  let fd: number;
  try {
    // O_NONBLOCK: a file swapped for a FIFO after the walk looked at it must not hang the build on open;
    // O_NOFOLLOW: nor may it become a link leading out of DATA_DIR (the walk resolved links already).
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    yield rejectSource({ file }, ERR_INPUT_SKIPPED(`cannot open the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): nothing read`, { file, field: '(file)' }));
    return;
  }
  let bytes: Uint8Array;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) {
      yield rejectSource({ file }, ERR_INPUT_SKIPPED('the entry is no longer a regular file: not read', { file, field: '(file)' }));
      return;
    }
    const { size } = info;
    if (size > MAX_FILE_BYTES) {
      yield rejectSource({ file }, ERR_INPUT_TOO_LARGE(`the file has ${size} bytes, the limit is ${MAX_FILE_BYTES} (MAX_FILE_BYTES): not read, so no record in it is named`, { file, field: '(file size)' }));
      return;
    }
    bytes = new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
  yield* readRecords(bytes, file);
}

/** How many files ingest will read under `${dataDir}/records/` (the progress bar's total); 0 when there is no such folder. */
export async function countFiles(dataDir: string): Promise<number> {
  let n = 0;
  try {
    for await (const _ of walkRecords(join(dataDir, 'records'), dataDir)) n += 1;
  } catch {
    return 0;
  }
  return n;
}

/** What ingest reports beside the records. */
export interface IngestOptions {
  /** Entries of DATA_DIR/records that are not read (links leaving DATA_DIR, dangling links, FIFOs, …); build-report.json lists them. */
  onSkipped?: OnSkipped;
}

/**
 * Streams every record under `${dataDir}/records/` (recursively, in sorted path order, one file in memory
 * at a time), each a record or a rejection; an id already read is rejected with both sources named.
 */
export async function* ingest(dataDir: string, opts: IngestOptions = {}): AsyncGenerator<Ingested> {
  const root = join(dataDir, 'records');
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw ERR_BUILD(`no records folder at ${root} (DATA_DIR is ${dataDir})`, { file: root });
  const guard = new DuplicateGuard();
  for await (const { path, real } of walkRecords(root, dataDir, opts.onSkipped)) {
    for await (const outcome of ingestFile(path, dataDir, real)) yield guard.check(outcome);
  }
}
