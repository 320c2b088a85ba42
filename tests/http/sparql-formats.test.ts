// What clients nobody here wrote ask the endpoint for: `format` twice (a name and its media type), the names SPARQLWrapper and other endpoints use, a format of another query form, an Accept naming only another form's formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { parseResults } from '../w3c/results.ts';
import { parse, rdfSyntax } from '../helpers/rdf.ts';

const B = 'http://localhost:8080/';
const SEED = `${B}id/thesis/1.0449833`;
const SELECT = `SELECT ?t WHERE { <${SEED}> a ?t }`;
const ASK = `ASK { <${SEED}> a ?t }`;
const CONSTRUCT = `CONSTRUCT { <${SEED}> a ?t } WHERE { <${SEED}> a ?t }`;
const DESCRIBE = `DESCRIBE <${SEED}>`;
const QUERIES = { SELECT, ASK, CONSTRUCT, DESCRIBE };

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

/** GET with every `format` value in order, as SPARQLWrapper writes the URL. */
function get(query: string, formats: string[], accept?: string) {
  const search = new URLSearchParams({ query });
  for (const f of formats) search.append('format', f);
  return app.inject({ url: `/sparql?${search}`, headers: accept === undefined ? {} : { accept } });
}

/** Reads a body back with a real parser for its media type: rows or a boolean, or a graph's triples. */
async function readBack(type: string, body: string): Promise<number | boolean> {
  const syntax = rdfSyntax(type);
  if (syntax) return (await parse(body, syntax, B)).length;
  const read = parseResults(type, body) as { rows?: unknown[]; boolean?: boolean };
  return read.boolean ?? read.rows!.length;
}

describe('format and Accept as clients send them', () => {
  it.each([
    // SPARQLWrapper (onlyConneg off) repeats `format` with the media type for TSV, RDF/XML and JSON-LD.
    ['SELECT', ['tsv', 'text/tab-separated-values'], undefined, 'text/tab-separated-values', 2],
    ['SELECT', ['tsv', 'tsv'], undefined, 'text/tab-separated-values', 2],
    ['SELECT', ['csv'], undefined, 'text/csv', 2],
    ['SELECT', ['json'], undefined, 'application/sparql-results+json', 2],
    ['SELECT', ['xml'], undefined, 'application/sparql-results+xml', 2],
    ['ASK', ['json', 'json'], undefined, 'application/sparql-results+json', true],
    ['CONSTRUCT', ['rdf+xml', 'application/rdf+xml'], 'application/rdf+xml', 'application/rdf+xml', 2],
    ['CONSTRUCT', ['n3'], 'application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3', 'text/turtle', 2],
    ['CONSTRUCT', ['rdf'], undefined, 'application/rdf+xml', 2],
    ['CONSTRUCT', ['xml'], undefined, 'application/rdf+xml', 2],
    ['CONSTRUCT', ['json'], undefined, 'application/ld+json', 2],
    ['CONSTRUCT', ['json-ld', 'application/ld+json'], undefined, 'application/ld+json', 2],
    // A format that does not fit the query form leaves the choice to Accept.
    ['CONSTRUCT', ['csv'], 'application/n-triples', 'application/n-triples', 2],
    ['SELECT', ['ttl'], 'text/csv', 'text/csv', 2],
    ['SELECT', ['unknown-name'], 'application/sparql-results+xml', 'application/sparql-results+xml', 2],
    // roqet asks for every form with a results Accept: a graph gets Turtle; the reverse gets JSON.
    ['CONSTRUCT', [], 'application/sparql-results+xml', 'text/turtle', 2],
    ['DESCRIBE', [], 'application/sparql-results+xml', 'text/turtle', 32],
    ['SELECT', [], 'application/rdf+xml', 'application/sparql-results+json', 2],
    ['ASK', [], 'text/turtle', 'application/sparql-results+json', true],
  ] as const)('%s with format=%j and Accept %s answers %s', async (form, formats, accept, type, expected) => {
    const res = await get(QUERIES[form], [...formats], accept);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.headers['content-type'] as string).split(';')[0]).toBe(type);
    expect(await readBack(type, res.body)).toEqual(expected);
  });

  it('takes format from a POST form too, repeated, as SPARQLWrapper posts it', async () => {
    const payload = new URLSearchParams([['query', SELECT], ['format', 'tsv'], ['format', 'text/tab-separated-values'], ['output', 'tsv'], ['results', 'tsv']]).toString();
    const res = await app.inject({ method: 'POST', url: '/sparql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/tab-separated-values/);
  });

  it('refuses format values that name two different formats of the query form, saying which', async () => {
    const res = await get(SELECT, ['json', 'xml']);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/format parameters name different formats for a SELECT result \(format=json, format=xml\)/);
  });

  it('still answers 406 to an Accept that names nothing any query form has', async () => {
    const res = await get(CONSTRUCT, [], 'image/png');
    expect(res.statusCode).toBe(406);
    expect(res.body).toMatch(/CONSTRUCT\/DESCRIBE result cannot be sent as Accept: image\/png; available: text\/turtle/);
  });
});
