// The client's own query errors answer 400 with the reason (engine evaluation errors, illegal grouping); faults of ours stay a bare 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { classifyEngineError } from '../../src/server/sparql/engine-errors.ts';
import { ThesisLodError } from '../../src/core/errors.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

const ask = (query: string) => app.inject({ url: `/sparql?${new URLSearchParams({ query })}`, headers: { accept: 'application/json' } });

describe('errors in the query itself answer 400 with a clear message', () => {
  it.each([
    ['a BIND to a bound variable', 'SELECT ?x WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }', 'TL_ERR_QUERY_EVALUATION', /Illegal binding to variable 'x'/],
    ['an unknown XSD function', 'SELECT ?x WHERE { BIND(<http://www.w3.org/2001/XMLSchema#foo>(1) AS ?x) }', 'TL_ERR_QUERY_EVALUATION', /unknown function <http:\/\/www\.w3\.org\/2001\/XMLSchema#foo>/],
    ['an unknown function in a projection', 'SELECT (<http://example.org/f>(1) AS ?x) {}', 'TL_ERR_QUERY_EVALUATION', /unknown function <http:\/\/example\.org\/f>/],
    ['an invalid regular expression', 'SELECT ?x WHERE { VALUES ?y { "a" } FILTER(REGEX(?y, "(")) }', 'TL_ERR_QUERY_EVALUATION', /Invalid regular expression/],
    ['invalid regex flags', 'SELECT (REGEX("a", "a", "zz") AS ?x) {}', 'TL_ERR_QUERY_EVALUATION', /Invalid flags/],
    ['an ungrouped variable beside COUNT(*)', 'SELECT (COUNT(*) AS ?n) ?s WHERE { ?s ?p ?o }', 'TL_ERR_QUERY_SYNTAX', /ungrouped variable \?s/],
    ['an ungrouped variable beside SUM', 'SELECT (SUM(?o) AS ?t) ?s WHERE { ?s ?p ?o }', 'TL_ERR_QUERY_SYNTAX', /ungrouped variable \?s/],
    ['an ungrouped variable in an expression', 'SELECT (STR(?p) AS ?q) (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s', 'TL_ERR_QUERY_SYNTAX', /ungrouped variable.*\?p/],
    ['an ungrouped variable in a subquery', 'SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) ?s WHERE { ?s ?p ?o } } }', 'TL_ERR_QUERY_SYNTAX', /ungrouped variable \?s/],
  ])('%s', async (_what, query, code, message) => {
    const res = await ask(query);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message).toMatch(message);
    // The reason, not Comunica's wiring.
    expect(body.message).not.toMatch(/actor|urn:comunica|node_modules|\n/);
  });

  it.each([
    'SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s',
    'SELECT (COUNT(*) AS ?n) ((?n * 2) AS ?m) WHERE { ?s ?p ?o }',
    'SELECT ?k (SAMPLE(?o) AS ?any) WHERE { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)',
    'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "^Chang", "i")) }',
  ])('a legal query still runs: %s', async (query) => {
    expect((await ask(query)).statusCode).toBe(200);
  });
});

describe('classifyEngineError', () => {
  const fromComunica = (make: () => Error) => {
    const err = make();
    err.stack = `${err.name}: ${err.message}\n    at ActorX.run (/app/node_modules/@comunica/actor-x/lib/ActorX.js:1:1)`;
    return err;
  };

  it('makes an Error raised inside Comunica a 400', () => {
    const out = classifyEngineError(fromComunica(() => new Error('Illegal binding')));
    expect(out).toBeInstanceOf(ThesisLodError);
    expect((out as ThesisLodError).statusCode).toBe(400);
  });

  it.each([
    ['a TypeError inside Comunica', fromComunica(() => new TypeError('x is undefined'))],
    ['a RangeError (stack overflow) inside Comunica', fromComunica(() => new RangeError('Maximum call stack size exceeded'))],
    ['an Error raised by our own code', new Error('writer bug')],
    ['something not an Error', 'a string'],
  ])('leaves %s as it is (an internal 500)', (_what, err) => {
    expect(classifyEngineError(err)).toBe(err);
  });
});
