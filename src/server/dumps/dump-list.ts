// The dumps a build wrote, read from DIST_DIR/dumps: each syntax with its size, checksum and gzip variant.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DUMP_EXTENSIONS } from '../../core/iri.ts';

export type DumpExt = (typeof DUMP_EXTENSIONS)[number];

/** Media type of each dump, by extension (what the file server sends). */
export const DUMP_MEDIA_TYPES: Record<DumpExt, string> = {
  ttl: 'text/turtle; charset=utf-8',
  nt: 'application/n-triples; charset=utf-8',
  nq: 'application/n-quads; charset=utf-8',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
};

/** What a gzip variant is sent as: a file to download, not a transfer encoding. */
export const GZIP_MEDIA_TYPE = 'application/gzip';

/** One file of the dumps folder, as listed. */
export interface DumpFileInfo {
  name: string;
  bytes: number;
  sha256?: string;
}

/** A dump as the home page and /dumps/ list it. */
export interface DumpInfo extends DumpFileInfo {
  ext: DumpExt;
  /** Media type without parameters. */
  mediaType: string;
  /** The gzip variant, when the build wrote one. */
  gzip?: DumpFileInfo;
}

/** The file names the server sends from DIST_DIR/dumps, each with its Content-Type: dumps, gzip variants, checksums. */
export const DUMP_FILES: ReadonlyMap<string, string> = new Map(DUMP_EXTENSIONS.flatMap((ext) => [
  [`dataset.${ext}`, DUMP_MEDIA_TYPES[ext]],
  [`dataset.${ext}.sha256`, 'text/plain; charset=utf-8'],
  [`dataset.${ext}.gz`, GZIP_MEDIA_TYPE],
  [`dataset.${ext}.gz.sha256`, 'text/plain; charset=utf-8'],
]));

async function fileInfo(file: string): Promise<DumpFileInfo | undefined> {
  try {
    const { size } = await stat(file);
    const sum = await readFile(`${file}.sha256`, 'utf8').catch(() => '');
    return { name: path.basename(file), bytes: size, sha256: /^[0-9a-f]{64}/.exec(sum)?.[0] };
  } catch {
    // A file the build did not write is simply not listed.
    return undefined;
  }
}

/** The dumps present in DIST_DIR with their sizes and checksums (the hex from each `.sha256` file). */
export async function listDumps(distDir: string): Promise<DumpInfo[]> {
  const out: DumpInfo[] = [];
  for (const ext of DUMP_EXTENSIONS) {
    const file = path.join(distDir, 'dumps', `dataset.${ext}`);
    const info = await fileInfo(file);
    if (!info) continue;
    const gzip = await fileInfo(`${file}.gz`);
    out.push({ ...info, ext, mediaType: DUMP_MEDIA_TYPES[ext].split(';')[0]!, ...(gzip ? { gzip } : {}) });
  }
  return out;
}

/** Bytes for people: 1.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
