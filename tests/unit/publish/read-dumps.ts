// Test helper: reads each dump back with a real parser (n3, jsonld, rdflib) into n3 quads, for isomorphism checks.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import jsonld from 'jsonld';
import { DataFactory, Parser, type Quad, type Term } from 'n3';
import * as $rdf from 'rdflib';
import { isomorphic } from 'rdf-isomorphic';
import { quadKey } from '../../../pipeline/publish/canonical.ts';
import { refuseRemoteContexts } from '../../../pipeline/publish/jsonld-dump.ts';

const { quad, namedNode, blankNode, literal, defaultGraph } = DataFactory;
export type DumpExt = 'ttl' | 'nt' | 'nq' | 'jsonld' | 'rdf';

/** Drops exact duplicates (a graph is a set). */
export function unique(quads: Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set(quadKey(q), q);
  return [...seen.values()];
}

/** The same quads without their graph names. */
export function triplesOf(quads: Quad[]): Quad[] {
  return unique(quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph())));
}

type Plain = { termType: string; value: string; language?: string; datatype?: { value: string } };
function term(t: Plain): Term {
  if (t.termType === 'NamedNode') return namedNode(t.value);
  if (t.termType === 'BlankNode') return blankNode(t.value.replace(/^_:/, ''));
  if (t.termType === 'Literal') return literal(t.value, t.language || namedNode(t.datatype!.value));
  return defaultGraph();
}

/** Parses one dump file into quads (graphs kept for N-Quads, default graph for the rest). */
export async function readDump(dumpsDir: string, ext: DumpExt): Promise<Quad[]> {
  const text = await readFile(path.join(dumpsDir, `dataset.${ext}`), 'utf8');
  switch (ext) {
    case 'ttl': return new Parser({ format: 'Turtle' }).parse(text);
    case 'nt': return new Parser({ format: 'N-Triples' }).parse(text);
    case 'nq': return new Parser({ format: 'N-Quads' }).parse(text);
    case 'jsonld': {
      // The refusing loader proves the context is inline: no network is needed to read the dump.
      const rdf = (await jsonld.toRDF(JSON.parse(text), { documentLoader: refuseRemoteContexts } as jsonld.Options.ToRdf)) as unknown as { subject: Plain; predicate: Plain; object: Plain; graph: Plain }[];
      return rdf.map((q) => quad(term(q.subject) as never, term(q.predicate) as never, term(q.object) as never, term(q.graph) as never));
    }
    case 'rdf': {
      const store = $rdf.graph();
      $rdf.parse(text, store, 'http://example.invalid/', 'application/rdf+xml');
      return store.statements.map((s) => quad(term(s.subject as Plain) as never, term(s.predicate as Plain) as never, term(s.object as Plain) as never));
    }
  }
}

/** Reads all five dumps; `union` is the N-Quads without graph names, what the others must be isomorphic to. */
export async function readAllDumps(dumpsDir: string): Promise<Record<DumpExt, Quad[]> & { union: Quad[] }> {
  const out = {} as Record<DumpExt, Quad[]>;
  for (const ext of ['ttl', 'nt', 'nq', 'jsonld', 'rdf'] as const) out[ext] = await readDump(dumpsDir, ext);
  return { ...out, union: triplesOf(out.nq) };
}

/** Isomorphism of two quad lists taken as sets. */
export function sameGraph(a: Quad[], b: Quad[]): boolean {
  return isomorphic(unique(a), unique(b));
}
