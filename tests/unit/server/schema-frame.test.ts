// The schema.org JSON-LD block written directly: the same object jsonld.frame gives for the shapes it covers, and no answer for the rest.
import { describe, expect, it } from 'vitest';
import { DataFactory, type Quad, type Term } from 'n3';
import { NS } from '../../../src/core/vocab.ts';
import { frameSchemaNode } from '../../../src/server/views/schema-frame.ts';
import { frameWithJsonld } from '../../../src/server/views/thesis-meta.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;
const B = 'https://lod.example.org/';
const s = (local: string) => namedNode(`${NS.schema}${local}`);
const id = (path: string) => namedNode(`${B}id/${path}`);
const type = namedNode(`${NS.rdf}type`);
const thesis = id('thesis/1.1');
const triples = (...rows: [Term, Term, Term][]) => rows.map(([a, b, c]) => quad(a as Quad['subject'], b as Quad['predicate'], c as Quad['object']));

/** The direct frame equals jsonld's, key order included (the block is JSON text). */
async function shouldFrameAsJsonld(rows: Quad[]): Promise<void> {
  const direct = frameSchemaNode(thesis.value, rows);
  expect(direct).toBeDefined();
  expect(JSON.stringify(direct, null, 2)).toBe(JSON.stringify(await frameWithJsonld(thesis.value, rows), null, 2));
}

describe('frameSchemaNode: the shapes a page frames, as jsonld frames them', () => {
  it.each<[string, Quad[]]>([
    ['a type and a plain name', triples([thesis, type, s('Thesis')], [thesis, s('name'), literal('Roads')])],
    ['two types in statement order, keys sorted', triples([thesis, s('name'), literal('Roads')], [thesis, type, s('Thesis')], [thesis, type, s('CreativeWork')], [thesis, s('about'), literal('x')])],
    ['language-tagged and typed literals', triples(
      [thesis, type, s('Thesis')], [thesis, s('name'), literal('长春', 'zh')], [thesis, s('numberOfPages'), literal('210', namedNode(`${NS.xsd}integer`))],
      [thesis, s('dateCreated'), literal('2024', s('Date'))], [thesis, s('abstract'), literal('Text', 'en-GB')],
    )],
    ['a repeated value kept once, several values in order', triples([thesis, s('keywords'), literal('b')], [thesis, s('keywords'), literal('a')], [thesis, s('keywords'), literal('b')])],
    ['a linked thing embedded where it first appears, referenced after', triples(
      [thesis, type, s('Thesis')], [thesis, s('publisher'), id('organization/ubc')], [thesis, s('mentions'), id('place/x')], [thesis, s('mentions'), id('organization/ubc')],
      [id('organization/ubc'), type, s('Organization')], [id('organization/ubc'), type, s('CollegeOrUniversity')], [id('organization/ubc'), s('name'), literal('UBC')],
      [id('place/x'), s('name'), literal('X')],
    )],
    ['a link to something with no types or name', triples([thesis, s('license'), namedNode('https://creativecommons.org/licenses/by/4.0/')], [thesis, s('sameAs'), namedNode('https://doi.org/10.1/x')], [thesis, s('sameAs'), namedNode('http://hdl.handle.net/1/2')])],
  ])('%s', async (_name, rows) => {
    await shouldFrameAsJsonld(rows);
  });
});

describe('frameSchemaNode: shapes left to jsonld', () => {
  it.each<[string, Quad[]]>([
    ['no statement about the subject', triples([id('place/x'), s('name'), literal('X')])],
    ['a blank node', triples([thesis, s('author'), blankNode('b1')])],
    ['a link back to the subject', triples([thesis, s('sameAs'), thesis])],
    ['a datatype outside xsd and schema.org', triples([thesis, s('text'), literal('<p>x</p>', namedNode(`${NS.rdf}HTML`))])],
    ['a property outside schema.org', triples([thesis, namedNode(`${NS.dcterms}title`), literal('Roads')])],
    ['a linked thing that links on', triples([thesis, s('author'), id('person/a')], [id('person/a'), s('affiliation'), id('organization/ubc')])],
    ['an IRI value the vocabulary would shorten', triples([thesis, s('additionalType'), s('Dissertation')])],
  ])('%s', (_name, rows) => {
    expect(frameSchemaNode(thesis.value, rows)).toBeUndefined();
  });
});
