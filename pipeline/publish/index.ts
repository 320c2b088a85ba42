// The publish stage: appends each graph to the five dumps as it passes, then closes them with their checksums.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { NamedNode, Quad } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { prefixes } from '../../src/core/vocab.ts';
import { DumpFile, writeChecksum, type DumpInfo } from './dump-file.ts';
import { JsonLdDump, type JsonLdContext } from './jsonld-dump.ts';
import { RdfXmlDump } from './rdfxml-dump.ts';
import { GraphSerializer, type SerializedGraph } from './serialize.ts';
import { turtleHeader } from './turtle.ts';
import { emptyCounts, mergeCounts, type Scope, type UnionCounts } from './union.ts';

/** Dump syntaxes, by file extension, with the media type the description announces. */
export const DUMP_FORMATS = [
  { ext: 'ttl', mediaType: 'text/turtle' },
  { ext: 'nt', mediaType: 'application/n-triples' },
  { ext: 'nq', mediaType: 'application/n-quads' },
  { ext: 'jsonld', mediaType: 'application/ld+json' },
  { ext: 'rdf', mediaType: 'application/rdf+xml' },
] as const;
export type DumpExt = (typeof DUMP_FORMATS)[number]['ext'];

/** A finished dump and its checksum file. */
export interface PublishedDump extends DumpInfo {
  ext: DumpExt;
  checksumFile: string;
}

/** The dumps directory inside a DIST_DIR. */
export function dumpsDir(distDir: string): string {
  return path.join(distDir, 'dumps');
}

/**
 * Streams graphs into `{distDir}/dumps/dataset.*`; one instance per build. Graphs come serialised (SerializedGraph,
 * made in a worker thread for records) or as quads, serialised here by the publisher's own GraphSerializer, which
 * holds the union of the shared graphs; what it holds must be what the workers' serialisers hold.
 */
export class Publisher {
  private readonly serializer: GraphSerializer;
  private readonly nq: DumpFile;
  private readonly ttl: DumpFile;
  private readonly nt: DumpFile;
  private readonly jsonld: JsonLdDump;
  private readonly rdf: RdfXmlDump;
  private readonly union: UnionCounts = emptyCounts();
  private closed = false;
  /** Statements written to the N-Quads dump so far. */
  quadCount = 0;
  /** Statements written to each triple dump so far (the union, the description included). */
  tripleCount = 0;

  private constructor(dir: string, iris: Iris, context: JsonLdContext) {
    const p = prefixes(iris.base);
    const file = (ext: DumpExt) => path.join(dir, `dataset.${ext}`);
    this.serializer = new GraphSerializer(iris, context);
    this.nq = new DumpFile(file('nq'));
    this.ttl = new DumpFile(file('ttl'));
    this.nt = new DumpFile(file('nt'));
    this.jsonld = new JsonLdDump(file('jsonld'), context);
    this.rdf = new RdfXmlDump(file('rdf'), p);
    void this.ttl.write(turtleHeader(p));
  }

  /** Opens the five dumps under `{distDir}/dumps/`. */
  static async open(distDir: string, iris: Iris, context: JsonLdContext): Promise<Publisher> {
    const dir = dumpsDir(distDir);
    await mkdir(dir, { recursive: true });
    return new Publisher(dir, iris, context);
  }

  /**
   * Publishes one named graph (canonical quads, see canonical.ts): N-Quads keeps it whole in its graph;
   * the triple syntaxes get what the union does not hold yet (`scope`: SHARED for the authority, ontology and
   * dataset graphs, RECORD for a record's). `count` false leaves it out of the VoID counts; `keys` are the quads'
   * triple keys when known.
   */
  async publish(graph: NamedNode, quads: readonly Quad[], scope: Scope, options: { count?: boolean; keys?: readonly string[] } = {}): Promise<void> {
    await this.append(this.serializer.serialize(graph, quads, scope, options));
  }

  /** The serialiser the publisher writes its own graphs with (the runner's record processor shares it: records leave it as it is). */
  get graphSerializer(): GraphSerializer {
    return this.serializer;
  }

  /** Appends a graph serialised elsewhere (GraphSerializer.serialize), in the order graphs are to appear. */
  async append(part: SerializedGraph): Promise<void> {
    if (this.closed) throw new TypeError('the dumps are closed');
    await this.nq.write(part.nq);
    await this.ttl.write(part.ttl);
    await this.nt.write(part.nt);
    await this.jsonld.write(part.jsonld);
    await this.rdf.write(part.rdf, part.rdfNamespaces);
    this.quadCount += part.quads;
    this.tripleCount += part.triples;
    mergeCounts(this.union, part.counts);
  }

  /** The VoID counts of everything counted so far. */
  counts(): UnionCounts {
    return { ...this.union, properties: new Map(this.union.properties), classes: new Map(this.union.classes) };
  }

  /** Finishes every dump and writes its `.sha256`; returns them in DUMP_FORMATS order. */
  async close(): Promise<PublishedDump[]> {
    this.closed = true;
    const infos: Record<DumpExt, DumpInfo> = {
      ttl: await this.ttl.close(),
      nt: await this.nt.close(),
      nq: await this.nq.close(),
      jsonld: await this.jsonld.close(),
      rdf: await this.rdf.close(),
    };
    const out: PublishedDump[] = [];
    for (const { ext } of DUMP_FORMATS) out.push({ ext, ...infos[ext], checksumFile: await writeChecksum(infos[ext]) });
    return out;
  }

  /** Abandons every dump after a failed build (the runner then removes the folder). */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    for (const dump of [this.ttl, this.nt, this.nq, this.jsonld, this.rdf]) dump.destroy();
  }
}
