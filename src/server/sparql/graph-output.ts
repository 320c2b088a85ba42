// Writes a graph result (CONSTRUCT, DESCRIBE, the service description) in each RDF syntax the endpoint offers.
import { Writer, type Quad } from 'n3';
import { serialize } from '../resource/serialize.ts';
import type { GraphFormat } from './formats.ts';

function writeNQuads(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ format: 'N-Quads' });
  writer.addQuads(quads as Quad[]);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

/** Serialises quads as one complete document; Turtle, N-Triples, JSON-LD and RDF/XML share the document writers of the resource pages. */
export function writeGraph(quads: readonly Quad[], format: GraphFormat, base: string): Promise<string> {
  if (format === 'nq') return writeNQuads(quads);
  return serialize(quads, format, base);
}
