// Writes a graph result (CONSTRUCT, DESCRIBE, the service description) in each RDF syntax the endpoint offers.
import type { Quad } from 'n3';
import { serialize, writeN3 } from '../resource/serialize.ts';
import type { GraphFormat } from './formats.ts';

/** Serialises quads as one complete document; every syntax but N-Quads shares the writers of the resource pages (JSON-LD too). */
export function writeGraph(quads: readonly Quad[], format: GraphFormat, base: string): Promise<string> {
  if (format === 'nq') return writeN3(quads, 'N-Quads', base);
  return serialize(quads, format, base);
}
