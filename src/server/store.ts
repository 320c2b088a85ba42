// The store plugin: loads the union of DIST_DIR/dumps/dataset.nq's graphs for documents and decorates the app with it, the graph names, IRIs, redirects and labels.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import { Store, termFromId, type Quad, type Term } from 'n3';
import type { FastifyInstance } from 'fastify';
import { Iris } from '../core/iri.ts';
import { ERR_NOT_READY, ERR_CONFIG } from '../core/errors.ts';
import { Labels } from './labels.ts';
import { PublicUrls } from './public-url.ts';
import { readNQuads } from './nquads-reader.ts';
import { ownString, UnionStore, UnionStoreBuilder } from './union-store.ts';

/** What the authority file and the ledger say about ids that no longer denote what they did: keys `kind/id`. */
export interface Redirects {
  /** Old `kind/id` → successor `kind/id` (answered with 301). */
  merged: Map<string, string>;
  /** `kind/id` → reason (answered with 410 Gone). */
  gone: Map<string, string>;
}

/** The n3 Store the SPARQL workers query: every named graph, as in the dump. */
export type GraphStore = Store<Quad, Quad, Quad, Quad>;

type OTerm = Term | string | null;

/**
 * What documents, pages and labels read: an n3 Store's read methods with the graph left unbound, yielding n3 Quads (whose
 * terms have n3's helpers, such as equals and id), each triple once. The server's is a UnionStore; an n3 Store of one
 * graph fits too (tests build small ones).
 */
export interface QuadStore {
  readonly size: number;
  readQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): Iterable<Quad>;
  getQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): Quad[];
  countQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): number;
  some(callback: (q: Quad) => boolean, subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): boolean;
  getSubjects(predicate: OTerm, object: OTerm, graph: OTerm): Quad['subject'][];
  forSubjects(callback: (subject: Quad['subject']) => void, predicate: OTerm, object: OTerm, graph: OTerm): void;
  getObjects(subject: OTerm, predicate: OTerm, graph: OTerm): Quad['object'][];
}

/** The named graphs of the dump: which exist (for the 303s of /graph/…), and the subjects of the few presented as documents. */
export class GraphNames {
  private readonly names = new Set<string>();
  private readonly kept = new Map<string, Set<string>>();

  constructor(keepSubjectsOf: readonly string[] = []) {
    for (const g of keepSubjectsOf) this.kept.set(g, new Set());
  }

  /** Notes the graph of one quad ('' for the default graph) and, for a kept graph, its subject's n3 id. */
  note(graph: string, subject: string): void {
    if (graph === '') return;
    if (!this.names.has(graph)) this.names.add(ownString(graph));
    const subjects = this.kept.get(graph);
    if (subjects && !subjects.has(subject)) subjects.add(ownString(subject));
  }

  /** True when the dump has a graph of this name. */
  has(iri: string): boolean {
    return this.names.has(iri);
  }

  /** How many named graphs the dump has. */
  get size(): number {
    return this.names.size;
  }

  /** Every graph name. */
  values(): IterableIterator<string> {
    return this.names.values();
  }

  /** The subjects of a kept graph (empty for any other). */
  subjects(iri: string): Term[] {
    return [...(this.kept.get(iri) ?? [])].map((id) => termFromId(id) as Term);
  }
}

/** The dump the server loads: every named graph of the build in one N-Quads file. */
export function datasetPath(distDir: string): string {
  return path.join(distDir, 'dumps', 'dataset.nq');
}

async function ensureDump(file: string): Promise<void> {
  try {
    await fsp.access(file);
  } catch (cause) {
    throw ERR_NOT_READY(`no built dataset at ${file}; run \`npx thesis-lod build\` first (or set DIST_DIR)`, { file }, cause);
  }
}

/**
 * Reads an N-Quads dump into the union of its graphs (each triple once) and the names of its graphs. Documents read the
 * union: an n3 Store indexes each graph apart, so an unbound-graph lookup visits every record's graph, and in one
 * default graph it costs several kilobytes a triple; the UnionStore answers a subject or object in two array reads.
 */
export async function loadUnion(file: string, keepSubjectsOf: readonly string[] = []): Promise<{ store: UnionStore; graphs: GraphNames }> {
  await ensureDump(file);
  const builder = new UnionStoreBuilder();
  const graphs = new GraphNames(keepSubjectsOf);
  await readNQuads(file, (s, p, o, g) => {
    builder.add(s, p, o);
    graphs.note(g, s);
  });
  return { store: builder.finish(), graphs };
}

/** Reads an N-Quads dump into a new n3 Store with its named graphs (what a SPARQL worker queries). */
export async function loadStore(file: string): Promise<GraphStore> {
  await ensureDump(file);
  const store: GraphStore = new Store<Quad, Quad, Quad, Quad>();
  // An n3 Store takes terms as their n3 ids (strings) too: no term objects are made while loading, and the fast
  // reader does the parsing (a third less time than n3's StreamParser feeding the store, for the same store).
  const add = store.addQuad.bind(store) as unknown as (s: string, p: string, o: string, g: string) => void;
  await readNQuads(file, add);
  return store;
}

/** Reads DIST_DIR/redirects.json ({merged:{}, gone:{}}); a missing file means no redirects. */
export async function loadRedirects(distDir: string): Promise<Redirects> {
  const file = path.join(distDir, 'redirects.json');
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { merged: new Map(), gone: new Map() };
    throw err;
  }
  let json: { merged?: Record<string, string>; gone?: Record<string, string> };
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw ERR_CONFIG(`redirects.json is not valid JSON: ${(cause as Error).message}`, { file }, cause);
  }
  const map = (o: Record<string, string> | undefined, field: string) => {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(o ?? {})) {
      if (typeof v !== 'string' || !/^[a-z]+\/[^/]+$/.test(k)) throw ERR_CONFIG(`redirects.json: ${field} entry ${JSON.stringify(k)} must be "kind/id" → string`, { file, field });
      out.set(k, v);
    }
    return out;
  };
  return { merged: map(json.merged, 'merged'), gone: map(json.gone, 'gone') };
}

/** True when some triple (of any graph: the store is their union) has this subject: how the server knows a thing exists (not from its IRI's shape). */
export function hasSubject(store: QuadStore, subject: Term): boolean {
  for (const _ of store.readQuads(subject, null, null, null)) return true;
  return false;
}

async function storePlugin(app: FastifyInstance): Promise<void> {
  const { config } = app;
  const started = Date.now();
  const iris = new Iris(config.baseUri);
  // The dataset and ontology documents are the subjects of their graphs: those two keep their subjects.
  const keep = [iris.graph('dataset').value, iris.graph('ontology').value];
  const [{ store, graphs }, redirects] = await Promise.all([loadUnion(datasetPath(config.distDir), keep), loadRedirects(config.distDir)]);
  app.decorate('store', store);
  app.decorate('graphs', graphs);
  app.decorate('iris', iris);
  app.decorate('urls', new PublicUrls(config.baseUri, config.trustProxy));
  app.decorate('redirects', redirects);
  app.decorate('labels', Labels.index(store));
  app.log.info({ triples: store.size, graphs: graphs.size, ms: Date.now() - started }, 'dataset loaded');
}

export default fp(storePlugin, { name: 'store' });

declare module 'fastify' {
  interface FastifyInstance {
    /** The union of the built dataset's graphs, each triple once (SPARQL workers keep the graphs apart). */
    store: UnionStore;
    /** The dataset's named graphs: which exist, and the subjects of the dataset and ontology graphs. */
    graphs: GraphNames;
    /** IRI minting and parsing for config.baseUri. */
    iris: Iris;
    /** Paths and public absolute URLs for BASE_URI (behind a proxy too). */
    urls: PublicUrls;
    redirects: Redirects;
    /** Label lookup (prefLabel, rdfs:label, schema:name, dcterms:title) with language preference. */
    labels: Labels;
  }
}
