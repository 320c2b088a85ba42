// The documents' own JSON-LD and RDF/XML writers: the same bytes as the libraries they replace (jsonld.js, xmlbuilder2), table by table.
import { describe, expect, it } from 'vitest';
import { DataFactory, type Quad, type Term } from 'n3';
import { NS } from '../../../src/core/vocab.ts';
import { writeJsonLd, writeJsonLdWithJsonld } from '../../../src/server/resource/serialize.ts';
import { writeRdfXml, writeRdfXmlWithXmlBuilder } from '../../../src/server/resource/rdfxml.ts';
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

// xmlbuilder2 leaves an `&` that already starts an entity reference ("&amp;" in a title) unescaped, so that value read
// back as "&"; our writer escapes every `&`, and otherwise gives xmlbuilder2's bytes.
const entityLike = (quads: Quad[]) => quads.some((q) => /&(?:[A-Za-z]+|#\d+);/.test(q.object.value) || /&(?:[A-Za-z]+|#\d+);/.test(q.subject.value));

describe('writeRdfXml: xmlbuilder2\'s bytes for the flat form', () => {
  it.each(GRAPHS.filter(([, quads]) => !entityLike(quads)))('%s', (_name, quads) => {
    expect(writeRdfXml(quads, B)).toBe(writeRdfXmlWithXmlBuilder(quads, B));
  });

  // rdflib's RDF/XML parser reads U+2028 as a line feed (XML 1.1's rule, not 1.0's): that one character is compared as \n.
  const lineSeparatorAsParsed = (quads: Quad[]) => quads.map((q) => (q.object.termType === 'Literal' && q.object.value.includes('\u2028')
    ? DataFactory.quad(q.subject, q.predicate, DataFactory.literal(q.object.value.replace(/\u2028/g, '\n'), q.object.language || q.object.datatype), q.graph)
    : q));
  it.each(GRAPHS)('reads back as the same graph: %s', async (_name, quads) => {
    expect(isomorphic(await parse(writeRdfXml(quads, B), 'rdf', B), lineSeparatorAsParsed(quads))).toBe(true);
  });
});

describe('writeJsonLd: jsonld.js\'s fromRDF and compaction, to the byte', () => {
  it.each(GRAPHS)('%s', async (_name, quads) => {
    expect(await writeJsonLd(quads, B)).toBe(await writeJsonLdWithJsonld(quads, B));
  });
});
