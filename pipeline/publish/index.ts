// The publish stage: writes each graph to the five dumps as it passes, then closes them with their checksums.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { NamedNode, Quad } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { prefixes } from '../../src/core/vocab.ts';
import { writeChecksum, type DumpInfo } from './dump-file.ts';
import { JsonLdDump, type JsonLdContext } from './jsonld-dump.ts';
import { N3Dump } from './n3-dump.ts';
import { RdfXmlDump } from './rdfxml-dump.ts';
import { Union, type Scope, type UnionCounts } from './union.ts';

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

/** Streams graphs into `{distDir}/dumps/dataset.*`; one instance per build. */
export class Publisher {
  private readonly union: Union;
  private readonly nq: N3Dump;
  private readonly ttl: N3Dump;
  private readonly nt: N3Dump;
  private readonly jsonld: JsonLdDump;
  private readonly rdf: RdfXmlDump;
  private closed = false;
  /** Statements written to the N-Quads dump so far. */
  quadCount = 0;
  /** Statements written to each triple dump so far (the union, the description included). */
  tripleCount = 0;

  private constructor(dir: string, iris: Iris, context: JsonLdContext) {
    const p = prefixes(iris.base);
    const file = (ext: DumpExt) => path.join(dir, `dataset.${ext}`);
    this.union = new Union(iris);
    this.nq = new N3Dump(file('nq'), 'N-Quads', p);
    this.ttl = new N3Dump(file('ttl'), 'Turtle', p);
    this.nt = new N3Dump(file('nt'), 'N-Triples', p);
    this.jsonld = new JsonLdDump(file('jsonld'), context);
    this.rdf = new RdfXmlDump(file('rdf'), p);
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
   * dataset graphs, RECORD for a record's). `count` false leaves it out of the VoID counts.
   */
  async publish(graph: NamedNode, quads: readonly Quad[], scope: Scope, count = true): Promise<void> {
    if (quads.some((q) => !q.graph.equals(graph))) throw new TypeError(`publish(${graph.value}): every quad must be in that graph`);
    await this.nq.write(quads);
    this.quadCount += quads.length;
    const fresh = this.union.add(quads, scope, count);
    this.tripleCount += fresh.length;
    await this.ttl.write(fresh);
    await this.nt.write(fresh);
    await this.jsonld.write(fresh);
    await this.rdf.write(fresh);
  }

  /** The VoID counts of everything counted so far. */
  counts(): UnionCounts {
    return this.union.snapshot();
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
