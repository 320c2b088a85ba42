// A withdrawn thesis takes what its record minted with it: abstract, annotations, source, record-scoped ids and its graph answer 410, not 404.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { copyDist, testApp } from '../helpers/app.ts';
import { recordOf, type ThingKind } from '../../src/core/iri.ts';

const REASON = 'Withdrawn by the repository (2025-10-01).';
let app: FastifyInstance;

beforeAll(async () => {
  // dist-mini with the seed thesis listed as gone, as the ledger writes it after a withdrawal.
  const dist = await copyDist('gone');
  const file = path.join(dist, 'redirects.json');
  const redirects = JSON.parse(await readFile(file, 'utf8')) as { gone: Record<string, string> };
  redirects.gone['thesis/1.0449833'] = REASON;
  await writeFile(file, JSON.stringify(redirects));
  app = await testApp({ distDir: dist });
});
afterAll(async () => { await app.close(); });

describe('URIs of a withdrawn record', () => {
  it.each([
    'id/thesis/1.0449833',
    'id/abstract/1.0449833',
    'id/annotation/1.0449833-41-49',
    'id/annotation/1.0449833-114-123',
    'id/source/1.0449833',
    'id/person/1.0449833-creator-1',
    'id/person/1.0449833-supervisor-1',
    'id/organization/1.0449833-publisher-1',
    'id/degree/1.0449833-degree',
    'id/collection/1.0449833-collection',
    'doc/abstract/1.0449833',
    'doc/annotation/1.0449833-114-123.ttl',
    'doc/person/1.0449833-creator-2.html',
    'graph/thesis/1.0449833',
  ])('/%s answers 410 naming the withdrawn thesis', async (url) => {
    const r = await app.inject({ url: `/${url}`, headers: { accept: 'text/plain' } });
    expect(r.statusCode, r.body).toBe(410);
    expect(r.body).toContain('no longer published');
    expect(r.body).toContain(REASON);
  });

  it('answers RDF saying the dependent thing is deprecated when asked for', async () => {
    const r = await app.inject({ url: '/id/abstract/1.0449833', headers: { accept: 'text/turtle' } });
    expect(r.statusCode).toBe(410);
    expect(r.headers['content-type']).toMatch(/^text\/turtle/);
    expect(r.body).toMatch(/owl:deprecated|http:\/\/www\.w3\.org\/2002\/07\/owl#deprecated/);
  });

  it.each([
    ['id/abstract/1.0000001', 303],
    ['id/annotation/1.0000001-11-20', 303],
    ['id/person/1.0000001-creator-1', 303],
    ['id/place/changchun', 303],
    ['graph/thesis/1.0000001', 303],
    ['id/abstract/1.04498330', 404],
  ])('other records and entities are untouched: /%s → %i', async (url, status) => {
    expect((await app.inject({ url: `/${url}` })).statusCode).toBe(status);
  });
});

describe('recordOf', () => {
  it.each([
    ['abstract', '1.0449833', '1.0449833'],
    ['source', '1.0449833', '1.0449833'],
    ['thesis', '1.0449833', '1.0449833'],
    ['annotation', '1.0449833-41-49', '1.0449833'],
    ['person', '1.0449833-creator-1', '1.0449833'],
    ['person', '1.0449833-contributor-12', '1.0449833'],
    ['organization', '1.0449833-affiliation-2', '1.0449833'],
    ['degree', '1.0449833-degree', '1.0449833'],
    ['collection', '1.0449833-collection', '1.0449833'],
    ['person', 'li-yi', undefined],
    ['person', '1.0449833-author-1', undefined],
    ['annotation', '1.0449833-41', undefined],
    ['place', 'changchun', undefined],
    ['concept', '1.0449833', undefined],
  ] as [ThingKind, string, string | undefined][])('%s %s → %s', (kind, id, itemId) => {
    expect(recordOf(kind, id)).toBe(itemId);
  });
});
