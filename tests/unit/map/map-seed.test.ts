// The map stage on the seed record: exact triples (title byte for byte, creator, typed dates, licence, DOI, collection, language) and no triple for an empty field.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { map } from '../../../pipeline/map.ts';
import { readUbcOcText } from '../../../pipeline/ingest/ubc-oc-text.ts';
import { loadAuthority } from '../../../pipeline/authority.ts';
import { isomorphic } from 'rdf-isomorphic';
import { DataFactory } from 'n3';
import { Iris } from '../../../src/core/iri.ts';
import { SEED_FILE, emptyAuthority, expectTriples, iris, lit, n, objects, seedRecord, testAuthority } from './helpers.ts';

const thesis = n('@id/thesis/1.0449833');
const abstractNode = n('@id/abstract/1.0449833');
const TITLE = 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China\u2019s First Automobile Work)';

describe('map: the seed record (hand-made record, in-test authority)', () => {
  const quads = map(seedRecord(), iris, testAuthority());

  it('types the thesis for schema.org, BIBO and Dublin Core', () => {
    expectTriples(quads, [
      [thesis, n('rdf:type'), n('schema:Thesis')],
      [thesis, n('rdf:type'), n('bibo:Thesis')],
      [thesis, n('dcterms:type'), n('dcmitype:Text')],
      [thesis, n('dcterms:identifier'), lit('1.0449833')],
    ]);
  });

  it('keeps the title byte for byte, typographic apostrophe included', () => {
    expect(objects(quads, thesis, n('dcterms:title'))).toEqual([lit(TITLE)]);
    expect(objects(quads, thesis, n('schema:name'))).toEqual([lit(TITLE)]);
    const title = objects(quads, thesis, n('dcterms:title'))[0]!;
    expect(Buffer.from(title.value, 'utf8').equals(Buffer.from(TITLE, 'utf8'))).toBe(true);
    expect(title.value).toContain('\u2019');
  });

  it('links the creator from the authority file, in an ordered list', () => {
    const liYi = n('@id/person/li-yi');
    expectTriples(quads, [[thesis, n('dcterms:creator'), liYi], [thesis, n('schema:author'), liYi]]);
    const [list] = objects(quads, thesis, n('bibo:authorList'));
    expect(list?.termType).toBe('BlankNode');
    expectTriples(quads, [[list!, n('rdf:first'), liYi], [list!, n('rdf:rest'), n('rdf:nil')]]);
    // An authority person is described in the authority graph, not again in the record's.
    expect(quads.filter((q) => q.subject.equals(liYi))).toEqual([]);
  });

  it('types dates at their precision', () => {
    expectTriples(quads, [
      [thesis, n('dcterms:issued'), lit('2025', 'gYear')],
      [thesis, n('schema:datePublished'), lit('2025', 'gYear')],
      [thesis, n('dcterms:available'), lit('2025-08-22', 'date')],
      [thesis, n('tl:graduationDate'), lit('2025-11', 'gYearMonth')],
    ]);
  });

  it('gives the language as the LOC ISO 639-2 IRI and the BCP 47 tag', () => {
    expect(objects(quads, thesis, n('dcterms:language'))).toEqual([n('<http://id.loc.gov/vocabulary/iso639-2/eng>')]);
    expect(objects(quads, thesis, n('schema:inLanguage'))).toEqual([lit('en')]);
  });

  it('keeps the rights text and gives the Creative Commons licence IRI', () => {
    const cc = n('<https://creativecommons.org/licenses/by-nc-nd/4.0/>');
    expectTriples(quads, [
      [thesis, n('dcterms:rights'), lit('Attribution-NonCommercial-NoDerivatives 4.0 International')],
      [thesis, n('dcterms:license'), cc],
      [thesis, n('schema:license'), cc],
      [abstractNode, n('dcterms:license'), cc],
    ]);
  });

  it('gives the DOI bare and as the resolver IRI, the thesis itself: never a source it was derived from', () => {
    const doi = n('<https://doi.org/10.14288/1.0449833>');
    expectTriples(quads, [
      [thesis, n('bibo:doi'), lit('10.14288/1.0449833')],
      [thesis, n('schema:sameAs'), doi],
      [thesis, n('schema:identifier'), lit('https://doi.org/10.14288/1.0449833')],
    ]);
    expect(quads.filter((q) => q.predicate.equals(n('prov:wasDerivedFrom')))).toEqual([]);
  });

  it('puts the thesis in the collection resource', () => {
    const coll = n('@id/collection/ubc-theses-and-dissertations');
    expectTriples(quads, [
      [thesis, n('dcterms:isPartOf'), coll],
      [thesis, n('schema:isPartOf'), coll],
      [coll, n('rdf:type'), n('dcmitype:Collection')],
      [coll, n('dcterms:title'), DataFactory.literal('UBC Theses and Dissertations', 'en')],
    ]);
  });

  it('links publisher, grantor and provider to the authority organisations (provider is not a publisher)', () => {
    const ubc = n('@id/organization/ubc');
    const library = n('@id/organization/ubc-library');
    expectTriples(quads, [
      [thesis, n('dcterms:publisher'), ubc],
      [thesis, n('schema:publisher'), ubc],
      [thesis, n('tl:degreeGrantor'), ubc],
      [thesis, n('tl:provider'), library],
    ]);
    expect(objects(quads, thesis, n('dcterms:publisher'))).toEqual([ubc]);
  });

  it('gives the abstract as literals and as a resource of its own', () => {
    const text = seedRecord().abstract!.value;
    expectTriples(quads, [
      [thesis, n('dcterms:abstract'), lit(text)],
      [thesis, n('schema:abstract'), lit(text)],
      [thesis, n('tl:hasAbstract'), abstractNode],
      [abstractNode, n('rdf:type'), n('tl:Abstract')],
      [abstractNode, n('rdf:value'), lit(text)],
      [abstractNode, n('schema:text'), lit(text)],
      [abstractNode, n('dcterms:isPartOf'), thesis],
    ]);
  });

  it('keeps the description paragraphs, scholarly level and source repository', () => {
    const description = objects(quads, thesis, n('dcterms:description'))[0]!.value;
    expect(description.split('\n')).toHaveLength(3);
    expectTriples(quads, [
      [thesis, n('tl:scholarlyLevel'), lit('Graduate')],
      [thesis, n('tl:aggregatedSourceRepository'), lit('DSpace')],
    ]);
  });

  it.each([
    ['Supervisor', 'tl:supervisor'], ['Supervisor', 'dcterms:contributor'], ['Genre', 'schema:genre'],
    ['Type', 'schema:additionalType'], ['URI', 'bibo:handle'], ['URI', 'schema:url'], ['Degree', 'schema:inSupportOf'],
    ['Degree', 'bibo:degree'], ['Program', 'tl:program'], ['Affiliation', 'schema:sourceOrganization'],
    ['Campus', 'tl:campus'], ['Subject', 'dcterms:subject'], ['Alternative title', 'dcterms:alternative'],
  ])('writes no triple for the empty %s field (%s)', (_field, predicate) => {
    expect(objects(quads, thesis, n(predicate))).toEqual([]);
  });

  it('writes no empty literal and no duplicate quad', () => {
    expect(quads.filter((q) => q.object.termType === 'Literal' && q.object.value.trim() === '')).toEqual([]);
    const keys = quads.map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes every quad in the default graph', () => {
    expect(quads.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
  });

  it('is deterministic', () => {
    const again = map(seedRecord(), iris, testAuthority());
    expect(again.map((q) => q.toJSON())).toEqual(quads.map((q) => q.toJSON()));
  });

  it('mints record-scoped people and organisations when the authority knows nothing', () => {
    const alone = map(seedRecord(), iris, emptyAuthority());
    const person = n('@id/person/1.0449833-creator-1');
    expectTriples(alone, [
      [thesis, n('dcterms:creator'), person],
      [person, n('rdf:type'), n('schema:Person')],
      [person, n('schema:name'), lit('Li, Yi')],
      [person, n('foaf:name'), lit('Li, Yi')],
      [person, n('schema:familyName'), lit('Li')],
      [person, n('schema:givenName'), lit('Yi')],
      [thesis, n('dcterms:publisher'), n('@id/organization/1.0449833-publisher-1')],
      [thesis, n('tl:degreeGrantor'), n('@id/organization/1.0449833-grantor-1')],
      [thesis, n('tl:provider'), n('@id/organization/1.0449833-provider-1')],
      [n('@id/organization/1.0449833-provider-1'), n('schema:name'), lit('Vancouver : University of British Columbia Library')],
    ]);
  });

  it('mints every IRI on the configured base', () => {
    const other = 'https://theses.example.org/lod/';
    const quadsElsewhere = map(seedRecord(), new Iris(other), testAuthority());
    const ours = quadsElsewhere.flatMap((q) => [q.subject, q.predicate, q.object]).filter((t) => t.termType === 'NamedNode' && t.value.includes('localhost'));
    expect(ours).toEqual([]);
    expect(quadsElsewhere.some((q) => q.predicate.value === `${other}ontology#graduationDate`)).toBe(true);
  });
});

describe('map: the seed end to end (ingest → map)', () => {
  const ingested = readUbcOcText({ bytes: readFileSync(SEED_FILE), file: 'records/000_c3e6baa23fe2ff11.txt' });

  it('gives the same graph from the ingested seed as from the hand-made record', () => {
    expect(ingested.ok).toBe(true);
    if (!ingested.ok) return;
    const fromIngest = map(ingested.record, iris, testAuthority());
    const byHand = map(seedRecord(), iris, testAuthority());
    expect(isomorphic(fromIngest, byHand)).toBe(true);
  });

  it.runIf(existsSync('data/entities'))('links the seed to the real authority file (loadAuthority)', async () => {
    if (!ingested.ok) throw new Error('seed not ingested');
    const authority = await loadAuthority('data', iris);
    const quads = map(ingested.record, iris, authority);
    expectTriples(quads, [
      [thesis, n('dcterms:creator'), n('@id/person/li-yi')],
      [thesis, n('dcterms:publisher'), n('@id/organization/ubc')],
      [thesis, n('tl:degreeGrantor'), n('@id/organization/ubc')],
      [thesis, n('tl:provider'), n('@id/organization/ubc-library')],
    ]);
  });
});
