// RDF/XML documents through the project's one RDF/XML writer (src/core/rdfxml-write.ts, which writes the dump too).
import type { Quad } from 'n3';
import { prefixes } from '../../core/vocab.ts';
import { RdfXmlWriter, writeRdfXmlDocument } from '../../core/rdfxml-write.ts';

// Why not rdflib's serializer: rdflib 2.4 writes a node with only a type as a typed element holding whitespace, which
// rdflib's own parser then reads as an rdf:value literal, and nests blank nodes as parseType="Resource" even in cycles.
// rdflib stays what it is good at here: reading RDF/XML (the round-trip tests read every document back with it).

// One writer per deployment base: it caches the element names of the vocabulary it meets.
const writers = new Map<string, RdfXmlWriter>();

/** Writes triples as one RDF/XML document (graph names ignored), declaring only the namespaces its names use. */
export function writeRdfXml(quads: readonly Quad[], base: string): string {
  const known = prefixes(base);
  let writer = writers.get(base);
  if (!writer) writers.set(base, (writer = new RdfXmlWriter(known)));
  return writeRdfXmlDocument(writer, known, quads);
}
