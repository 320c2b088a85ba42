// The HTTP suite every backend passes: dereferencing (303, negotiation, 404, HTML), /sparql (SELECT, ASK, CONSTRUCT, GRAPH, the default graph), /health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { isomorphic, parse } from '../helpers/rdf.ts';

const B = 'http://localhost:8080/';
const JSON_RESULTS = 'application/sparql-results+json';

/** A backend under test: the app to send requests to, made once for the suite, and closed after it. */
export interface Backend {
  name: string;
  app(): Promise<FastifyInstance>;
  close?(): Promise<void>;
}

/** A page as the sorted list of its elements and text lines, request ids left out: equal for pages that differ only in order. */
function elements(html: string): string[] {
  return html.replace(/req-\w+/g, '').replace(/</g, '\n<').split('\n').map((l) => l.trim().replace(/,$/, '')).filter(Boolean).sort();
}

/** Runs a SELECT or ASK through /sparql and reads the JSON answer. */
async function sparql(app: FastifyInstance, query: string, extra = ''): Promise<{ status: number; json: any; headers: Record<string, unknown> }> {
  const r = await app.inject({ url: `/sparql?query=${encodeURIComponent(query)}${extra}`, headers: { accept: JSON_RESULTS } });
  return { status: r.statusCode, json: r.statusCode === 200 ? JSON.parse(r.body) : r.body, headers: r.headers };
}

/** The shared suite, run with `backend` (the embedded store's answers are the reference the documents are compared with). */
export function httpSuite(backend: Backend): void {
  describe(`the HTTP suite over the ${backend.name} store`, () => {
    let app: FastifyInstance;
    let reference: FastifyInstance;
    beforeAll(async () => {
      [app, reference] = await Promise.all([backend.app(), testApp()]);
    }, 180_000);
    afterAll(async () => {
      await Promise.all([app?.close(), reference?.close()]);
      await backend.close?.();
    }, 60_000);

    it('/health answers 200', async () => {
      const r = await app.inject({ url: '/health' });
      expect(r.statusCode).toBe(200);
      expect(r.json().status).toBe('ok');
    });

    it.each(['thesis/1.0449833', 'person/li-yi', 'organization/faw', 'place/changchun', 'annotation/1.0449833-114-123', 'abstract/1.0449833'])('id/%s answers 303 to its document', async (rel) => {
      const r = await app.inject({ url: `/id/${rel}`, headers: { accept: 'text/turtle' } });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe(`${B}doc/${rel}`);
    });

    it.each(['/id/thesis/9.9999999', '/id/place/atlantis', '/doc/thesis/9.9999999.ttl'])('%s answers 404', async (url) => {
      expect((await app.inject({ url, headers: { accept: 'text/turtle' } })).statusCode).toBe(404);
    });

    it('a document negotiates its syntax (Vary: Accept, Content-Location)', async () => {
      const r = await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'application/ld+json' } });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/ld\+json/);
      expect(String(r.headers.vary)).toMatch(/Accept/);
      expect(r.headers['content-location']).toMatch(/\/doc\/thesis\/1\.0449833\.jsonld$/);
      expect((await parse(r.body, 'jsonld')).length).toBeGreaterThan(20);
    });

    it.each(['thesis/1.0449833', 'thesis/1.0000001', 'person/li-yi', 'place/changchun', 'organization/faw', 'annotation/1.0449833-114-123', 'abstract/1.0449833', 'collection/ubc-theses'])('doc/%s.nt holds the triples the embedded store gives', async (rel) => {
      const [ours, theirs] = await Promise.all([app, reference].map((a) => a.inject({ url: `/doc/${rel}.nt` })));
      expect(ours.statusCode).toBe(200);
      expect(isomorphic(await parse(ours.body, 'nt'), await parse(theirs.body, 'nt'))).toBe(true);
    });

    it('B dataset (a document of one graph) holds the triples the embedded store gives', async () => {
      const [ours, theirs] = await Promise.all([app, reference].map((a) => a.inject({ url: '/dataset', headers: { accept: 'text/turtle' } })));
      expect(ours.statusCode).toBe(200);
      expect(isomorphic(await parse(ours.body, 'ttl', B), await parse(theirs.body, 'ttl', B))).toBe(true);
    });

    it('an HTML page shows the thesis, its linked things by label, and escapes what the data holds', async () => {
      const r = await app.inject({ url: '/doc/thesis/1.0449833.html' });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Beyond the split');
      expect(r.body).toContain('Changchun');
      expect(r.body).not.toContain('<script>alert(1)</script>');
      const theirs = await reference.inject({ url: '/doc/thesis/1.0449833.html' });
      // The same page, element by element: a store lists the values of a property in its own order.
      expect(elements(r.body)).toEqual(elements(theirs.body));
    });

    it('an entity page lists the theses linking to it', async () => {
      const [ours, theirs] = await Promise.all([app, reference].map((a) => a.inject({ url: '/doc/place/changchun.html' })));
      expect(ours.statusCode).toBe(200);
      // The same rows and elements; a store lists incoming links (and values) in its own order (the external one by subject IRI).
      expect(elements(ours.body)).toEqual(elements(theirs.body));
      expect(ours.body).toContain('/id/annotation/1.0000001-11-20');
    });

    it('SELECT over the default graph counts the triples of our graphs only (no store system graphs)', async () => {
      const q = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
      const [ours, theirs] = await Promise.all([sparql(app, q), sparql(reference, q)]);
      expect(ours.status).toBe(200);
      expect(ours.json.results.bindings[0].n.value).toBe(theirs.json.results.bindings[0].n.value);
      const system = await sparql(app, 'ASK { ?s a <http://www.openlinksw.com/schemas/virtrdf#QuadMapFormat> }');
      expect(system.json.boolean).toBe(false);
    });

    it('GRAPH ?g ranges over the dataset\'s named graphs, by their own names', async () => {
      const q = 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g';
      const [ours, theirs] = await Promise.all([sparql(app, q), sparql(reference, q)]);
      expect(ours.json.results.bindings).toEqual(theirs.json.results.bindings);
      expect(ours.json.results.bindings.map((b: any) => b.g.value)).toContain(`${B}graph/thesis/1.0449833`);
    });

    it('GRAPH <g> reads one record\'s graph, and ?g joins with the triples about the graph', async () => {
      const count = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${B}graph/thesis/1.0000001> { ?s ?p ?o } }`;
      const [one, reference1] = await Promise.all([sparql(app, count), sparql(reference, count)]);
      expect(Number(one.json.results.bindings[0].n.value)).toBe(22);
      expect(one.json.results.bindings).toEqual(reference1.json.results.bindings);
      // ?g is the dataset's name of the graph: it joins with VALUES and compares with the IRI a user writes.
      const joined = `SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { <${B}graph/thesis/1.0000001> } GRAPH ?g { ?s ?p ?o } }`;
      expect((await sparql(app, joined)).json.results.bindings[0].n.value).toBe('22');
      const filtered = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <${B}graph/thesis/1.0000001>) }`;
      expect((await sparql(app, filtered)).json.results.bindings[0].n.value).toBe('22');
    });

    it('FROM and the protocol\'s default-graph-uri name our graphs', async () => {
      const q = `SELECT (COUNT(*) AS ?n) FROM <${B}graph/thesis/1.0000001> WHERE { ?s ?p ?o }`;
      expect((await sparql(app, q)).json.results.bindings[0].n.value).toBe('22');
      const viaProtocol = await sparql(app, 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', `&default-graph-uri=${encodeURIComponent(`${B}graph/thesis/1.0000001`)}`);
      expect(viaProtocol.json.results.bindings[0].n.value).toBe('22');
    });

    it('ASK answers true and false', async () => {
      expect((await sparql(app, `ASK { <${B}id/thesis/1.0449833> ?p ?o }`)).json.boolean).toBe(true);
      expect((await sparql(app, `ASK { <${B}id/thesis/nope> ?p ?o }`)).json.boolean).toBe(false);
    });

    it('CONSTRUCT answers the graph the embedded store answers', async () => {
      const q = `CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = <${B}id/thesis/1.0449833>) }`;
      const [ours, theirs] = await Promise.all([app, reference].map((a) => a.inject({ url: `/sparql?query=${encodeURIComponent(q)}`, headers: { accept: 'text/turtle' } })));
      expect(ours.statusCode).toBe(200);
      expect(ours.headers['content-type']).toMatch(/^text\/turtle/);
      expect(isomorphic(await parse(ours.body, 'ttl'), await parse(theirs.body, 'ttl'))).toBe(true);
    });

    it('SELECT results keep the query\'s column order and every literal form', async () => {
      const q = `SELECT ?o ?p WHERE { <${B}id/thesis/1.0449833> ?p ?o } ORDER BY ?p ?o`;
      const [ours, theirs] = await Promise.all([sparql(app, q), sparql(reference, q)]);
      expect(ours.json.head.vars).toEqual(['o', 'p']);
      // Blank node labels are each store's own; everything else is the same.
      const rows = (json: any) => new Set(json.results.bindings.map((b: any) => JSON.stringify(b, (k, v) => (v?.type === 'bnode' ? { type: 'bnode' } : v))));
      expect(rows(ours.json)).toEqual(rows(theirs.json));
    });

    it('refuses SERVICE and updates as the embedded endpoint does', async () => {
      expect((await sparql(app, 'SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }')).status).toBe(400);
      const update = await app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/sparql-update' }, payload: 'INSERT DATA { <urn:a> <urn:b> <urn:c> }' });
      expect(update.statusCode).toBe(403);
    });

    it('listings, counts, facets and dates read through the store are the embedded store\'s', async () => {
      const sortBy = <T>(list: T[], key: (t: T) => string) => [...list].sort((x, y) => key(x).localeCompare(key(y)));
      const kinds = ['thesis', 'person', 'organization', 'place', 'concept'] as const;
      expect(sortBy(await app.data.listThings(kinds), (t) => `${t.kind}/${t.id}`)).toEqual(sortBy(await reference.data.listThings(kinds), (t) => `${t.kind}/${t.id}`));
      expect(await app.data.countThings()).toEqual(await reference.data.countThings());
      expect(await app.data.stats()).toEqual(await reference.data.stats());
      for (const facet of ['year', 'degree', 'program', 'collection'] as const) {
        expect(await app.data.thesisFacets(facet), facet).toEqual(await reference.data.thesisFacets(facet));
      }
      const all = await app.data.listTheses();
      expect(all.total).toBe(2);
      expect(all).toEqual(await reference.data.listTheses());
      const byYear = { facet: 'year', value: all.theses[0]!.issued!.slice(0, 4) } as const;
      expect(await app.data.listTheses(byYear)).toEqual(await reference.data.listTheses(byYear));
      const iris = [`${B}graph/thesis/1.0449833`, `${B}dataset#dataset`, `${B}id/thesis/1.0449833`];
      expect(await app.data.modified(iris)).toEqual(await reference.data.modified(iris));
      expect((await app.data.graphNames()).sort()).toEqual((await reference.data.graphNames()).sort());
    });

    it('the home page and the sitemap', async () => {
      for (const url of ['/', '/sitemap.xml']) {
        const [ours, theirs] = await Promise.all([app, reference].map((a) => a.inject({ url })));
        expect(ours.statusCode, url).toBe(theirs.statusCode);
        expect(elements(ours.body), url).toEqual(elements(theirs.body));
      }
    });

    it('cuts a result at the row cap and says so', async () => {
      const r = await app.inject({ url: `/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`, headers: { accept: JSON_RESULTS } });
      expect(r.statusCode).toBe(200);
      expect(JSON.parse(r.body).results.bindings.length).toBeLessThanOrEqual(1000);
    });
  });
}
