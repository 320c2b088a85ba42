// The format of DIST_DIR/resolve/index.json: written by the build (pipeline/publish/resolve-index.ts), read by /resolve.
import path from 'node:path';

/** Where the index lives inside DIST_DIR. */
export const RESOLVE_INDEX_FILE = path.join('resolve', 'index.json');
/** Format version; the server refuses one it does not know. */
export const RESOLVE_INDEX_VERSION = 1;

/** What resolve/index.json holds: for DOI, handle and URL a key → item id table; the ids themselves as a list. */
export interface ResolveIndexFile {
  version: number;
  doi: Record<string, string>;
  handle: Record<string, string>;
  url: Record<string, string>;
  id: string[];
}
