// The store's load format: its sections back to back (8-byte aligned), a JSON footer naming them, a sha256 beside the file.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { ERR_NOT_READY } from '../core/errors.ts';
import { readNQuads } from '../server/nquads-reader.ts';
import { QuadStoreBuilder, type Section, type StoreCounts } from './store-builder.ts';

const MAGIC = 'TLQSTORE';
const TRAILER_MAGIC = 'TLQEND01';
/** Bumped whenever the layout changes: a server refuses a file of another version (rebuild). */
export const FORMAT_VERSION = 2;

/** Where a section lies in the file, and its element type. */
export interface SectionEntry {
  offset: number;
  bytes: number;
  type: 'u8' | 'u32' | 'f64';
}

/** The footer: format version, counts, and every section by name. */
export interface StoreFooter extends StoreCounts {
  version: number;
  sections: Record<string, SectionEntry>;
}

/** Raised for a store file written by another version of the format: the dump can still be read instead. */
export class StoreFormatError extends Error {
  constructor(readonly file: string, readonly version: number) {
    super(`${file} has store format ${version}; this server reads ${FORMAT_VERSION}: rebuild`);
    this.name = 'StoreFormatError';
  }
}

/** A loaded store file: one SharedArrayBuffer (handed to workers as is: they share it) and its footer. */
export interface StoreBuffers {
  buffer: SharedArrayBuffer;
  footer: StoreFooter;
}

/** The store file inside a DIST_DIR. */
export function storePath(distDir: string): string {
  return path.join(distDir, 'store', 'dataset.tlq');
}

function typeOf(data: Section['data']): SectionEntry['type'] {
  return data instanceof Float64Array ? 'f64' : data instanceof Uint32Array ? 'u32' : 'u8';
}

/**
 * Reads an N-Quads file and writes the store file (and its `.sha256`, in sha256sum format) from it. Returns the counts.
 * The file is written under a temporary name and renamed, so a reader never sees half of it.
 */
export async function writeStoreFile(nquadsFile: string, file: string): Promise<StoreCounts> {
  const { size } = await fsp.stat(nquadsFile);
  // About 180 bytes a quad in our dumps; a low guess only costs one growth of the table.
  const builder = new QuadStoreBuilder(Math.ceil(size / 150));
  await readNQuads(nquadsFile, (s, p, o, g) => builder.add(s, p, o, g));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const handle = await fsp.open(partial, 'w');
  const hash = createHash('sha256');
  let position = 0;
  const write = async (bytes: Uint8Array) => {
    hash.update(bytes);
    for (let done = 0; done < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, done, Math.min(bytes.length - done, 1 << 26), position);
      done += bytesWritten;
      position += bytesWritten;
    }
  };
  const pad = async () => {
    if (position % 8) await write(new Uint8Array(8 - (position % 8)));
  };
  try {
    const sections: Record<string, SectionEntry> = {};
    await write(Buffer.from(MAGIC, 'ascii'));
    const counts = await builder.finish(async ({ name, data }) => {
      await pad();
      sections[name] = { offset: position, bytes: data.byteLength, type: typeOf(data) };
      await write(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    await pad();
    const footer: StoreFooter = { version: FORMAT_VERSION, ...counts, sections };
    const json = Buffer.from(JSON.stringify(footer), 'utf8');
    const footerOffset = position;
    await write(json);
    const trailer = Buffer.alloc(24);
    trailer.writeDoubleLE(footerOffset, 0);
    trailer.writeDoubleLE(json.length, 8);
    trailer.write(TRAILER_MAGIC, 16, 'ascii');
    await write(trailer);
    await handle.close();
    await fsp.writeFile(`${file}.sha256`, `${hash.digest('hex')}  ${path.basename(file)}\n`);
    await fsp.rename(partial, file);
    return counts;
  } catch (err) {
    await handle.close().catch(() => {});
    await fsp.rm(partial, { force: true });
    throw err;
  }
}

/** Reads a store file into a SharedArrayBuffer, checking its sha256 and its layout; errors say which file and why. */
export async function readStoreFile(file: string): Promise<StoreBuffers> {
  let size: number;
  try {
    ({ size } = await fsp.stat(file));
  } catch (cause) {
    throw ERR_NOT_READY(`no store file at ${file}; run \`npx thesis-lod build\` first (or set DIST_DIR)`, { file }, cause);
  }
  const buffer = new SharedArrayBuffer(size);
  const bytes = new Uint8Array(buffer);
  const handle = await fsp.open(file, 'r');
  try {
    for (let done = 0; done < size;) {
      const { bytesRead } = await handle.read(bytes, done, Math.min(size - done, 1 << 26), done);
      if (bytesRead === 0) throw ERR_NOT_READY(`${file} ended after ${done} of ${size} bytes while it was read`, { file });
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const expected = (await fsp.readFile(`${file}.sha256`, 'utf8').catch(() => '')).split(/\s/)[0];
  if (!expected) throw ERR_NOT_READY(`${file}.sha256 is missing: the store file cannot be checked; rebuild`, { file });
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) throw ERR_NOT_READY(`${file} does not match its checksum (sha256 ${actual}, expected ${expected}): the file is damaged or half-written; rebuild`, { file });
  const text = Buffer.from(buffer);
  if (size < 32 || text.toString('ascii', 0, 8) !== MAGIC || text.toString('ascii', size - 8, size) !== TRAILER_MAGIC) {
    throw ERR_NOT_READY(`${file} is not a thesis-lod store file`, { file });
  }
  const footerOffset = text.readDoubleLE(size - 24);
  const footerLength = text.readDoubleLE(size - 16);
  const footer = JSON.parse(text.toString('utf8', footerOffset, footerOffset + footerLength)) as StoreFooter;
  if (footer.version !== FORMAT_VERSION) throw new StoreFormatError(file, footer.version);
  return { buffer, footer };
}

/** Builds the store in memory from an N-Quads file, for a DIST_DIR without a store file (an older build, a test fixture). */
export async function storeFromNQuads(nquadsFile: string): Promise<StoreBuffers> {
  const builder = new QuadStoreBuilder();
  await readNQuads(nquadsFile, (s, p, o, g) => builder.add(s, p, o, g));
  const parts: { name: string; data: Section['data'] }[] = [];
  const counts = await builder.finish(async (section) => {
    parts.push(section);
  });
  let size = 0;
  const sections: Record<string, SectionEntry> = {};
  for (const { name, data } of parts) {
    size = Math.ceil(size / 8) * 8;
    sections[name] = { offset: size, bytes: data.byteLength, type: typeOf(data) };
    size += data.byteLength;
  }
  const buffer = new SharedArrayBuffer(Math.max(8, size));
  const bytes = new Uint8Array(buffer);
  for (const { name, data } of parts) bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), sections[name]!.offset);
  return { buffer, footer: { version: FORMAT_VERSION, ...counts, sections } };
}
