// The VoID + DCAT description: exact statements for counts, licence, publisher, endpoint, dumps and dates; no checksums.
import { DataFactory, type Quad, type Term } from 'n3';
import { describe, expect, it } from 'vitest';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';
import { describeDataset, vocabulariesOf } from '../../../pipeline/describe.ts';
import { DUMP_FORMATS } from '../../../pipeline/publish/index.ts';

const { namedNode, literal } = DataFactory;
const iris = new Iris('http://localhost:8080/');
const v = (l: string) => namedNode(`${NS.void}${l}`);
const dcat = (l: string) => namedNode(`${NS.dcat}${l}`);
const dct = (l: string) => namedNode(`${NS.dcterms}${l}`);
const int = (n: number) => literal(String(n), namedNode(`${NS.xsd}integer`));
const dateTime = (d: string) => literal(d, namedNode(`${NS.xsd}dateTime`));

const counts = {
  triples: 1234, distinctSubjects: 99, entities: 80,
  properties: new Map([[`${NS.dcterms}title`, 3], [`${iris.base}ontology#supervisor`, 2], [`${NS.rdf}type`, 5]]),
  classes: new Map([[`${NS.schema}Thesis`, 3], ['http://unknown.example/Thing', 1]]),
};
const quads = describeDataset({
  iris, counts, metadataLicense: 'http://creativecommons.org/publicdomain/zero/1.0/', publisher: { iri: iris.entity('organization', 'ubc-library'), name: { value: 'UBC Library', lang: 'en' } },
  issued: '2025-09-01T00:00:00Z', modified: '2025-10-01T00:00:00Z', dumps: DUMP_FORMATS, examples: [iris.thesis('1.0449833')],
});

function has(s: Term, p: Term, o: Term): boolean {
  return quads.some((q) => q.subject.equals(s) && q.predicate.equals(p) && q.object.equals(o));
}

describe('describeDataset', () => {
  const ds = iris.dataset();
  it('puts every statement in graph B graph/dataset', () => {
    expect(quads.every((q: Quad) => q.graph.equals(iris.graph('dataset')))).toBe(true);
  });

  it.each([
    ['a void:Dataset', namedNode(`${NS.rdf}type`), v('Dataset')],
    ['a dcat:Dataset', namedNode(`${NS.rdf}type`), dcat('Dataset')],
    ['the metadata licence', dct('license'), namedNode('http://creativecommons.org/publicdomain/zero/1.0/')],
    ['the publisher', dct('publisher'), iris.entity('organization', 'ubc-library')],
    ['the SPARQL endpoint', v('sparqlEndpoint'), iris.sparql()],
    ['the URI space', v('uriSpace'), literal('http://localhost:8080/id/')],
    ['void:triples', v('triples'), int(1234)],
    ['void:entities', v('entities'), int(80)],
    ['void:distinctSubjects', v('distinctSubjects'), int(99)],
    ['void:properties', v('properties'), int(3)],
    ['void:classes', v('classes'), int(2)],
    ['dcterms:issued from the ledger', dct('issued'), dateTime('2025-09-01T00:00:00Z')],
    ['dcterms:modified from the ledger', dct('modified'), dateTime('2025-10-01T00:00:00Z')],
    ['an example resource', v('exampleResource'), iris.thesis('1.0449833')],
    ['our own vocabulary', v('vocabulary'), iris.ontology()],
    ['dcterms as a vocabulary', v('vocabulary'), namedNode(NS.dcterms)],
  ])('states %s', (_name, p, o) => {
    expect(has(ds, p, o)).toBe(true);
  });

  it('says, in one rights statement the dataset and every distribution point to, that abstracts stay under their thesis’s licence', () => {
    const rights = iris.datasetPart('rights');
    expect(has(ds, dct('rights'), rights)).toBe(true);
    expect(has(rights, namedNode(`${NS.rdf}type`), dct('RightsStatement'))).toBe(true);
    const text = quads.find((q) => q.subject.equals(rights) && q.predicate.equals(dct('description')));
    expect(text?.object.value).toMatch(/abstract[^]*licence of its thesis/);
    expect(text?.object.value).toContain('http://creativecommons.org/publicdomain/zero/1.0/');
    for (const { ext } of DUMP_FORMATS) {
      const dist = iris.datasetPart(`dump-${ext}`);
      expect(has(dist, dct('rights'), rights), ext).toBe(true);
      expect(has(dist, dct('license'), namedNode('http://creativecommons.org/publicdomain/zero/1.0/')), ext).toBe(true);
    }
    // dcterms:rights is never a literal (DCAT-AP: a dcterms:RightsStatement), and the licence is a dcterms:LicenseDocument.
    expect(quads.filter((q) => q.predicate.equals(dct('rights')) && q.object.termType === 'Literal')).toEqual([]);
    expect(has(namedNode('http://creativecommons.org/publicdomain/zero/1.0/'), namedNode(`${NS.rdf}type`), dct('LicenseDocument'))).toBe(true);
  });

  it('describes each dump as a distribution and a data dump', () => {
    for (const { ext, mediaType } of DUMP_FORMATS) {
      const dist = iris.datasetPart(`dump-${ext}`);
      expect(has(ds, v('dataDump'), iris.dump(ext)), ext).toBe(true);
      expect(has(ds, dcat('distribution'), dist), ext).toBe(true);
      expect(has(dist, dcat('downloadURL'), iris.dump(ext)), ext).toBe(true);
      expect(has(dist, dcat('mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${mediaType}`)), ext).toBe(true);
    }
  });

  it('has class and property partitions with their counts', () => {
    const part = iris.datasetPart('class-schema-Thesis');
    expect(has(ds, v('classPartition'), part)).toBe(true);
    expect(has(part, v('class'), namedNode(`${NS.schema}Thesis`))).toBe(true);
    expect(has(part, v('entities'), int(3))).toBe(true);
    const prop = iris.datasetPart('property-tl-supervisor');
    expect(has(prop, v('triples'), int(2))).toBe(true);
    // An IRI outside our prefixes still gets a stable, valid fragment.
    expect(quads.some((q) => q.predicate.equals(v('class')) && q.object.value === 'http://unknown.example/Thing')).toBe(true);
  });

  it('carries no checksum and no size of the dumps it sits in', () => {
    expect(quads.some((q) => /^[0-9a-f]{64}$/.test(q.object.value))).toBe(false);
    expect(quads.some((q) => /checksum|byteSize/i.test(q.predicate.value))).toBe(false);
  });

  it('omits the publisher and dates it does not know', () => {
    const bare = describeDataset({ iris, counts, metadataLicense: 'http://example.org/l', dumps: DUMP_FORMATS, examples: [] });
    expect(bare.some((q) => q.predicate.equals(dct('publisher')) || q.predicate.equals(dct('modified')))).toBe(false);
  });
});

describe('vocabulariesOf', () => {
  it('names each namespace once, ours as the ontology document, sorted', () => {
    expect(vocabulariesOf(iris, [`${NS.dcterms}title`, `${NS.dcterms}creator`, `${iris.base}ontology#supervisor`, 'http://unknown.example/p']).map((t) => t.value))
      .toEqual(['http://localhost:8080/ontology', NS.dcterms]);
  });
});
