// Writes a graph result (CONSTRUCT, DESCRIBE, the service description) in each RDF syntax the endpoint offers.
import { Writer, type Quad } from 'n3';
import { serialize } from '../resource/serialize.ts';
import type { GraphFormat } from './formats.ts';

function writeN3(quads: readonly Quad[], format: 'N-Quads'): Promise<string> {
  const writer = new Writer({ format });
  writer.addQuads(quads as Quad[]);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

/** Serialises quads as one complete document; every syntax but N-Quads shares the writers of the resource pages (JSON-LD too). */
export function writeGraph(quads: readonly Quad[], format: GraphFormat, base: string): Promise<string> {
  if (format === 'nq') return writeN3(quads, 'N-Quads');
  return serialize(quads, format, base);
}
