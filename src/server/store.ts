// The store plugin: loads the compact quad store (DIST_DIR/store/dataset.tlq) once into shared memory, and decorates the app with it, the graph names, IRIs, redirects and labels.
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import type { Quad, Term } from 'n3';
import type { FastifyInstance } from 'fastify';
import { Iris } from '../core/iri.ts';
import { ERR_NOT_READY, ERR_CONFIG } from '../core/errors.ts';
import { Labels } from './labels.ts';
import { PublicUrls } from './public-url.ts';
import { QuadStore as CompactStore } from '../store/quad-store.ts';
import { noEmbeddedStore } from './data/external/no-embedded-store.ts';
import { readStoreFile, storeFromNQuads, storePath, StoreFormatError, type StoreBuffers } from '../store/store-file.ts';

/** What the authority file and the ledger say about ids that no longer denote what they did: keys `kind/id`. */
export interface Redirects {
  /** Old `kind/id` → successor `kind/id` (answered with 301). */
  merged: Map<string, string>;
  /** `kind/id` → reason (answered with 410 Gone). */
  gone: Map<string, string>;
}

type OTerm = Term | string | null;

/**
 * What documents, pages and labels read: an n3 Store's read methods with the graph left unbound, yielding n3 Quads (whose
 * terms have n3's helpers, such as equals and id), each triple once. The server's is the compact store (src/store/);
 * an n3 Store of one graph fits too (tests build small ones).
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

/** The named graphs of the store: which exist (for the 303s of /graph/…), and the subjects of one (B dataset, B ontology). */
export class GraphNames {
  private readonly ids = new Map<string, number>();

  constructor(private readonly store: CompactStore) {
    for (const id of store.graphIds()) {
      const term = store.term(id);
      if (term.termType === 'NamedNode') this.ids.set(term.value, id);
    }
  }

  /** True when the dataset has a graph of this name. */
  has(iri: string): boolean {
    return this.ids.has(iri);
  }

  /** How many named graphs the dataset has. */
  get size(): number {
    return this.ids.size;
  }

  /** Every graph name. */
  values(): IterableIterator<string> {
    return this.ids.keys();
  }

  /** The distinct subjects of a graph (empty for a graph the dataset lacks). */
  subjects(iri: string): Term[] {
    const id = this.ids.get(iri);
    return id === undefined ? [] : this.store.subjectsOf(id).map((s) => this.store.term(s));
  }
}

/** The N-Quads dump: every named graph of the build in one file (what the store is made from). */
export function datasetPath(distDir: string): string {
  return path.join(distDir, 'dumps', 'dataset.nq');
}

/**
 * The store of a DIST_DIR: its load file (checked against its sha256) when the build wrote one in this format, else made
 * in memory from the N-Quads dump (a DIST_DIR of an older build, or a test fixture), which costs a parse.
 */
export async function loadStoreBuffers(distDir: string): Promise<{ buffers: StoreBuffers; from: 'store file' | 'N-Quads dump' }> {
  const file = storePath(distDir);
  const exists = await fsp.access(file).then(() => true, () => false);
  if (exists) {
    try {
      return { buffers: await readStoreFile(file), from: 'store file' };
    } catch (err) {
      // A build of an older release: its dump says the same, only slower to read. A damaged file is an error.
      if (!(err instanceof StoreFormatError)) throw err;
    }
  }
  const dump = datasetPath(distDir);
  try {
    await fsp.access(dump);
  } catch (cause) {
    throw ERR_NOT_READY(`no built dataset at ${dump}; run \`npx thesis-lod build\` first (or set DIST_DIR)`, { file: dump }, cause);
  }
  return { buffers: await storeFromNQuads(dump), from: 'N-Quads dump' };
}

/** Opens the store of a DIST_DIR (see loadStoreBuffers). */
export async function loadStore(distDir: string): Promise<CompactStore> {
  return new CompactStore((await loadStoreBuffers(distDir)).buffers);
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
  if (config.store === 'sparql') {
    // An external store holds the data (src/server/data/external/): nothing is loaded into this process.
    app.decorate('iris', iris);
    app.decorate('urls', new PublicUrls(config.baseUri, config.trustProxy));
    app.decorate('redirects', await loadRedirects(config.distDir));
    const standIn = noEmbeddedStore();
    app.decorate('store', standIn.store);
    app.addHook('onReady', async function embeddedStoreAbsent() {
      standIn.started();
    });
    return;
  }
  const [{ buffers, from }, redirects] = await Promise.all([loadStoreBuffers(config.distDir), loadRedirects(config.distDir)]);
  const store = new CompactStore(buffers);
  app.decorate('store', store);
  app.decorate('storeBuffers', buffers);
  app.decorate('graphs', new GraphNames(store));
  app.decorate('iris', iris);
  app.decorate('urls', new PublicUrls(config.baseUri, config.trustProxy));
  app.decorate('redirects', redirects);
  app.decorate('labels', Labels.index(store));
  app.log.info({ quads: store.quadCount, triples: store.size, terms: store.dictionary.size, bytes: buffers.buffer.byteLength, from, ms: Date.now() - started }, 'dataset loaded');
}

export default fp(storePlugin, { name: 'store' });

declare module 'fastify' {
  interface FastifyInstance {
    /** The compact quad store: reads with the graph open see the union of the graphs, each triple once. */
    store: CompactStore;
    /** The store's shared memory, handed to the SPARQL workers (they share it, nothing is copied). */
    storeBuffers: StoreBuffers;
    /** The dataset's named graphs: which exist, and the subjects of each. */
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
