// The example queries: at least eight, each documented, each parses, each answers rows on the built seed dataset through /sparql.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import sparqljs from 'sparqljs';
import { builtDist, testApp } from '../helpers/app.ts';
import { loadExamples, parseExample } from '../../src/server/site/examples.ts';

const examples = await loadExamples();

describe('sparql/examples/*.rq', () => {
  it('holds at least eight queries, each with a title and a description', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const e of examples) {
      expect(e.title, e.id).toMatch(/\S{3}/);
      expect(e.description.length, e.id).toBeGreaterThan(30);
    }
    expect(new Set(examples.map((e) => e.title)).size).toBe(examples.length);
  });

  it.each(examples.map((e) => [e.id, e] as const))('%s parses as a SPARQL query (sparqljs)', (_id, e) => {
    const parsed = new sparqljs.Parser().parse(e.query);
    expect(parsed.type).toBe('query');
  });

  it('reads a multi-line description and refuses a file without a title', () => {
    expect(parseExample('x', '# title: T\n# description: one\n#   two\nSELECT * {}').description).toBe('one two');
    expect(() => parseExample('x', '# description: d\nASK {}')).toThrow(/x\.rq has no "# title:"/);
  });
});

describe('example queries on the built seed dataset, through the endpoint', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp({ distDir: await builtDist() });
  });
  afterAll(async () => app?.close());

  it.each(examples.map((e) => [e.id, e] as const))('%s answers at least one row', async (_id, e) => {
    const res = await app.inject({
      method: 'POST', url: '/sparql', payload: e.query,
      headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { results: { bindings: unknown[] } }).results.bindings;
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });
});
