// The documents' writers: JSON-LD gives jsonld.js's bytes; RDF/XML is the dump's writer, and two real parsers read every table back.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DataFactory, type Quad, type Term } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { NS, prefixes } from '../../../src/core/vocab.ts';
import { RdfXmlWriter } from '../../../src/core/rdfxml-write.ts';
import { writeJsonLd, writeJsonLdWithJsonld } from '../../../src/server/resource/serialize.ts';
import { writeRdfXml } from '../../../src/server/resource/rdfxml.ts';
import { isomorphic, parse } from '../../helpers/rdf.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;
const B = 'https://lod.example.org/';
const id = (path: string) => namedNode(`${B}id/${path}`);
const n = (prefix: keyof typeof NS, local: string) => namedNode(`${NS[prefix]}${local}`);
const thesis = id('thesis/1.1');
const triples = (...rows: [Term, Term, Term][]) => rows.map(([a, b, c]) => quad(a as Quad['subject'], b as Quad['predicate'], c as Quad['object']));

// Graphs with what documents and SPARQL results hold: every kind of term, text XML and JSON must escape, lists, other vocabularies.
const GRAPHS: [string, Quad[]][] = [
  ['nothing', []],
  ['one statement', triples([thesis, n('dcterms', 'title'), literal('Roads')])],
  ['types, languages and datatypes', triples(
    [thesis, n('rdf', 'type'), n('bibo', 'Thesis')], [thesis, n('rdf', 'type'), n('schema', 'Thesis')],
    [thesis, n('dcterms', 'title'), literal('长春', 'zh')], [thesis, n('dcterms', 'title'), literal('Changchun', 'en-GB')],
    [thesis, n('dcterms', 'issued'), literal('2024', n('xsd', 'gYear'))], [thesis, n('schema', 'numberOfPages'), literal('210', n('xsd', 'integer'))],
    [thesis, n('dcterms', 'abstract'), literal('')], [thesis, n('dcterms', 'alternative'), literal('', 'en')],
  )],
  ['text to escape', triples(
    [thesis, n('dcterms', 'title'), literal('A & B &amp; <c> "q" \'s\' ]]> \n line two\t  ')],
    [thesis, n('schema', 'url'), namedNode('http://example.org/a?b=1&c="2"&amp;d')],
    [thesis, n('dcterms', 'description'), literal('</script><!-- \u2028 \u00e9 \ud83d\ude00', 'en')],
    // A raw CR would be read back as a line feed (XML end-of-line handling): it must be written as a reference.
    [thesis, n('dcterms', 'abstract'), literal('first line\r\nsecond\rthird\u0085', 'en')],
  )],
  ['blank nodes and a list', triples(
    [thesis, n('bibo', 'authorList'), blankNode('l1')], [blankNode('l1'), n('rdf', 'first'), id('person/a')], [blankNode('l1'), n('rdf', 'rest'), blankNode('l2')],
    [blankNode('l2'), n('rdf', 'first'), id('person/b')], [blankNode('l2'), n('rdf', 'rest'), n('rdf', 'nil')],
    [thesis, n('dcterms', 'creator'), blankNode('odd label-1.x')], [blankNode('odd label-1.x'), n('foaf', 'name'), literal('Anon')],
  )],
  ['several subjects, incoming and outside vocabularies', triples(
    [thesis, n('schema', 'mentions'), id('place/changchun')], [id('place/changchun'), n('skos', 'prefLabel'), literal('Changchun', 'en')],
    [id('place/changchun'), n('rdf', 'type'), n('schema', 'Place')], [id('thesis/1.2'), n('schema', 'mentions'), id('place/changchun')],
    [thesis, namedNode('http://example.org/x/prop'), literal('x')], [thesis, namedNode('http://example.org/y#other'), namedNode('urn:isbn:123')],
    [thesis, namedNode(`${B}ontology#supervisor`), id('person/c')], [id('annotation/1.1-9-18#target'), n('oa', 'hasSource'), id('abstract/1.1')],
  )],
];

/** What rdfxml-streaming-parser reads in a document. */
async function streamingParse(text: string): Promise<Quad[]> {
  // validateUri off: one table holds an IRI with a quote, which N-Triples cannot carry but documents must still write.
  const parser = new RdfXmlParser({ dataFactory: DataFactory as never, baseIRI: B, validateUri: false });
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from([text]).pipe(parser).on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', resolve);
  });
  return quads;
}

describe('writeRdfXml: the dump\'s writer, read back by real parsers', () => {
  it.each(GRAPHS)('rdflib and rdfxml-streaming-parser read the same graph: %s', async (_name, quads) => {
    const text = writeRdfXml(quads, B);
    expect(isomorphic(await parse(text, 'rdf', B), quads), 'rdflib').toBe(true);
    expect(isomorphic(await streamingParse(text), quads), 'rdfxml-streaming-parser').toBe(true);
  });

  it.each(GRAPHS.filter(([, q]) => q.length > 0))('writes the node elements the dump writes: %s', (_name, quads) => {
    expect(writeRdfXml(quads, B)).toContain(new RdfXmlWriter(prefixes(B)).write(quads).xml);
  });

  it('declares only the namespaces it uses', () => {
    const text = writeRdfXml(triples([thesis, n('dcterms', 'title'), literal('Roads')]), B);
    expect([...text.matchAll(/xmlns:(\w+)=/g)].map((m) => m[1])).toEqual(['rdf', 'dcterms']);
  });
});

describe('writeJsonLd: jsonld.js\'s fromRDF and compaction, to the byte', () => {
  it.each(GRAPHS)('%s', async (_name, quads) => {
    expect(await writeJsonLd(quads, B)).toBe(await writeJsonLdWithJsonld(quads, B));
  });
});
