// The real authority file: every entity the issue lists, with its kind, types and exactly its verified links.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuthority } from '../../../pipeline/authority.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';

const BASE = 'http://localhost:8080/';
const iris = new Iris(BASE);
const wd = (q: string) => `${NS.wd}${q}`;
let authority: Authority;

beforeAll(async () => {
  authority = await loadAuthority('data', iris);
});

/** Objects of (entity, predicate) in the authority graph, sorted. */
function objects(kind: string, id: string, predicate: string): string[] {
  const s = `${BASE}id/${kind}/${id}`;
  return authority.quads.filter((q) => q.subject.value === s && q.predicate.value === predicate).map((q) => q.object.value).sort();
}

// [id, kind, extra types, owl:sameAs (things) / skos:exactMatch (concepts)] — exactly these links, no others.
const ENTITIES: [string, string, string[], string[]][] = [
  ['li-yi', 'person', [], []],
  ['ubc', 'organization', ['CollegeOrUniversity'], [wd('Q391028'), 'https://ror.org/03rmrcq20']],
  ['ubc-library', 'organization', ['Library'], []],
  ['faw', 'organization', ['Corporation'], []],
  ['zil', 'organization', ['Corporation'], []],
  ['toyota', 'organization', ['Corporation'], [wd('Q53268')]],
  ['volkswagen', 'organization', ['Corporation'], [wd('Q156578')]],
  ['soviet-union', 'place', ['Country'], [wd('Q15180')]],
  ['china', 'place', ['Country'], [wd('Q148')]],
  ['changchun', 'place', ['City'], [wd('Q92161')]],
  ['moscow', 'place', ['City'], [wd('Q649')]],
  ['vancouver', 'place', ['City'], [wd('Q24639')]],
  ['sino-soviet-split', 'event', [], [wd('Q506079')]],
  ['cold-war', 'event', [], [wd('Q8683')]],
  ['cold-war-history', 'concept', [], []],
  ['automobile-industry', 'concept', [], []],
  ['technology-transfer', 'concept', [], []],
  ['sino-soviet-relations', 'concept', [], []],
];

describe('data/entities/authority.yaml', () => {
  it('holds exactly the listed entities', () => {
    expect([...authority.entities.keys()].sort()).toEqual(ENTITIES.map(([id]) => id).sort());
  });

  describe.each(ENTITIES)('%s', (id, kind, types, links) => {
    const isConcept = kind === 'concept';
    it(`is a ${kind} with its types`, () => {
      expect(authority.entities.get(id)?.kind).toBe(kind);
      const defaultType = { person: 'http://schema.org/Person', organization: 'http://schema.org/Organization', place: 'http://schema.org/Place', event: 'http://schema.org/Event', concept: `${NS.skos}Concept` }[kind]!;
      expect(objects(kind, id, `${NS.rdf}type`)).toEqual([defaultType, ...types.map((t) => `${NS.schema}${t}`)].sort());
    });
    it(`links exactly ${links.join(', ') || 'nothing'}, with ${isConcept ? 'skos:exactMatch' : 'owl:sameAs'}`, () => {
      expect(objects(kind, id, isConcept ? `${NS.skos}exactMatch` : `${NS.owl}sameAs`)).toEqual([...links].sort());
      expect(objects(kind, id, isConcept ? `${NS.owl}sameAs` : `${NS.skos}exactMatch`)).toEqual([]);
    });
    it('has one rdfs:label and one skos:prefLabel', () => {
      expect(objects(kind, id, `${NS.rdfs}label`)).toHaveLength(1);
      expect(objects(kind, id, `${NS.skos}prefLabel`)).toHaveLength(1);
    });
  });

  it('links Volkswagen to the company Q156578, never to the brand Q246', () => {
    expect(authority.quads.some((q) => q.object.value === wd('Q246'))).toBe(false);
  });

  it('states the relations the abstract states', () => {
    const e = (kind: string, id: string) => `${BASE}id/${kind}/${id}`;
    const tl = (t: string) => `${BASE}ontology#${t}`;
    expect(objects('organization', 'faw', `${NS.schema}location`)).toEqual([e('place', 'changchun')]);
    expect(objects('organization', 'zil', `${NS.schema}location`)).toEqual([e('place', 'moscow')]);
    expect(objects('organization', 'faw', tl('establishedWithHelpFrom'))).toEqual([e('organization', 'zil')]);
    expect(objects('organization', 'faw', tl('partner'))).toEqual([e('organization', 'toyota'), e('organization', 'volkswagen')]);
    expect(objects('organization', 'toyota', tl('partner'))).toEqual([e('organization', 'faw')]);
    expect(objects('event', 'sino-soviet-split', tl('involves'))).toEqual([e('place', 'china'), e('place', 'soviet-union')]);
  });

  it('dates the Sino-Soviet split to May 1989 as xsd:gYearMonth and keeps its vague start in words', () => {
    const end = authority.quads.find((q) => q.subject.value.endsWith('/sino-soviet-split') && q.predicate.value === `${NS.schema}endDate`);
    expect(end?.object.value).toBe('1989-05');
    expect(end?.object.termType === 'Literal' && end.object.datatype.value).toBe(`${NS.xsd}gYearMonth`);
    expect(objects('event', 'sino-soviet-split', `${NS.schema}startDate`)).toEqual([]);
    expect(objects('event', 'sino-soviet-split', `${BASE}ontology#period`)).toEqual(['late 1950s to May 1989']);
  });

  it('labels entities in their own scripts with language tags', () => {
    const alt = (kind: string, id: string) => authority.quads
      .filter((q) => q.subject.value === `${BASE}id/${kind}/${id}` && q.predicate.value === `${NS.skos}altLabel` && q.object.termType === 'Literal')
      .map((q) => `${q.object.value}@${(q.object as { language: string }).language}`);
    expect(alt('organization', 'faw')).toEqual(expect.arrayContaining(['一汽@zh', 'Yiqi@zh-latn-pinyin', 'FAW@en', 'China’s First Automobile Work@en', "China's First Automobile Work@en"]));
    expect(alt('organization', 'zil')).toEqual(expect.arrayContaining(['ЗИЛ@ru', 'Завод имени Лихачёва@ru', 'ZiL factory@en']));
  });

  it('puts the four topics in one concept scheme and makes them subjects of the seed', () => {
    const scheme = `${BASE}id/concept/thesis-topics`;
    const concepts = [...authority.entities.values()].filter((e) => e.kind === 'concept');
    expect(concepts).toHaveLength(4);
    for (const c of concepts) {
      expect(objects('concept', c.id, `${NS.skos}inScheme`)).toEqual([scheme]);
      expect(c.subjectOf).toEqual(['1.0449833']);
    }
    expect(authority.quads.some((q) => q.subject.value === scheme && q.object.value === `${NS.skos}ConceptScheme`)).toBe(true);
  });

  it('lists the example merge and withdrawal for the server (301, 410)', () => {
    expect(authority.merged).toEqual(new Map([['person/yi-li', 'person/li-yi']]));
    expect([...authority.withdrawn.keys()]).toEqual(['concept/soviet-aid']);
  });

  it('writes every quad into B graph/authority, with no blank node', () => {
    for (const q of authority.quads) {
      expect(q.graph.value).toBe(`${BASE}graph/authority`);
      expect([q.subject.termType, q.object.termType]).not.toContain('BlankNode');
    }
  });

  it('mints IRIs from ids under the deployment base, never from labels', async () => {
    const other = await loadAuthority('data', new Iris('https://theses.example.org/lod/'));
    expect(other.quads.some((q) => q.subject.value === 'https://theses.example.org/lod/id/organization/faw')).toBe(true);
    expect(authority.quads.some((q) => /id\/[a-z]+\/[^/]*[A-Z ’']/.test(q.subject.value))).toBe(false);
  });

  it('answers an empty authority for a DATA_DIR without entities/', async () => {
    const empty = await loadAuthority('tests/fixtures/gold', iris);
    expect(empty.entities.size).toBe(0);
    expect(empty.quads).toEqual([]);
  });
});
