// Writes a graph result (CONSTRUCT, DESCRIBE, the service description) in each RDF syntax the endpoint offers.
import { Writer, type Quad } from 'n3';
import jsonld from 'jsonld';
import { documentContext, serialize } from '../resource/serialize.ts';
import type { GraphFormat } from './formats.ts';

function writeN3(quads: readonly Quad[], format: 'N-Quads'): Promise<string> {
  const writer = new Writer({ format });
  writer.addQuads(quads as Quad[]);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

// Nothing is fetched while writing: the context is inline.
const noRemote = async (url: string): Promise<never> => {
  throw new Error(`JSON-LD tried to load ${url}; results use an inline context only`);
};

/**
 * JSON-LD compacted with the documents' context. The quads go to jsonld as a dataset: handing it N-Quads text
 * instead makes its parser quadratic (30,000 quads: 9 s against 0.04 s), which a large result would feel.
 */
async function writeJsonLd(quads: readonly Quad[], base: string): Promise<string> {
  const expanded = await jsonld.fromRDF(quads as unknown as Parameters<typeof jsonld.fromRDF>[0]);
  const options = { documentLoader: noRemote, skipExpansion: true } as unknown as jsonld.Options.Compact;
  const compacted = await jsonld.compact(expanded, documentContext(base) as jsonld.ContextDefinition, options);
  return `${JSON.stringify(compacted, null, 2)}\n`;
}

/** Serialises quads as one complete document; Turtle, N-Triples and RDF/XML share the writers of the resource pages. */
export function writeGraph(quads: readonly Quad[], format: GraphFormat, base: string): Promise<string> {
  if (format === 'nq') return writeN3(quads, 'N-Quads');
  if (format === 'jsonld') return writeJsonLd(quads, base);
  return serialize(quads, format, base);
}
