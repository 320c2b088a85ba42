// Over the real build of data/: every thing IRI in the dataset resolves (303 → a document that parses and a page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { builtDist, testApp } from '../helpers/app.ts';
import { parseN3 } from '../helpers/rdf.ts';

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
      const quads = parseN3(doc.body, 'Turtle');
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
      expect(parseN3(r.body, 'Turtle').length).toBeGreaterThan(10);
    }
  });
});
