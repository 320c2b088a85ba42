// The query store's layout: every named graph as built, plus their union written once into the default graph.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { DataFactory, StreamParser, Store, type Quad } from 'n3';
import { ERR_NOT_READY } from '../../core/errors.ts';

const DEFAULT_GRAPH = DataFactory.defaultGraph();

/**
 * Adds a quad to its graph and its triple to the default graph. The store is a set, so a triple found in
 * several graphs is in the union once (an RDF merge), and a default-graph pattern reads one graph's indexes
 * instead of visiting every named graph (n3 stores are graph-major: 60,000 records are 60,000 graphs).
 */
export function addWithUnion(store: Store, quad: Quad): void {
  store.addQuad(quad);
  if (quad.graph.termType !== 'DefaultGraph') store.addQuad(quad.subject, quad.predicate, quad.object, DEFAULT_GRAPH);
}

/** Streams DIST_DIR/dumps/dataset.nq into a store laid out for SPARQL (named graphs plus their union as the default graph). */
export async function loadUnionStore(file: string): Promise<Store> {
  try {
    await access(file);
  } catch (cause) {
    throw ERR_NOT_READY(`no built dataset at ${file}; run \`npx thesis-lod build\` first (or set DIST_DIR)`, { file }, cause);
  }
  const store = new Store();
  await new Promise<void>((resolve, reject) => {
    const parser = new StreamParser({ format: 'N-Quads' });
    const input = createReadStream(file, { encoding: 'utf8' });
    input.on('error', reject);
    parser.on('error', (err: Error) => reject(ERR_NOT_READY(`cannot parse the dataset: ${err.message}`, { file }, err)));
    parser.on('data', (quad: Quad) => addWithUnion(store, quad));
    parser.on('end', () => resolve());
    input.pipe(parser);
  });
  return store;
}
