// The record dataset the engine reads: the record's own quads, plus the authority's statements about a subject it asks for.
import { describe, expect, it } from 'vitest';
import type * as RDF from '@rdfjs/types';
import { DataFactory, type Quad } from 'n3';
import { Background, QuadList, RecordDataset } from '../../../pipeline/validate/record-dataset.ts';
import { NS } from '../../../src/core/vocab.ts';

const { namedNode, blankNode, literal, quad } = DataFactory;
const ex = (local: string) => namedNode(`https://example.org/${local}`);
const type = namedNode(`${NS.rdf}type`);
const Person = namedNode(`${NS.schema}Person`);
const name = namedNode(`${NS.schema}name`);
const creator = namedNode(`${NS.dcterms}creator`);
const graph = ex('graph/r1');

const record: Quad[] = [
  quad(ex('thesis'), creator, ex('li-yi'), graph),
  quad(ex('thesis'), creator, blankNode('b0'), graph),
  quad(blankNode('b0'), type, Person, graph),
  quad(blankNode('b0'), name, literal('Local'), graph),
];
const authority: Quad[] = [
  quad(ex('li-yi'), type, Person),
  quad(ex('li-yi'), name, literal('Li, Yi')),
  quad(blankNode('b0'), name, literal('Another b0 of the authority')),
];
const values = (quads: Iterable<RDF.Quad>) => [...quads].map((q) => `${q.subject.value} ${q.object.value}`).sort();

describe('RecordDataset', () => {
  const data = new RecordDataset(record, new Background(authority));

  it('holds the record only: size, iteration, has', () => {
    expect(data.size).toBe(4);
    expect([...data]).toEqual(record);
    expect(data.has(record[2]!)).toBe(true);
    expect(data.has(authority[0]!)).toBe(false);
  });

  it.each<[string, Parameters<RecordDataset['match']>, string[]]>([
    ['targets come from the record only', [null, type, Person], ['b0 http://schema.org/Person']],
    ['a subject of the authority is described by it', [ex('li-yi'), type, null], ['https://example.org/li-yi http://schema.org/Person']],
    ['by subject and predicate', [ex('thesis'), creator, null], ['https://example.org/thesis b0', 'https://example.org/thesis https://example.org/li-yi']],
    ['a blank node never reads the authority', [blankNode('b0'), name, null], ['b0 Local']],
    ['by object', [null, null, ex('li-yi')], ['https://example.org/thesis https://example.org/li-yi']],
    ['in the record graph', [null, name, null, graph], ['b0 Local']],
    ['in another graph', [null, null, null, ex('graph/r2')], []],
    ['nothing known', [ex('nobody'), null, null], []],
  ])('match: %s', (_name, pattern, expected) => {
    expect(values(data.match(...pattern))).toEqual(expected);
  });

  it('without a background, an authority subject is unknown', () => {
    expect(values(new RecordDataset(record).match(ex('li-yi'), null, null))).toEqual([]);
  });

  it('is read-only, as are its match results', () => {
    expect(() => data.add()).toThrow(/read-only/);
    expect(() => data.delete()).toThrow(/read-only/);
    expect(() => new QuadList([]).add()).toThrow(/read-only/);
  });

  it('a match result can be matched again', () => {
    const all = data.match(ex('thesis'), null, null);
    expect(all.size).toBe(2);
    expect(values(all.match(null, null, blankNode('b0')))).toEqual(['https://example.org/thesis b0']);
    expect(all.has(record[0]!)).toBe(true);
  });
});
