// The ingest stage: walks DATA_DIR/records, picks each file's reader, and streams one Ingested per record.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { ERR_BUILD, ERR_DUPLICATE_ID, ERR_INPUT_TOO_LARGE, ERR_UNKNOWN_FORMAT } from '../../src/core/errors.ts';
import type { Ingested, SourceRef } from '../types.ts';
import { oaiDc } from './oai-dc.ts';
import type { Reader } from './reader.ts';
import { rejectSource } from './record-draft.ts';
import { MAX_FILE_BYTES } from './source-text.ts';
import { ubcOcText } from './ubc-oc-text.ts';

export { MAX_FILE_BYTES, MAX_VALUE_BYTES } from './source-text.ts';
export type { Reader, RecordInput } from './reader.ts';

/** The input formats, tried in order: a new format is a new module and one more entry here. */
export const READERS: readonly Reader[] = [ubcOcText, oaiDc];

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
  if (!reader) {
    const known = readers.map((r) => `${r.format} (${r.extensions.join(', ')})`).join(', ');
    yield rejectSource({ file }, ERR_UNKNOWN_FORMAT(`no reader recognises this file; known formats: ${known}`));
    return;
  }
  yield* reader.read({ bytes, file });
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
export async function* ingestFile(path: string, dataDir: string): AsyncGenerator<Ingested> {
  const file = relative(dataDir, path).split(sep).join('/');
  const fd = openSync(path, 'r');
  let bytes: Uint8Array;
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      yield rejectSource({ file }, ERR_INPUT_TOO_LARGE(`the file has ${size} bytes, the limit is ${MAX_FILE_BYTES} (MAX_FILE_BYTES)`));
      return;
    }
    bytes = new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
  yield* readRecords(bytes, file);
}

// Depth-first, names sorted by code point at each level, dot-files skipped: the same tree always gives the same order.
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Only a symbolic link needs a stat to learn what it points at.
    const info = entry.isSymbolicLink() ? await stat(path) : entry;
    if (info.isDirectory()) yield* walk(path);
    else if (info.isFile()) yield path;
  }
}

/** How many files ingest will read under `${dataDir}/records/` (the progress bar's total); 0 when there is no such folder. */
export async function countFiles(dataDir: string): Promise<number> {
  let n = 0;
  try {
    for await (const _ of walk(join(dataDir, 'records'))) n += 1;
  } catch {
    return 0;
  }
  return n;
}

/**
 * Streams every record under `${dataDir}/records/` (recursively, in sorted path order, one file in memory
 * at a time), each a record or a rejection; an id already read is rejected with both sources named.
 */
export async function* ingest(dataDir: string): AsyncGenerator<Ingested> {
  const root = join(dataDir, 'records');
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw ERR_BUILD(`no records folder at ${root} (DATA_DIR is ${dataDir})`, { file: root });
  const guard = new DuplicateGuard();
  for await (const path of walk(root)) {
    for await (const outcome of ingestFile(path, dataDir)) yield guard.check(outcome);
  }
}
