// One graph in all five syntaxes at once, as bytes ready to append to the dumps: made in whichever thread handled the record.
import { Writer, type NamedNode, type Quad } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { prefixes as prefixesOf } from '../../src/core/vocab.ts';
import { tripleKey } from './canonical.ts';
import { JsonLdCompactor, type JsonLdContext } from '../../src/core/jsonld-compact.ts';
import { RdfXmlWriter } from '../../src/core/rdfxml-write.ts';
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

/** How a graph is to be serialised beyond its quads and scope. */
export interface SerializeOptions {
  /** Count its statements for VoID (default true). */
  count?: boolean;
  /** The quads' triple keys, when known. */
  keys?: readonly string[];
  /** No key repeats. */
  distinct?: boolean;
}

const encoder = new TextEncoder();
const lineWriter = new Writer({ format: 'N-Triples' });

// How N-Quads writes a graph name: the n3 Writer's own encoding, taken from a line of three copies of it.
function encodeGraph(graph: NamedNode): string {
  const line = lineWriter.quadToString(graph, graph, graph);
  return line.slice(0, (line.length - 5) / 3);
}

/**
 * The N-Quads of a graph and the N-Triples of its fresh statements, from one UTF-8 encoding of the keys. A key is an
 * N-Triples line without its newline (`<s> <p> <o> .`, with every newline in it escaped); its N-Quads line puts the
 * graph name before the dot.
 */
function lines(keys: readonly string[], fresh: readonly number[], graph: NamedNode): { nq: Uint8Array; nt: Uint8Array } {
  if (keys.length === 0) return { nq: new Uint8Array(0), nt: new Uint8Array(0) };
  const bytes = encoder.encode(`${keys.join('\n')}\n`);
  const tail = encoder.encode(`${encodeGraph(graph)} .\n`);
  const ends = new Uint32Array(keys.length);
  for (let i = 0, from = 0; i < keys.length; i++) {
    ends[i] = bytes.indexOf(10, from);
    from = ends[i]! + 1;
  }
  const nq = new Uint8Array(bytes.length - keys.length * 2 + keys.length * tail.length);
  for (let i = 0, start = 0, at = 0; i < keys.length; i++) {
    const keep = ends[i]! - 1; // up to the space before the dot
    nq.set(bytes.subarray(start, keep), at);
    at += keep - start;
    nq.set(tail, at);
    at += tail.length;
    start = ends[i]! + 1;
  }
  if (fresh.length === keys.length) return { nq, nt: bytes };
  let size = 0;
  for (const i of fresh) size += ends[i]! + 1 - (i === 0 ? 0 : ends[i - 1]! + 1);
  const nt = new Uint8Array(size);
  let at = 0;
  for (const i of fresh) {
    const start = i === 0 ? 0 : ends[i - 1]! + 1;
    nt.set(bytes.subarray(start, ends[i]! + 1), at);
    at += ends[i]! + 1 - start;
  }
  return { nq, nt };
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
  share(quads: readonly Quad[], keys: readonly string[] = quads.map(tripleKey)): void {
    // Counted (into counts of its own) so that the union also remembers the graph's subjects and typings.
    this.union.select(quads, keys, SHARED, true, emptyCounts());
  }

  /**
   * Serialises one graph's canonical quads (every quad in `graph`). `scope` SHARED remembers its statements for the
   * rest of the build; `count` false leaves them out of the counts (the description); `keys` are their triple keys
   * if the caller has them (canonicalizeKeyed), `distinct` that no key repeats.
   */
  serialize(graph: NamedNode, quads: readonly Quad[], scope: Scope, options: SerializeOptions = {}): SerializedGraph {
    if (quads.some((q) => !q.graph.equals(graph))) throw new TypeError(`serialize(${graph.value}): every quad must be in that graph`);
    const keys = options.keys ?? quads.map(tripleKey);
    const counts = emptyCounts();
    const fresh = this.union.select(quads, keys, scope, options.count ?? true, counts, options.distinct);
    const freshQuads = fresh.length === quads.length ? quads : fresh.map((i) => quads[i]!);
    const { nq, nt } = lines(keys, fresh, graph);
    const nodes = this.jsonld.nodes(freshQuads);
    let jsonld = '';
    for (let i = 0; i < nodes.length; i++) jsonld += (i === 0 ? '' : ',\n') + JSON.stringify(nodes[i]);
    const rdf = this.rdfxml.write(freshQuads);
    return {
      nq,
      nt,
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
