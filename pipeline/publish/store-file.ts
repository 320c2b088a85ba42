// The publish stage's last step: the server's load file (the compact quad store), made from the N-Quads dump just written.
import path from 'node:path';
import { storePath, writeStoreFile } from '../../src/store/store-file.ts';
import type { StoreCounts } from '../../src/store/store-builder.ts';

/**
 * Writes `{distDir}/store/dataset.tlq` and its `.sha256` from `{distDir}/dumps/dataset.nq`, so that a server starts by
 * reading arrays instead of parsing N-Quads. Reading the dump back (rather than collecting quads while publishing) keeps
 * the store exactly what the dump says, and keeps the records' pass free of the store's memory.
 */
export async function writeStore(distDir: string): Promise<StoreCounts> {
  return writeStoreFile(path.join(distDir, 'dumps', 'dataset.nq'), storePath(distDir));
}
