// The embedded DataStore over a small n3 Store: existence, descriptions with their page parts, paging, labels, counts, listings, SPARQL.
import { describe, expect, it } from 'vitest';
import { DataFactory, Store, type Quad, type Term } from 'n3';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';
import { Labels } from '../../../src/server/labels.ts';
import { EmbeddedStore, type EmbeddedParts } from '../../../src/server/data/embedded-store.ts';
import type { QueryAnswer } from '../../../src/server/sparql/execute.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;
const B = 'https://lod.example.org/';
const iris = new Iris(B);
const n = (prefix: keyof typeof NS | 'tl', local: string) => namedNode(`${prefix === 'tl' ? `${B}ontology#` : NS[prefix]}${local}`);

const thesis = iris.thesis('1.1');
const abstract = iris.abstract('1.1');
const place = iris.entity('place', 'changchun');
// Creator ids number the record's order; the author list says otherwise, and the list wins.
const first = iris.recordPerson('1.1', 'creator', 2);
const second = iris.recordPerson('1.1', 'creator', 1);
const annotation = iris.annotation('1.1', 9, 18);
const part = (name: 'target' | 'quote' | 'position') => iris.annotationPart('1.1', 9, 18, name);
const [cell1, cell2] = [blankNode('l1'), blankNode('l2')];
const graph = iris.recordGraph('1.1');

// [subject, predicate, object] rows, as the build would state them in one record graph.
const rows: [Term, Term, Term][] = [
  [thesis, n('rdf', 'type'), n('bibo', 'Thesis')],
  [thesis, n('dcterms', 'title'), literal('Roads to Changchun', 'en')],
  [thesis, n('dcterms', 'creator'), first],
  [thesis, n('dcterms', 'creator'), second],
  [thesis, n('bibo', 'authorList'), cell1],
  [cell1, n('rdf', 'first'), first],
  [cell1, n('rdf', 'rest'), cell2],
  [cell2, n('rdf', 'first'), second],
  [cell2, n('rdf', 'rest'), n('rdf', 'nil')],
  [thesis, n('dcterms', 'issued'), literal('2024', n('xsd', 'gYear'))],
  [thesis, n('tl', 'supervisor'), second],
  [thesis, n('tl', 'hasAbstract'), abstract],
  [thesis, n('schema', 'mentions'), place],
  [n('tl', 'supervisor'), n('rdfs', 'label'), literal('supervisor', 'en')],
  [n('tl', 'supervisor'), n('rdfs', 'comment'), literal('A thesis advisor.', 'en')],
  [abstract, n('rdf', 'value'), literal('Roads to Changchun and back', 'en')],
  [abstract, n('dcterms', 'isPartOf'), thesis],
  [annotation, n('oa', 'hasBody'), place],
  [annotation, n('oa', 'hasTarget'), part('target')],
  [part('target'), n('oa', 'hasSource'), abstract],
  [part('target'), n('oa', 'hasSelector'), part('quote')],
  [part('target'), n('oa', 'hasSelector'), part('position')],
  [part('quote'), n('oa', 'exact'), literal('Changchun')],
  [part('quote'), n('oa', 'prefix'), literal('Roads to ')],
  [part('quote'), n('oa', 'suffix'), literal(' and back')],
  [part('position'), n('oa', 'start'), literal('9', n('xsd', 'nonNegativeInteger'))],
  [part('position'), n('oa', 'end'), literal('18', n('xsd', 'nonNegativeInteger'))],
  [first, n('rdf', 'type'), n('schema', 'Person')],
  [first, n('schema', 'name'), literal('Alpha, Ann')],
  [second, n('schema', 'name'), literal('Beta, Bo')],
  [place, n('rdf', 'type'), n('schema', 'Place')],
  [place, n('skos', 'prefLabel'), literal('长春', 'zh')],
  [place, n('skos', 'prefLabel'), literal('Changchun', 'en')],
  [graph, n('dcterms', 'modified'), literal('2025-09-01', n('xsd', 'date'))],
];

function embedded(extra: Partial<EmbeddedParts> = {}): EmbeddedStore {
  const store = new Store<Quad, Quad, Quad, Quad>(rows.map(([s, p, o]) => quad(s as Quad['subject'], p as Quad['predicate'], o as Quad['object'], graph)));
  const graphs = { has: (g: string) => g === graph.value, size: 1, values: () => [graph.value].values(), subjects: () => [] };
  return new EmbeddedStore({ store, graphs, labels: Labels.index(store), iris, ...extra });
}

describe('EmbeddedStore: what exists', () => {
  const data = embedded();
  it.each([[thesis.value, true], [place.value, true], [iris.thesis('9.9').value, false], [part('quote').value, true]])('exists(%s) is %s', async (iri, yes) => {
    expect(await data.exists(iri)).toBe(yes);
  });

  it('knows its graphs and counts', async () => {
    expect(await data.hasGraph(graph.value)).toBe(true);
    expect(await data.hasGraph(iris.graph('authority').value)).toBe(false);
    expect(await data.graphNames()).toEqual([graph.value]);
    expect(await data.stats()).toEqual({ triples: rows.length, graphs: 1 });
    expect(await data.countThings()).toEqual({ theses: 1, entities: { person: 1, organization: 0, place: 1, event: 0, concept: 0 } });
  });

  it('lists typed things of the kinds asked for, a thesis dated by its record graph', async () => {
    const things = await data.listThings(['thesis', 'place']);
    expect(things.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'place', id: 'changchun', modified: undefined },
      { kind: 'thesis', id: '1.1', modified: '2025-09-01' },
    ]);
  });

  it('labels IRIs with the English label first, and leaves out what has none', async () => {
    const labels = await data.labels([place.value, first.value, iris.thesis('9.9').value]);
    expect([...labels]).toEqual([[place.value, { value: 'Changchun', language: 'en' }], [first.value, { value: 'Alpha, Ann', language: '' }]]);
  });
});

describe('EmbeddedStore: a thesis description carries what its page shows', async () => {
  const d = await embedded().describe(thesis.value);

  it('has the document: its triples with the author list cells, and its abstract and annotation as related', () => {
    expect(d.about.filter((q) => q.subject.equals(thesis))).toHaveLength(9);
    expect(d.about.some((q) => q.subject.equals(cell2))).toBe(true);
    expect(d.related.some((q) => q.subject.equals(part('position')))).toBe(true);
  });

  it('gives the author list in order and the creators by it', () => {
    expect(d.lists.get(cell1.value)).toEqual([first, second]);
    expect(d.theses.get(thesis.value)).toEqual({ creators: [first.value, second.value], issued: '2024' });
  });

  it('gives the abstract with its mentions, the labels of what it names and the glosses of its properties', () => {
    expect(d.abstract).toEqual({ iri: abstract.value, text: { value: 'Roads to Changchun and back', language: 'en' }, thesis: thesis.value, mentions: [{ start: 9, end: 18, entity: place.value, exact: 'Changchun' }] });
    expect(d.labels.get(place.value)).toEqual({ value: 'Changchun', language: 'en' });
    expect(d.labels.get(`${B}ontology#supervisor`)?.value).toBe('supervisor');
    expect(d.comments.get(`${B}ontology#supervisor`)).toBe('A thesis advisor.');
    expect(d.abstractOf.get(abstract.value)).toBe(thesis.value);
  });

  it('labels the entities an abstract mentions even when nothing else on its page names them', async () => {
    // The abstract's own page, without its incoming links (which would name the annotations' bodies too).
    const own = await embedded().describe(abstract.value, { pageSize: 0 });
    expect(own.abstract?.mentions.map((m) => m.entity)).toEqual([place.value]);
    expect(own.labels.get(place.value)?.value).toBe('Changchun');
  });

  it('labels what only the page names, when asked', async () => {
    const plain = await embedded().describe(place.value);
    expect(plain.labels.has(`${NS.schema}name`)).toBe(false);
    const asked = await embedded().describe(place.value, { alsoLabel: [first.value] });
    expect(asked.labels.get(first.value)?.value).toBe('Alpha, Ann');
  });

  it('leaves the page parts empty for RDF alone', async () => {
    const rdf = await embedded().describe(thesis.value, { forPage: false });
    expect(rdf.about).toEqual(d.about);
    expect(rdf.labels.size + rdf.lists.size + rdf.theses.size).toBe(0);
    expect(rdf.abstract).toBeUndefined();
  });
});

describe('EmbeddedStore: incoming links', () => {
  it('reads a list cell pointing here as the owner\'s link (the thesis lists this author)', async () => {
    const d = await embedded().describe(second.value);
    expect(d.incoming.some((q) => q.subject.equals(cell2))).toBe(true);
    const through = d.incomingLinks.map((q) => `${q.subject.value} ${q.predicate.value}`);
    expect(through).toContain(`${thesis.value} ${NS.bibo}authorList`);
    expect(through).not.toContain(`${cell2.value} ${NS.rdf}first`);
  });

  it('names the annotations and theses that link to a place, with their bylines', async () => {
    const d = await embedded().describe(place.value);
    expect(d.incomingTotal).toBe(2);
    expect(d.annotations.get(annotation.value)).toEqual({
      body: place.value, source: abstract.value, thesis: thesis.value, exact: 'Changchun', prefix: 'Roads to ', suffix: ' and back', start: 9, end: 18, motivation: undefined,
    });
    expect(d.theses.get(thesis.value)?.creators).toEqual([first.value, second.value]);
    expect(d.labels.get(second.value)?.value).toBe('Beta, Bo');
  });

  it.each([
    [1, 1, 1, true], [2, 1, 1, false], [3, 1, 0, false], [1, 0, 0, false], [1, 100, 2, false],
  ])('page %i of size %i holds %i, hasNext %s', async (page, pageSize, held, next) => {
    const d = await embedded().describe(place.value, { page, pageSize });
    expect([d.incoming.length, d.incomingTotal, d.hasNext]).toEqual([held, 2, next]);
  });
});

describe('EmbeddedStore: SPARQL through the pool', () => {
  const answer: QueryAnswer = { kind: 'boolean', format: 'json', contentType: 'application/sparql-results+json', body: new Uint8Array(), rows: 1, truncated: false };
  const job = { query: 'ASK {}', defaultGraphs: [], namedGraphs: [], wish: {} };

  it('hands a job to the pool and its answer back', async () => {
    const seen: unknown[] = [];
    const data = embedded({ pool: { run: async (j) => { seen.push(j); return answer; } } });
    expect(await data.sparql(job)).toBe(answer);
    expect(seen).toEqual([job]);
  });

  it('answers 503 without a pool', async () => {
    await expect(embedded().sparql(job)).rejects.toMatchObject({ statusCode: 503 });
  });

  it('stops waiting when the signal aborts, before or during the query', async () => {
    const data = embedded({ pool: { run: () => new Promise<QueryAnswer>(() => {}) } });
    await expect(data.sparql(job, { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
    const controller = new AbortController();
    const running = data.sparql(job, { signal: controller.signal });
    controller.abort(new Error('client left'));
    await expect(running).rejects.toThrow('client left');
  });
});
