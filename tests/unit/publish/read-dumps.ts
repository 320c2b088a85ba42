// Test helper: reads each dump of a DIST_DIR back with a real parser (tests/helpers/rdf.ts), for isomorphism checks.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from 'n3';
import { parse, triplesOf } from '../../helpers/rdf.ts';

export type DumpExt = 'ttl' | 'nt' | 'nq' | 'jsonld' | 'rdf';

/** Parses one dump file into quads (graphs kept for N-Quads, default graph for the rest). */
export async function readDump(dumpsDir: string, ext: DumpExt): Promise<Quad[]> {
  // No base: a dump must not need one. The JSON-LD parse refuses remote contexts: the context must be inline.
  return parse(await readFile(path.join(dumpsDir, `dataset.${ext}`), 'utf8'), ext);
}

/** Reads all five dumps; `union` is the N-Quads without graph names, what the others must be isomorphic to. */
export async function readAllDumps(dumpsDir: string): Promise<Record<DumpExt, Quad[]> & { union: Quad[] }> {
  const out = {} as Record<DumpExt, Quad[]>;
  for (const ext of ['ttl', 'nt', 'nq', 'jsonld', 'rdf'] as const) out[ext] = await readDump(dumpsDir, ext);
  return { ...out, union: triplesOf(out.nq) };
}
