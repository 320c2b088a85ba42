// The JSON-LD dump: one top-level {"@context", "@graph"} whose node objects are compacted and written a record at a time.
import jsonld from 'jsonld';
import { DataFactory, type Quad } from 'n3';
import { ERR_BUILD } from '../../src/core/errors.ts';
import { DumpFile, type DumpInfo } from './dump-file.ts';

const { quad, defaultGraph } = DataFactory;

/** The value of a JSON-LD `@context`: an object (or array of objects), never a URL to fetch. */
export type JsonLdContext = Record<string, unknown> | Record<string, unknown>[];

/**
 * A document loader that loads nothing: our context is inline, so any remote reference (an `@import`,
 * a context URL slipped into the data) is a bug to report, not a request to make during a build.
 */
export const refuseRemoteContexts = async (url: string): Promise<never> => {
  throw ERR_BUILD(`JSON-LD asked to load ${url}; the build uses its inline context only and fetches nothing`);
};

type JsonNode = Record<string, unknown>;

/** Compacts one graph's quads (as triples) against the context, returning its node objects in jsonld's order. */
export async function compactNodes(quads: readonly Quad[], context: JsonLdContext): Promise<JsonNode[]> {
  const triples = quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
  // fromRDF takes RDF/JS-shaped quads as its dataset; its output is already expanded, so compaction skips expansion.
  const expanded = await jsonld.fromRDF(triples as unknown as object);
  const options = { documentLoader: refuseRemoteContexts, skipExpansion: true } as unknown as jsonld.Options.Compact;
  const compacted = (await jsonld.compact(expanded, { '@context': context } as jsonld.ContextDefinition, options)) as JsonNode;
  delete compacted['@context'];
  if (Array.isArray(compacted['@graph'])) return compacted['@graph'] as JsonNode[];
  return Object.keys(compacted).length > 0 ? [compacted] : [];
}

// Compaction has a high fixed cost per call, so graphs are compacted a few thousand statements at a time.
const BATCH_QUADS = 3000;

/**
 * Streams node objects into one JSON-LD document with the context inline, so it reads offline. Graphs are
 * compacted in batches of about BATCH_QUADS statements: memory stays bounded, and the output depends only
 * on the sequence of graphs written, so it is as deterministic as they are.
 */
export class JsonLdDump {
  private readonly out: DumpFile;
  private readonly context: JsonLdContext;
  private started = false;
  private first = true;
  private pending: Quad[] = [];

  constructor(file: string, context: JsonLdContext) {
    this.out = new DumpFile(file);
    this.context = context;
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.out.write(`{\n"@context": ${JSON.stringify(this.context, null, 1)},\n"@graph": [\n`);
  }

  /** Adds one graph's statements (the union: graph names are dropped); they are written with the next batch. */
  async write(quads: readonly Quad[]): Promise<void> {
    for (const q of quads) this.pending.push(q);
    if (this.pending.length >= BATCH_QUADS) await this.flush();
  }

  private async flush(): Promise<void> {
    await this.start();
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    for (const node of await compactNodes(batch, this.context)) {
      await this.out.write(`${this.first ? '' : ',\n'}${JSON.stringify(node)}`);
      this.first = false;
    }
  }

  /** Abandons the dump after a failed build. */
  destroy(): void {
    this.out.destroy();
  }

  /** Closes the array and the object, and resolves once the file is flushed. */
  async close(): Promise<DumpInfo> {
    await this.flush();
    await this.start();
    await this.out.write('\n]\n}\n');
    return this.out.close();
  }
}
