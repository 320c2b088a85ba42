// One graph in all five syntaxes at once, as bytes ready to append to the dumps: made in whichever thread handled the record.
import { Writer, type NamedNode, type Quad } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { prefixes as prefixesOf } from '../../src/core/vocab.ts';
import { tripleKey } from './canonical.ts';
import { JsonLdCompactor, type JsonLdContext } from './jsonld-compact.ts';
import { RdfXmlWriter } from './rdfxml-write.ts';
import { turtleFragment } from './turtle.ts';
import { emptyCounts, SHARED, Union, type Scope, type UnionCounts } from './union.ts';

/** What one graph adds to each dump, and to the counts. Plain data and byte arrays, so it crosses threads as it is. */
export interface SerializedGraph {
  /** The whole graph, one line per statement with its graph name. */
  nq: Uint8Array;
  /** Only the statements the union does not hold yet (the triple dumps never repeat one). */
  nt: Uint8Array;
  ttl: Uint8Array;
  /** Node objects separated by `,\n` (no leading or trailing separator); empty when nothing is fresh. */
  jsonld: Uint8Array;
  /** Node elements. */
  rdf: Uint8Array;
  /** [prefix, namespace] the RDF/XML root must declare beyond our prefixes. */
  rdfNamespaces: [string, string][];
  /** Statements in `nq`. */
  quads: number;
  /** Statements in each triple dump's part. */
  triples: number;
  /** The VoID counts of the fresh statements (empty when not counted). */
  counts: UnionCounts;
}

const encoder = new TextEncoder();
const lineWriter = new Writer({ format: 'N-Triples' });

// How N-Quads writes a graph name: the n3 Writer's own encoding, taken from a line of three copies of it.
function encodeGraph(graph: NamedNode): string {
  const line = lineWriter.quadToString(graph, graph, graph);
  return line.slice(0, (line.length - 5) / 3);
}

/**
 * Serialises graphs against the union of the shared graphs it has seen. One per thread: the runner's serialises the
 * shared graphs and the description; a worker's is shown the same shared graphs (`share`) and then serialises records, whose fresh statements depend on nothing else, so every thread writes the
 * same bytes for the same record.
 */
export class GraphSerializer {
  private readonly union: Union;
  private readonly prefixes: Record<string, string>;
  private readonly jsonld: JsonLdCompactor;
  private readonly rdfxml: RdfXmlWriter;

  constructor(iris: Iris, context: JsonLdContext) {
    this.union = new Union(iris);
    this.prefixes = prefixesOf(iris.base);
    this.jsonld = new JsonLdCompactor(context);
    this.rdfxml = new RdfXmlWriter(this.prefixes);
  }

  /** Adds a shared graph's statements to the union without writing them (what a worker knows of the runner's dumps). */
  share(quads: readonly Quad[]): void {
    // Counted (into counts of its own) so that the union also remembers the graph's subjects and typings.
    this.union.select(quads, quads.map(tripleKey), SHARED, true, emptyCounts());
  }

  /**
   * Serialises one graph's canonical quads (every quad in `graph`), with their triple keys if the caller has them
   * (canonicalizeKeyed). `scope` SHARED remembers its statements for the rest of the build; `count` false leaves
   * them out of the counts (the description).
   */
  serialize(graph: NamedNode, quads: readonly Quad[], scope: Scope, count = true, keys: readonly string[] = quads.map(tripleKey)): SerializedGraph {
    if (quads.some((q) => !q.graph.equals(graph))) throw new TypeError(`serialize(${graph.value}): every quad must be in that graph`);
    const g = ` ${encodeGraph(graph)} .\n`;
    let nq = '';
    // A key is the N-Triples line without its newline (`<s> <p> <o> .`): the N-Quads line puts the graph before the dot.
    for (const key of keys) nq += key.slice(0, -2) + g;
    const counts = emptyCounts();
    const fresh = this.union.select(quads, keys, scope, count, counts);
    const freshQuads = fresh.map((i) => quads[i]!);
    let nt = '';
    for (const i of fresh) nt += `${keys[i]}\n`;
    const nodes = this.jsonld.nodes(freshQuads);
    let jsonld = '';
    for (let i = 0; i < nodes.length; i++) jsonld += (i === 0 ? '' : ',\n') + JSON.stringify(nodes[i]);
    const rdf = this.rdfxml.write(freshQuads);
    return {
      nq: encoder.encode(nq),
      nt: encoder.encode(nt),
      ttl: encoder.encode(freshQuads.length > 0 ? turtleFragment(freshQuads, this.prefixes) : ''),
      jsonld: encoder.encode(jsonld),
      rdf: encoder.encode(rdf.xml),
      rdfNamespaces: rdf.namespaces,
      quads: quads.length,
      triples: fresh.length,
      counts,
    };
  }
}
