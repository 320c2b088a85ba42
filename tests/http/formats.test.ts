// The one format table: each entry has a writer, per-format URLs, Link alternates, 406 bodies and 410 answers follow it per kind; negotiation hands back parameters; JSON-LD profiles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { FORMATS, formatsFor, splitExtension } from '../../src/core/formats.ts';
import { parsePath } from '../../src/core/iri.ts';
import { ALL_DOC_FORMATS, docFormatsFor, negotiateWithParameters } from '../../src/server/negotiate.ts';
import { WRITERS, jsonldForm } from '../../src/server/formats/writers.ts';
import { testApp } from '../helpers/app.ts';
import { isomorphic, parse } from '../helpers/rdf.ts';
import { catalogDist } from './resolve-dist.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
let mini: FastifyInstance;

beforeAll(async () => {
  [app, mini] = await Promise.all([catalogDist().then((distDir) => testApp({ distDir })), testApp()]);
});
afterAll(async () => Promise.all([app?.close(), mini?.close()]));

/** The [url, type] pairs of a Link header's rel="alternate" entries. */
const alternates = (link: string) => [...link.matchAll(/<([^>]+)>; rel="alternate"; type="([^"]+)"/g)].map((m) => [m[1], m[2]]);

describe('the table', () => {
  it('every format has a writer, and nothing else does', () => {
    expect(Object.keys(WRITERS).sort()).toEqual(FORMATS.map((f) => f.key).sort());
  });

  it('per-format URLs split on the longest known extension, per kind; ids keep their dots', () => {
    expect(splitExtension('1.0449833.csl.json')).toMatchObject({ id: '1.0449833', format: { key: 'csl' } });
    expect(parsePath('doc/thesis/1.0449833.csl.json')).toEqual({ space: 'doc', kind: 'thesis', id: '1.0449833', ext: 'csl.json' });
    expect(parsePath('doc/thesis/1.0449833.ttl')).toMatchObject({ id: '1.0449833', ext: 'ttl' });
    expect(parsePath('doc/person/li-yi.bib')).toMatchObject({ id: 'li-yi.bib', ext: undefined });
    expect(parsePath('doc/thesis/1.0449833')).toMatchObject({ id: '1.0449833', ext: undefined });
    expect(formatsFor('person').map((f) => f.key)).toEqual(['html', 'ttl', 'nt', 'jsonld', 'rdf']);
    expect(formatsFor('thesis').map((f) => f.key)).toEqual(FORMATS.map((f) => f.key));
  });

  it.each([
    ['thesis', '/doc/thesis/1.0449833', 'doc/thesis/1.0449833'],
    ['person', '/doc/person/li-yi', 'doc/person/li-yi'],
  ])('a %s document: every format of its kind answers at its per-format URL with its media type, and Link lists exactly those', async (kind, url, path) => {
    const res = await app.inject({ url, headers: { accept: 'text/turtle' } });
    expect(alternates(String(res.headers.link))).toEqual(docFormatsFor(kind).map((f) => [`${B}${path}.${f.key}`, f.mediaType]));
    for (const f of docFormatsFor(kind)) {
      const one = await app.inject({ url: `${url}.${f.key}` });
      expect(one.statusCode, `${url}.${f.key}`).toBe(200);
      expect(one.headers['content-type']).toBe(`${f.mediaType}; charset=utf-8`);
    }
  });

  it('a 406 lists what the kind offers: a thesis its citations, a person none', async () => {
    const thesis = await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'image/png' } });
    expect(thesis.statusCode).toBe(406);
    for (const f of docFormatsFor('thesis')) expect(thesis.body).toContain(f.mediaType);
    const person = await app.inject({ url: '/doc/person/li-yi', headers: { accept: 'image/png' } });
    expect(person.body).toContain('application/rdf+xml');
    expect(person.body).not.toContain('application/x-bibtex');
  });

  it('410: a withdrawn thesis answers RDF for an RDF syntax, words for a citation', async () => {
    const ttl = await mini.inject({ url: '/doc/thesis/1.0000000', headers: { accept: 'text/turtle' } });
    expect(ttl.statusCode).toBe(410);
    expect(ttl.headers['content-type']).toMatch(/^text\/turtle/);
    const bib = await mini.inject({ url: '/doc/thesis/1.0000000.bib' });
    expect(bib.statusCode).toBe(410);
    expect(bib.headers['content-type']).toMatch(/^text\/plain/);
    expect(bib.body).toContain('no longer published');
  });
});

describe('negotiation hands back the chosen offer with its parameters', () => {
  const offers = ALL_DOC_FORMATS;
  it.each([
    ['text/x-bibliography; style=apa; locale=fr-FR', {}, 'txt', { style: 'apa', locale: 'fr-FR' }],
    ['text/x-bibliography;style="chicago-author-date";q=0.9, text/html;q=0.1', {}, 'txt', { style: 'chicago-author-date' }],
    ['text/x-bibliography; style="a,b;c"', {}, 'txt', { style: 'a,b;c' }],
    ['text/x-bibliography; charset=utf-8; colour=red', {}, 'txt', {}],
    ['application/ld+json; profile="http://www.w3.org/ns/json-ld#flattened"', {}, 'jsonld', { profile: 'http://www.w3.org/ns/json-ld#flattened' }],
    ['application/json', {}, 'jsonld', {}],
    ['text/turtle; style=apa', {}, 'ttl', {}],
    [undefined, { format: 'txt', style: 'ieee', locale: 'de' }, 'txt', { style: 'ieee', locale: 'de' }],
    ['text/x-bibliography; style=apa', { format: 'csl' }, 'csl.json', {}],
  ] as const)('Accept %s, query %j → %s %j', (accept, query, key, parameters) => {
    const chosen = negotiateWithParameters(offers, accept, query);
    expect(chosen?.offer.key).toBe(key);
    expect(chosen?.parameters).toEqual(parameters);
  });
});

describe('JSON-LD profiles', () => {
  it('reads the profile IRIs and their short names; compacted by default', () => {
    expect(jsonldForm('http://www.w3.org/ns/json-ld#expanded')).toBe('expanded');
    expect(jsonldForm('http://example.org/other http://www.w3.org/ns/json-ld#flattened')).toBe('flattened');
    expect(jsonldForm('flattened')).toBe('flattened');
    expect(jsonldForm(undefined)).toBe('compacted');
  });

  it('expanded, flattened and compacted are the same graph; the answer says its profile', async () => {
    const url = '/doc/thesis/1.0449833';
    const compacted = await app.inject({ url, headers: { accept: 'application/ld+json' } });
    const expanded = await app.inject({ url, headers: { accept: 'application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"' } });
    const flattened = await app.inject({ url: `${url}.jsonld?profile=${encodeURIComponent('http://www.w3.org/ns/json-ld#flattened')}` });
    expect(expanded.headers['content-type']).toBe('application/ld+json; profile="http://www.w3.org/ns/json-ld#expanded"; charset=utf-8');
    expect(Array.isArray(JSON.parse(expanded.body))).toBe(true);
    expect(JSON.parse(flattened.body)['@graph']).toBeDefined();
    expect(JSON.parse(compacted.body)['@context']).toBeDefined();
    const base = await parse(compacted.body, 'jsonld');
    expect(base.length).toBeGreaterThan(20);
    expect(isomorphic(await parse(expanded.body, 'jsonld'), base)).toBe(true);
    expect(isomorphic(await parse(flattened.body, 'jsonld'), base)).toBe(true);
  });
});
