// One dump file being written: bytes go to disk as they come, hashed and counted on the way, with backpressure.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What a finished dump is: its path, size and SHA-256, as the checksum file and the report state them. */
export interface DumpInfo {
  file: string;
  bytes: number;
  sha256: string;
}

/** A file written through a hashing pass; `input` takes strings or buffers, `close()` resolves once all is on disk. */
export class DumpFile {
  readonly file: string;
  readonly input: Writable;
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

  /** Writes a chunk, waiting when the disk is behind so memory stays bounded. */
  async write(chunk: string | Buffer): Promise<void> {
    if (this.failure) throw this.failure;
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
