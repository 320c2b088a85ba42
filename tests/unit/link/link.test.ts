// The link stage on the seed: Web Annotations with IRIs, selectors whose offsets cut the published abstract, mentions, subjects.
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinker } from '../../../pipeline/link.ts';
import type { Authority, ThesisRecord } from '../../../pipeline/types.ts';
import { NS } from '../../../src/core/vocab.ts';
import { BASE, iris, objects, realAuthority, recordWith, seedRecord } from './helpers.ts';

const oa = (t: string) => `${NS.oa}${t}`;
let authority: Authority;
let seed: ThesisRecord;
let quads: ReturnType<ReturnType<typeof createLinker>['link']>;

beforeAll(async () => {
  authority = await realAuthority();
  seed = seedRecord();
  quads = createLinker(authority, iris).link(seed);
});

describe('link(seed)', () => {
  it('makes the annotation of "China’s First Automobile Work" exactly as tests/fixtures/gold/annotation-1.0449833-221-250.trig', () => {
    const expected = new Parser({ baseIRI: BASE, format: 'application/trig' })
      .parse(readFileSync(new URL('../../fixtures/gold/annotation-1.0449833-221-250.trig', import.meta.url), 'utf8'));
    const ann = `${BASE}id/annotation/1.0449833-221-250`;
    const actual = quads.filter((q) => q.subject.value === ann || q.subject.value.startsWith(`${ann}#`));
    expect(actual).toHaveLength(expected.length);
    expect(isomorphic(actual, expected)).toBe(true);
  });

  it('gives every selector offsets that cut its exact text out of the published abstract (code points)', () => {
    const cps = [...seed.abstract!.value];
    const anns = quads.filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === oa('Annotation')).map((q) => q.subject.value);
    expect(anns.length).toBe(14);
    for (const ann of anns) {
      const [, start, end] = /-(\d+)-(\d+)$/.exec(ann)!.map(Number) as [number, number, number];
      const exact = objects(quads, `${ann}#quote`, oa('exact'))[0];
      expect(objects(quads, `${ann}#position`, oa('start'))).toEqual([String(start)]);
      expect(objects(quads, `${ann}#position`, oa('end'))).toEqual([String(end)]);
      expect(cps.slice(start, end).join('')).toBe(exact);
      const prefix = objects(quads, `${ann}#quote`, oa('prefix'))[0] ?? '';
      const suffix = objects(quads, `${ann}#quote`, oa('suffix'))[0] ?? '';
      expect(cps.slice(start - [...prefix].length, end + [...suffix].length).join('')).toBe(prefix + exact + suffix);
      expect(objects(quads, `${ann}#target`, oa('hasSource'))).toEqual([`${BASE}id/abstract/1.0449833`]);
    }
  });

  it('uses no blank nodes and writes into the record graph', () => {
    for (const q of quads) {
      expect([q.subject.termType, q.object.termType]).not.toContain('BlankNode');
      expect(q.graph.value).toBe(`${BASE}graph/thesis/1.0449833`);
    }
  });

  it('says schema:mentions once per entity, in order of first mention', () => {
    expect(objects(quads, `${BASE}id/thesis/1.0449833`, `${NS.schema}mentions`)).toEqual([
      'event/cold-war', 'place/china', 'organization/faw', 'place/changchun', 'place/soviet-union',
      'organization/zil', 'place/moscow', 'organization/toyota', 'organization/volkswagen',
    ].map((p) => `${BASE}id/${p}`));
  });

  it('makes the concepts the authority file assigns the thesis its subjects (dcterms:subject and schema:about)', () => {
    const topics = ['cold-war-history', 'automobile-industry', 'technology-transfer', 'sino-soviet-relations'].map((c) => `${BASE}id/concept/${c}`);
    expect(objects(quads, `${BASE}id/thesis/1.0449833`, `${NS.dcterms}subject`)).toEqual(topics);
    expect(objects(quads, `${BASE}id/thesis/1.0449833`, `${NS.schema}about`)).toEqual(topics);
  });

  it('is deterministic: a second linker and a second run give the same quads', () => {
    const again = createLinker(authority, iris).link(seedRecord());
    expect(again.map((q) => q.toJSON())).toEqual(quads.map((q) => q.toJSON()));
  });
});

describe('link(other records)', () => {
  it('mints annotation IRIs and selectors from code-point offsets when the abstract has astral characters', () => {
    const text = '𝔗𝔥𝔢 𝔰𝔱𝔲𝔡𝔶 of FAW 😀 and ZiL factory.';
    const out = createLinker(authority, iris).link(recordWith('1.0000002', text));
    const anns = out.filter((q) => q.object.value === oa('Annotation')).map((q) => q.subject.value);
    expect(anns).toEqual([`${BASE}id/annotation/1.0000002-13-16`, `${BASE}id/annotation/1.0000002-23-34`]);
    expect(objects(out, `${BASE}id/annotation/1.0000002-23-34#quote`, oa('exact'))).toEqual(['ZiL factory']);
    expect(objects(out, `${BASE}id/annotation/1.0000002-13-16#quote`, oa('prefix'))).toEqual(['𝔗𝔥𝔢 𝔰𝔱𝔲𝔡𝔶 of ']);
    expect(text.indexOf('FAW')).not.toBe(13);
  });

  it('gives a record without an abstract, or without subjects, nothing it does not have', () => {
    const linker = createLinker(authority, iris);
    expect(linker.link(recordWith('1.0000003'))).toEqual([]);
    expect(linker.link(recordWith('1.0000003', 'A study of rice farming.'))).toEqual([]);
  });

  it('describes the linker agent once, for the dataset graph', () => {
    const agent = createLinker(authority, iris).agentQuads();
    expect(objects(agent, `${BASE}dataset#linker`, `${NS.rdf}type`)).toEqual([`${NS.prov}SoftwareAgent`]);
    expect(agent.every((q) => q.graph.value === `${BASE}graph/dataset`)).toBe(true);
  });
});
