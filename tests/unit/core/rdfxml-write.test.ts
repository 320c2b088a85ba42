// The RDF/XML writer: graphs that tend to break serialisers, written as a dump and read back by two parsers (rdflib, rdfxml-streaming-parser).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DataFactory, type Quad } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefixes } from '../../../src/core/vocab.ts';
import { RdfXmlDump } from '../../../pipeline/publish/rdfxml-dump.ts';
import { generatedPrefix, RdfXmlWriter, splitQName, xmlSafe } from '../../../src/core/rdfxml-write.ts';
import { isomorphic, parse, triplesOf } from '../../helpers/rdf.ts';

const { quad, namedNode, blankNode, literal } = DataFactory;
const BASE = 'http://localhost:8080/';
const P = prefixes(BASE);
const s = (local: string) => namedNode(`${BASE}id/thing/${local}`);
const dct = (l: string) => namedNode(`http://purl.org/dc/terms/${l}`);
const rdf = (l: string) => namedNode(`http://www.w3.org/1999/02/22-rdf-syntax-ns#${l}`);
const xsd = (l: string) => namedNode(`http://www.w3.org/2001/XMLSchema#${l}`);

let tmp: string;
let n = 0;
beforeAll(async () => { tmp = await mkdtemp(path.join(os.tmpdir(), 'rdfxml-')); });
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

/** The graphs written as one RDF/XML dump (each a fragment, as records are), and its text. */
async function dump(...graphs: Quad[][]): Promise<string> {
  const file = path.join(tmp, `d${n++}.rdf`);
  const out = new RdfXmlDump(file, P);
  const writer = new RdfXmlWriter(P);
  for (const g of graphs) {
    const { xml, namespaces } = writer.write(g);
    await out.write(new TextEncoder().encode(xml), namespaces);
  }
  await out.close();
  return readFile(file, 'utf8');
}

/** What rdfxml-streaming-parser reads in a document. */
async function streamingParse(text: string): Promise<Quad[]> {
  const parser = new RdfXmlParser({ dataFactory: DataFactory as never, baseIRI: 'http://example.invalid/' });
  const quads: Quad[] = [];
  await new Promise<void>((resolve, reject) => {
    Readable.from([text]).pipe(parser).on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', resolve);
  });
  return quads;
}

async function expectRoundTrip(...graphs: Quad[][]): Promise<string> {
  const text = await dump(...graphs);
  const expected = triplesOf(graphs.flat());
  expect(isomorphic(await parse(text, 'rdf'), expected), 'rdflib').toBe(true);
  expect(isomorphic(await streamingParse(text), expected), 'rdfxml-streaming-parser').toBe(true);
  return text;
}

const CASES: [string, Quad[]][] = [
  ['literals with XML-special characters', [
    quad(s('a'), dct('title'), literal('Tom & Jerry <b>bold</b> "quoted" \'single\' ]]> end')),
    quad(s('a'), dct('description'), literal('tab\there, LF\nthere, CR LF\r\nand a lone CR\rend')),
    quad(s('a'), dct('alternative'), literal('  leading and trailing spaces  ')),
    quad(s('a'), dct('abstract'), literal('astral 𝄞, ZWJ 👩‍🔬, C1 \u0085 control')),
  ]],
  ['empty literals, plain, tagged and typed', [
    quad(s('a'), dct('alternative'), literal('')),
    quad(s('a'), dct('title'), literal('', 'en')),
    quad(s('a'), dct('identifier'), literal('', xsd('token'))),
  ]],
  ['language tags and datatypes', [
    quad(s('a'), dct('title'), literal('Москва', 'ru')),
    quad(s('a'), dct('title'), literal('colour', 'en-CA')),
    quad(s('a'), dct('issued'), literal('2025', xsd('gYear'))),
    quad(s('a'), dct('extent'), literal('12', xsd('integer'))),
    quad(s('a'), dct('title'), literal('string typed', xsd('string'))),
    quad(s('a'), dct('rights'), literal('<p>x</p>', rdf('XMLLiteral'))),
    quad(s('a'), dct('odd'), literal('x', namedNode('http://unknown.example/ns/custom&type'))),
  ]],
  ['blank nodes as subjects and objects, nested two deep', [
    quad(s('a'), dct('funding'), blankNode('r1_x0')),
    quad(blankNode('r1_x0'), rdf('type'), namedNode('http://schema.org/Grant')),
    quad(blankNode('r1_x0'), dct('funder'), blankNode('r1_x1')),
    quad(blankNode('r1_x1'), dct('title'), literal('Nested funder')),
  ]],
  ['an rdf:List', [
    quad(s('a'), namedNode('http://purl.org/ontology/bibo/authorList'), blankNode('r1_x0')),
    quad(blankNode('r1_x0'), rdf('first'), s('x')),
    quad(blankNode('r1_x0'), rdf('rest'), blankNode('r1_x1')),
    quad(blankNode('r1_x1'), rdf('first'), literal('a literal item')),
    quad(blankNode('r1_x1'), rdf('rest'), rdf('nil')),
  ]],
  ['IRIs that cannot be QNames, as subjects, objects and classes', [
    quad(namedNode('http://example.org/123'), dct('title'), literal('subject ending in digits')),
    quad(namedNode('http://example.org/path/'), rdf('type'), namedNode('http://example.org/classes/42')),
    quad(namedNode('http://example.org/path/'), dct('relation'), namedNode('urn:isbn:978-3-16-148410-0')),
    quad(namedNode('http://example.org/q?a=1&b=2'), dct('relation'), namedNode('http://example.org/x#frag?not-query')),
    quad(namedNode('http://example.org/only-typed/'), rdf('type'), namedNode('http://example.org/classes/')),
  ]],
  ['typed node elements: one type names the element, the others and reserved names stay properties', [
    quad(s('a'), rdf('type'), namedNode('http://schema.org/Thesis')),
    quad(s('a'), rdf('type'), namedNode('http://purl.org/ontology/bibo/Thesis')),
    quad(s('b'), rdf('type'), rdf('Description')),
    quad(s('c'), rdf('type'), literal('a literal type')),
    quad(s('d'), rdf('type'), namedNode('http://schema.org/Place')),
  ]],
  ['properties outside our prefixes and with unusual local names', [
    quad(s('a'), namedNode('http://unknown.example/ns/odd'), literal('x')),
    quad(s('a'), namedNode('http://unknown.example/p/123abc'), literal('split after the digits')),
    quad(s('a'), namedNode('http://unknown.example/vocab#has-part.v2'), s('b')),
    quad(s('a'), rdf('_1'), literal('member')),
    quad(s('a'), rdf('value'), literal('value')),
  ]],
];

describe('RdfXmlWriter', () => {
  it.each(CASES)('%s read back isomorphic by both parsers', async (_name, quads) => {
    await expectRoundTrip(quads);
  });

  it('keeps every graph of a dump apart and declares a namespace outside ours once, in the root', async () => {
    const text = await expectRoundTrip(...CASES.map(([, q]) => q));
    const root = text.slice(0, text.indexOf('>', text.indexOf('<rdf:RDF')));
    const prefix = generatedPrefix('http://unknown.example/ns/');
    expect(root).toContain(`xmlns:${prefix}="http://unknown.example/ns/"`);
    expect(text.split(`xmlns:${prefix}=`)).toHaveLength(2);
    expect(text.match(/<rdf:RDF\b/g)).toHaveLength(1);
  });

  it('writes a subject stated only by its type as an empty element, so no parser reads whitespace as a value', async () => {
    const text = await expectRoundTrip([quad(s('a'), rdf('type'), namedNode('http://schema.org/Place'))]);
    expect(text).toContain(`<schema:Place rdf:about="${s('a').value}"/>`);
  });

  it.each([
    ['http://schema.org/name', 'http://schema.org/', 'name'],
    ['http://example.org/p/123abc', 'http://example.org/p/123', 'abc'],
    ['http://example.org/vocab#has-part.v2', 'http://example.org/vocab#', 'has-part.v2'],
  ])('cuts %s into %s and %s', (iri, namespace, local) => {
    expect(splitQName(iri)).toEqual({ namespace, local });
  });

  it.each([
    ['a predicate ending in a slash', quad(s('a'), namedNode('http://example.org/p/'), literal('x'))],
    ['a predicate ending in digits only', quad(s('a'), namedNode('urn:x:123'), literal('x'))],
    ['rdf:li, which RDF/XML turns into rdf:_n', quad(s('a'), rdf('li'), literal('x'))],
    ['rdf:about as a predicate', quad(s('a'), rdf('about'), literal('x'))],
  ])('refuses %s (the record is rejected before any writer sees it)', (_name, q) => {
    expect(xmlSafe([q])).toMatchObject({ ok: false, predicate: q.predicate.value });
  });

  it('refuses characters XML 1.0 cannot carry, in literals and IRIs', () => {
    expect(xmlSafe([quad(s('a'), dct('title'), literal('bell \u0007'))])).toMatchObject({ ok: false });
    expect(xmlSafe([quad(s('a\uFFFE'), dct('title'), literal('x'))])).toMatchObject({ ok: false });
    expect(xmlSafe(CASES.flatMap(([, q]) => q))).toEqual({ ok: true });
  });
});
