// Over the real build of data/: every thing IRI in the dataset resolves (303 → a document that parses and a page).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { builtDist, testApp } from '../helpers/app.ts';
import { parse } from '../helpers/rdf.ts';
import { prefixed, termName, type ViewContext } from '../../src/server/views/terms.ts';
import { emptyDescription } from '../../src/server/data/description.ts';
import { DISPLAY_LABELS_FILE, displayLabels } from '../../src/server/views/vocab-labels.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
beforeAll(async () => { app = await testApp({ distDir: await builtDist() }); });
afterAll(async () => { await app?.close(); });

/** Every subject of the store that is a thing IRI of this base (hash parts are parts of their document). */
function thingPaths(): string[] {
  const out = new Set<string>();
  for (const s of app.store.getSubjects(null, null, null)) {
    if (s.termType !== 'NamedNode' || s.value.includes('#')) continue;
    const parsed = app.iris.parse(s.value);
    if (parsed?.space === 'id') out.add(s.value.slice(B.length));
  }
  return [...out].sort();
}

describe('every thing of the built dataset resolves', () => {
  it('covers every kind the build mints', () => {
    const kinds = new Set(thingPaths().map((p) => p.split('/')[1]));
    // The seed's Degree field is empty, so no degree is minted from data/ (dist-mini covers degree pages).
    for (const k of ['thesis', 'person', 'organization', 'place', 'event', 'concept', 'collection', 'annotation', 'abstract']) expect(kinds).toContain(k);
  });

  it('303 to a Turtle document that parses and describes it, and an HTML page', async () => {
    const failures: string[] = [];
    for (const rel of thingPaths()) {
      const r = await app.inject({ url: `/${rel}` });
      if (r.statusCode !== 303 || r.headers.location !== `${B}doc/${rel.slice(3)}`) { failures.push(`${rel}: ${r.statusCode}`); continue; }
      const doc = await app.inject({ url: `/doc/${rel.slice(3)}.ttl` });
      const quads = await parse(doc.body, 'ttl');
      if (!quads.some((q) => q.subject.value === `${B}${rel}`)) failures.push(`${rel}: document does not describe it`);
      const page = await app.inject({ url: `/doc/${rel.slice(3)}`, headers: { accept: 'text/html' } });
      if (page.statusCode !== 200 || !page.body.includes('<h1>')) failures.push(`${rel}: page ${page.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('every IRI of this base in the data (subject, object or graph) resolves', async () => {
    const iris = new Set<string>();
    for (const q of app.store.getQuads(null, null, null, null)) {
      for (const t of [q.subject, q.object, q.graph]) if (t.termType === 'NamedNode' && t.value.startsWith(B)) iris.add(t.value.split('#')[0]!);
    }
    const failures: string[] = [];
    for (const iri of iris) {
      const r = await app.inject({ url: `/${iri.slice(B.length)}`, headers: { accept: 'text/html' } });
      if (![200, 301, 302, 303].includes(r.statusCode)) failures.push(`${iri}: ${r.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('the thesis page carries its Scholar tags and linked mentions', async () => {
    const body = (await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'text/html' } })).body;
    expect(body).toContain('<meta name="citation_author" content="Li, Yi">');
    expect(body).toContain('<meta name="citation_doi" content="10.14288/1.0449833">');
    expect(body).toMatch(/<a class="mention" href="\/id\/place\/changchun"[^>]*>Changchun<\/a>/);
  });

  it('the dataset and ontology documents answer', async () => {
    for (const url of ['/dataset', '/ontology']) {
      const r = await app.inject({ url, headers: { accept: 'text/turtle' } });
      expect(r.statusCode).toBe(200);
      expect((await parse(r.body, 'ttl')).length).toBeGreaterThan(10);
    }
  });
});

describe('pages of the built dataset read in words', () => {
  const html = async (url: string) => (await app.inject({ url, headers: { accept: 'text/html' } })).body;
  const incoming = (body: string) => /<section aria-labelledby="incoming-h">[\s\S]*?<\/section>/.exec(body)![0];

  it('every property and class the build uses has a human name (ontology graph or display labels)', async () => {
    const terms = new Set<string>();
    for (const q of app.store.getQuads(null, null, null, null)) {
      terms.add(q.predicate.value);
      if (q.predicate.value === `${NS_RDF}type`) terms.add(q.object.value);
    }
    // A page names terms by the labels its description hands it: here, those of every term at once.
    const ctx: ViewContext = { iris: app.iris, urls: app.urls, d: emptyDescription(app.iris.home(), { labels: await app.data.labels(terms) }) };
    const unnamed = [...terms].filter((t) => termName(ctx, t) === prefixed(ctx, t)).sort();
    expect(unnamed).toEqual([]);
  });

  it('the display labels are not published: none of their statements is in any graph of the dataset', async () => {
    const statements = await parse(readFileSync(DISPLAY_LABELS_FILE, 'utf8'), 'ttl');
    expect(displayLabels().size).toBeGreaterThan(100);
    const published = statements.filter((q) => app.store.countQuads(q.subject, q.predicate, q.object, null) > 0).map((q) => `${q.subject.value} ${q.object.value}`);
    expect(published).toEqual([]);
  });

  it('"Linked from" names graphs, abstracts and annotations instead of showing their IRIs', async () => {
    const thesis = incoming(await html('/doc/thesis/1.0449833'));
    expect(thesis).toContain('<a href="/graph/thesis/1.0449833">Record graph of 1.0449833</a></td><td><span class="prop">Primary topic</span>');
    expect(thesis).not.toMatch(/>https?:\/\//);
    const abstract = incoming(await html('/doc/abstract/1.0449833'));
    expect(abstract).toMatch(/<a href="\/id\/annotation\/1\.0449833-\d+-\d+#target">Mention of “Changchun” \(target\)<\/a><\/td><td><span class="prop">Source<\/span>/);
    expect(abstract).not.toMatch(/>https?:\/\//);
  });

  it('a place shows the words around each mention', async () => {
    const place = incoming(await html('/doc/place/changchun'));
    expect(place).toMatch(/<ul class="snippets"><li><a href="\/id\/annotation\/1\.0449833-\d+-\d+">…[^<]*known as Yiqi, in <mark>Changchun<\/mark> as a case study[^<]*…<\/a><\/li><\/ul>/);
  });
});

const NS_RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
