// One dump file being written: bytes go to disk in large chunks, hashed and counted on the way, with backpressure.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** What a finished dump is: its path, size and SHA-256, as the checksum file and the report state them. */
export interface DumpInfo {
  file: string;
  bytes: number;
  sha256: string;
}

// Small writes are gathered up to this size (each write costs a trip through the stream); larger ones go as they are,
// uncopied: a record's N-Quads come from a worker as one array of a hundred KB or so.
const CHUNK_BYTES = 64 * 1024;

/** A file written through a hashing pass; `write` takes strings or bytes, `close()` resolves once all is on disk. */
export class DumpFile {
  readonly file: string;
  readonly input: Writable;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private readonly done: Promise<void>;
  private failure: unknown;

  constructor(file: string) {
    this.file = file;
    const count = new Transform({
      transform: (chunk: Buffer, _enc, callback) => {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
      },
    });
    const out: WriteStream = createWriteStream(file);
    this.input = count;
    // Keep the first failure so that the next write or close rethrows it instead of hanging on 'drain'.
    this.done = pipeline(count, out).catch((err: unknown) => {
      this.failure ??= err;
    });
  }

  /** Writes a chunk (gathered with the next ones into a large write), waiting when the disk is behind so memory stays bounded. */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (bytes.length === 0) return;
    if (bytes.length >= CHUNK_BYTES) {
      await this.flush();
      if (!this.input.write(bytes)) await this.drained(this.input);
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.input.write(chunk)) await this.drained(this.input);
  }

  /** Waits for `emitter` to drain, or rethrows the file's failure: a dead disk must not leave the build waiting. */
  async drained(emitter: NodeJS.EventEmitter): Promise<void> {
    if (this.failure) throw this.failure;
    const failed = this.done.then(() => {
      if (this.failure) throw this.failure;
      return new Promise<never>(() => {});
    });
    await Promise.race([once(emitter, 'drain'), failed]);
  }

  /** Stops writing after a failed build (the folder is removed; the descriptor must not leak). */
  destroy(): void {
    this.input.destroy();
  }

  /** Ends the input (unless a pipe already ends it) and waits for the file to be flushed; returns size and hash. */
  async close(endInput = true): Promise<DumpInfo> {
    await this.flush();
    if (endInput) this.input.end();
    await this.done;
    if (this.failure) throw this.failure;
    return { file: this.file, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

/** Writes `<file>.sha256` in sha256sum format (`<hex>  <name>`), so `sha256sum -c` verifies the dump beside it. */
export async function writeChecksum(info: DumpInfo): Promise<string> {
  const target = `${info.file}.sha256`;
  await writeFile(target, `${info.sha256}  ${path.basename(info.file)}\n`);
  return target;
}

/**
 * Writes `<file>.gz` (gzip at its default level 6: level 9 costs twice the time for a few per cent) and its `.gz.sha256` beside a finished dump;
 * the variants are compressed in parallel on libuv's thread pool. Gzip output depends only on the input and level, so
 * two builds of the same dump write the same bytes.
 */
export async function writeGzipVariants(dumps: readonly DumpInfo[]): Promise<DumpInfo[]> {
  return Promise.all(dumps.map(async (dump) => {
    const gz = new DumpFile(`${dump.file}.gz`);
    await pipeline(createReadStream(dump.file), createGzip(), gz.input);
    const info = await gz.close(false);
    await writeChecksum(info);
    return info;
  }));
}
