// The resolver's index (DIST_DIR/resolve/index.json): each published thesis by DOI, handle, item id and page URL, written at build time.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { doiKey, handleKey, urlKey, type IdentifierKind } from '../../src/core/identifier-keys.ts';
import { RESOLVE_INDEX_FILE, RESOLVE_INDEX_VERSION, type ResolveIndexFile } from '../../src/core/resolve-index-format.ts';
import type { ThesisRecord } from '../types.ts';

export { RESOLVE_INDEX_FILE, RESOLVE_INDEX_VERSION, type ResolveIndexFile } from '../../src/core/resolve-index-format.ts';

/** The streaming writer the runner feeds each published record to. */
export interface ResolveIndexWriter {
  add(record: ThesisRecord): void;
  /** Writes `distDir/resolve/index.json`; returns its path. */
  write(distDir: string): Promise<string>;
  toJSON(): ResolveIndexFile;
}

/** Starts an empty index. Keys are made by the same functions the server reads requests with (src/core/identifier-keys.ts). */
export function createResolveIndexWriter(): ResolveIndexWriter {
  const tables: Record<Exclude<IdentifierKind, 'id'>, Map<string, string>> = { doi: new Map(), handle: new Map(), url: new Map() };
  const ids: string[] = [];
  // A key two records share names neither for certain: it is dropped rather than answered with the first one.
  const shared = new Set<string>();

  function put(kind: keyof typeof tables, key: string | undefined, id: string): void {
    if (key === undefined) return;
    const table = tables[kind];
    const had = table.get(key);
    if (had !== undefined && had !== id) shared.add(`${kind} ${key}`);
    else table.set(key, id);
  }

  function add(record: ThesisRecord): void {
    // A fresh copy, so the index holds no reference to the record's source text.
    const id = `${record.id}`.slice(0);
    ids.push(id);
    const doi = record.doi ? doiKey(record.doi.value) : undefined;
    put('doi', doi && 'key' in doi ? doi.key : undefined, id);
    for (const { value } of record.uris) {
      const handle = handleKey(value);
      if ('key' in handle && /^https?:\/\/hdl\.handle\.net\//i.test(value.trim())) put('handle', handle.key, id);
      else {
        const url = urlKey(value);
        if ('key' in url && !/^https?:\/\/(dx\.)?doi\.org\//i.test(value.trim())) put('url', url.key, id);
      }
    }
    if (record.landingPage) {
      const url = urlKey(record.landingPage);
      if ('key' in url) put('url', url.key, id);
    }
  }

  function toJSON(): ResolveIndexFile {
    const table = (kind: keyof typeof tables) =>
      Object.fromEntries([...tables[kind]].filter(([k]) => !shared.has(`${kind} ${k}`)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { version: RESOLVE_INDEX_VERSION, doi: table('doi'), handle: table('handle'), url: table('url'), id: [...ids].sort() };
  }

  async function write(distDir: string): Promise<string> {
    const file = path.join(distDir, RESOLVE_INDEX_FILE);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(toJSON()));
    return file;
  }

  return { add, write, toJSON };
}
