// A second DataStore, made by hand: the resource routes and views serve what its descriptions say, with no QuadStore anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DataFactory, type NamedNode } from 'n3';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';
import { PublicUrls } from '../../../src/server/public-url.ts';
import errorsPlugin from '../../../src/server/errors.ts';
import resourcePlugin from '../../../src/server/resource.ts';
import type { DataStore } from '../../../src/server/data/data-store.ts';
import { emptyDescription, type Description, type Label } from '../../../src/server/data/description.ts';
import { resourcePage } from '../../../src/server/views/resource-page.ts';

const { namedNode, literal, blankNode, quad } = DataFactory;
const B = 'https://fake.example.org/';
const iris = new Iris(B);
const urls = new PublicUrls(B);
const p = (ns: keyof typeof NS, local: string) => namedNode(`${NS[ns]}${local}`);
const label = (value: string, language = ''): Label => ({ value, language });

const thesis = iris.thesis('7.7');
const place = iris.entity('place', 'atlantis');
const [ann, bo] = [iris.entity('person', 'ann'), iris.entity('person', 'bo')];
const list = blankNode('authors');

/** Everything a page of the thesis shows, none of it in any store: names, author order, abstract, mentions. */
function thesisDescription(labels: Map<string, Label>): Description {
  return emptyDescription(thesis, {
    about: [
      quad(thesis, p('rdf', 'type'), p('bibo', 'Thesis')),
      quad(thesis, p('dcterms', 'title'), literal('The stated title')),
      quad(thesis, p('bibo', 'authorList'), list),
      quad(thesis, p('schema', 'mentions'), place),
    ],
    labels,
    // The list's cells need not be in `about`: the page reads the order the description gives.
    lists: new Map([[list.value, [bo, ann]]]),
    theses: new Map([[thesis.value, { creators: [bo.value, ann.value], issued: '1999' }]]),
    abstract: { iri: iris.abstract('7.7').value, text: label('Sunken roads of Atlantis.', 'en'), mentions: [{ start: 16, end: 24, entity: place.value, exact: 'Atlantis' }] },
  });
}

const handedLabels = new Map<string, Label>([
  [thesis.value, label('A label only the fake store knows', 'en')],
  [place.value, label('Atlantis (handed)')],
  [ann.value, label('Ann, handed')],
  [bo.value, label('Bo, handed')],
]);

/** The place, mentioned by the thesis on page 1 of its incoming links. */
function placeDescription(page: number): Description {
  const link = quad(thesis, p('schema', 'mentions'), place);
  return emptyDescription(place as NamedNode, {
    about: [quad(place, p('rdf', 'type'), p('schema', 'Place'))],
    incoming: page === 1 ? [link] : [], incomingLinks: page === 1 ? [link] : [], incomingTotal: 1, page,
    labels: handedLabels,
    theses: new Map([[thesis.value, { creators: [bo.value, ann.value], issued: '1999' }]]),
  });
}

/** A store that answers from hand-made descriptions. */
class FakeStore implements DataStore {
  asked: string[] = [];
  async exists(iri: string) { return iri === thesis.value || iri === place.value; }
  async describe(iri: string, options: { page?: number } = {}) {
    this.asked.push(iri);
    return iri === thesis.value ? thesisDescription(handedLabels) : placeDescription(options.page ?? 1);
  }
  async describeDocument(document: string) { return emptyDescription(namedNode(document)); }
  async hasGraph(iri: string) { return iri === iris.recordGraph('7.7').value; }
  async graphNames() { return [iris.recordGraph('7.7').value]; }
  async labels(list: Iterable<string>) { return new Map([...list].flatMap((i) => (handedLabels.has(i) ? [[i, handedLabels.get(i)!] as const] : []))); }
  async stats() { return { triples: 5, graphs: 1 }; }
  async countThings() { return { theses: 1, entities: { person: 2, organization: 0, place: 1, event: 0, concept: 0 } }; }
  async listThings() { return []; }
  async modified(list: Iterable<string>) { return new Map([...list].filter((i) => i === iris.recordGraph('7.7').value).map((i) => [i, '2020-02-02T00:00:00Z'] as const)); }
  async thesisFacets() { return []; }
  async listTheses() { return { total: 1, theses: [{ iri: thesis.value, title: handedLabels.get(thesis.value), creators: ['Bo, handed'], issued: '1999' }] }; }
  async sparql(): Promise<never> { throw new Error('no SPARQL here'); }
}

const fake = new FakeStore();
let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  await app.register(errorsPlugin);
  // Stand-ins for the store plugin's small decorations: the resource routes need IRIs, URLs and redirects, no store.
  await app.register(fp(async (a) => {
    a.decorate('iris', iris);
    a.decorate('urls', urls);
    a.decorate('redirects', { merged: new Map(), gone: new Map() });
  }, { name: 'store' }));
  await app.register(fp(async (a) => { a.decorate('data', fake); }, { name: 'data' }));
  await app.register(resourcePlugin);
  await app.ready();
});
afterAll(async () => { await app.close(); });

const page = async (url: string) => {
  const r = await app.inject({ url, headers: { accept: 'text/html' } });
  expect(r.statusCode).toBe(200);
  return r.body;
};

describe('the resource routes over a second DataStore', () => {
  it.each([['/id/thesis/7.7', 303], ['/id/thesis/8.8', 404], ['/graph/thesis/7.7', 303], ['/graph/thesis/8.8', 404]])('%s → %i', async (url, status) => {
    expect((await app.inject({ url })).statusCode).toBe(status);
  });

  it('renders the thesis page from the handed description: its label, author order, abstract mention and citation tags', async () => {
    const body = await page('/doc/thesis/7.7');
    expect(body).toContain('<h1><span lang="en">A label only the fake store knows</span></h1>');
    // The author list's row shows its items as its values, in the handed order.
    expect(body).toContain('<dd><ul><li><a href="/id/person/bo">Bo, handed</a></li><li><a href="/id/person/ann">Ann, handed</a></li></ul></dd>');
    expect(body).toContain('Sunken roads of <a class="mention" href="/id/place/atlantis" title="Atlantis (handed)">Atlantis</a>.');
    const authors = [...body.matchAll(/<meta name="citation_author" content="([^"]*)">/g)].map((m) => m[1]);
    expect(authors).toEqual(['Bo, handed', 'Ann, handed']);
    expect(fake.asked).toContain(thesis.value);
  });

  it('writes the handed triples as Turtle, and nothing the page alone shows', async () => {
    const r = await app.inject({ url: '/doc/thesis/7.7.ttl' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('"The stated title"');
    expect(r.body).not.toContain('handed');
  });

  it('lists the theses linking here with their handed bylines, and 404s past the last page', async () => {
    const body = await page('/doc/place/atlantis');
    expect(body).toContain('<a href="/id/thesis/7.7"><span lang="en">A label only the fake store knows</span></a> <span class="byline">Bo, handed; Ann, handed · 1999</span>');
    expect((await app.inject({ url: '/doc/place/atlantis?page=2' })).statusCode).toBe(404);
  });
});

describe('a page is a function of its description', () => {
  it('names the same thing differently when handed different labels', async () => {
    const render = (labels: Map<string, Label>) => resourcePage({ iris, urls }, thesisDescription(labels), { docIri: (ext) => iris.doc('thesis', '7.7', ext).value, kind: 'thesis' });
    const named = await render(handedLabels);
    const unnamed = await render(new Map());
    expect(named).toContain('Bo, handed');
    // Without labels the page falls back to names made from what the IRIs are.
    expect(unnamed).not.toContain('handed');
    expect(unnamed).toContain('<a href="/id/person/bo">Person bo</a>');
    expect(unnamed).toContain('<h1>Thesis 7.7</h1>');
  });
});
