// /reconcile as OpenRefine speaks it: manifest, form-encoded batches, JSONP, 1.0 JSON, suggest, preview, extension, CORS; every answer checked against the W3C schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { catalogDist } from './resolve-dist.ts';
import { examples, HAVE_SCHEMAS, validators } from './reconcile-schemas.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
const v02 = HAVE_SCHEMAS ? validators('0.2') : undefined;
const v10 = HAVE_SCHEMAS ? validators('1.0-draft') : undefined;

beforeAll(async () => {
  app = await testApp({ distDir: await catalogDist() });
});
afterAll(async () => app?.close());

/** Expects a JSON value to satisfy a schema of a version (skipped, with a note, where ../shared is absent). */
function expectValid(version: '0.2' | '1.0-draft', file: string, json: unknown): void {
  const validate = (version === '0.2' ? v02 : v10)?.(file);
  if (!validate) return;
  const ok = validate(json);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

const form = (fields: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: '/reconcile',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&'),
});

async function batch(queries: Record<string, unknown>): Promise<Record<string, { result: { id: string; name: string; score: number; match: boolean; type: { id: string }[] }[] }>> {
  const res = await app.inject(form({ queries }));
  expect(res.statusCode, res.body).toBe(200);
  const json = res.json();
  expectValid('0.2', 'reconciliation-result-batch.json', json);
  return json;
}

describe.skipIf(!HAVE_SCHEMAS)('the schemas themselves', () => {
  it.each(['manifest', 'reconciliation-result-batch', 'reconciliation-query-batch', 'data-extension-response'])('0.2 %s: valid examples pass, invalid ones fail', (folder) => {
    for (const [file, json, valid] of examples('0.2', folder)) expect(v02!(`${folder}.json`)(json), file).toBe(valid);
  });
});

describe('manifest', () => {
  it('GET /reconcile is a 0.2 manifest, with view, preview, suggest and extend', async () => {
    const res = await app.inject({ url: '/reconcile', headers: { origin: 'https://openrefine.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const m = res.json();
    expectValid('0.2', 'manifest.json', m);
    expect(m.identifierSpace).toBe(`${B}id/`);
    expect(m.view.url).toBe(`${B}reconcile/view/{{id}}`);
    expect(m.defaultTypes.map((t: { id: string }) => t.id)).toEqual(['thesis', 'person', 'organization', 'place', 'event', 'concept']);
    expect(`${m.suggest.entity.service_url}${m.suggest.entity.service_path}`).toBe(`${B}reconcile/suggest/entity`);
    expect(`${m.extend.propose_properties.service_url}${m.extend.propose_properties.service_path}`).toBe(`${B}reconcile/propose_properties`);
  });

  it('JSONP: ?callback= wraps the manifest; a callback that is not a name is refused', async () => {
    const res = await app.inject({ url: '/reconcile?callback=jQuery123_456' });
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    const body = /^\/\*\*\/jQuery123_456\((.*)\);$/s.exec(res.body);
    expect(body).not.toBeNull();
    expectValid('0.2', 'manifest.json', JSON.parse(body![1]!));
    expect((await app.inject({ url: '/reconcile?callback=alert(1)//' })).statusCode).toBe(400);
  });
});

describe('reconciliation queries', () => {
  it('a form-encoded batch as OpenRefine posts it, ranked: alias, other scripts, typo, exact title', async () => {
    const r = await batch({
      q0: { query: 'Yiqi', type: 'organization', type_strict: 'should' },
      q1: { query: '一汽' },
      q2: { query: 'ЗИЛ', type: 'organisation' },
      q3: { query: 'Likachev Plant' },
      q4: { query: 'Tidewater glaciers and the 1958 Lituya Bay wave', type: 'thesis', limit: 3 },
      q5: { query: 'The Lituya Bay megatsunami' },
    });
    expect(r.q0!.result[0]).toMatchObject({ id: 'organization/faw', match: true, score: 100 });
    expect(r.q1!.result[0]).toMatchObject({ id: 'organization/faw', match: true });
    expect(r.q2!.result[0]).toMatchObject({ id: 'organization/zil', match: true });
    expect(r.q3!.result[0]).toMatchObject({ id: 'organization/zil', match: false });
    expect(r.q4!.result[0]).toMatchObject({ id: 'thesis/1.0435001', match: true });
    expect(r.q4!.result.length).toBeLessThanOrEqual(3);
    expect(r.q4!.result.every((c) => c.type[0]!.id === 'thesis')).toBe(true);
    expect(r.q5!.result[0]!.id).toBe('thesis/1.0435001');
  });

  it('a type filter: Yiqi as a thesis finds the thesis that names it, not the company', async () => {
    const r = await batch({ q0: { query: 'Yiqi', type: 'thesis' } });
    expect(r.q0!.result[0]!.id).toBe('thesis/1.0449833');
    expect(r.q0!.result.some((c) => c.id === 'organization/faw')).toBe(false);
  });

  it('property filters: a thesis by creator and year', async () => {
    const r = await batch({
      q0: { query: 'Beyond the split', type: 'thesis', properties: [{ pid: 'creator', v: 'Li, Yi' }, { pid: 'year', v: '2025' }] },
      q1: { query: 'Beyond the split', type: 'thesis', properties: [{ pid: 'year', v: '1999' }] },
      q2: { type: 'thesis', properties: [{ pid: 'doi', v: 'DOI:10.14288/1.0435001' }] },
    });
    expect(r.q0!.result[0]).toMatchObject({ id: 'thesis/1.0449833', match: true });
    expect(r.q1!.result[0]).toMatchObject({ id: 'thesis/1.0449833', match: false });
    expect(r.q1!.result[0]!.score).toBeLessThan(r.q0!.result[0]!.score);
    expect(r.q2!.result[0]).toMatchObject({ id: 'thesis/1.0435001', match: true });
  });

  it('GET ?queries= answers the same, as JSONP with a callback', async () => {
    const q = encodeURIComponent(JSON.stringify({ q0: { query: 'ZiL' } }));
    const plain = await app.inject({ url: `/reconcile?queries=${q}` });
    expectValid('0.2', 'reconciliation-result-batch.json', plain.json());
    const jsonp = await app.inject({ url: `/reconcile?queries=${q}&callback=cb` });
    expect(jsonp.body).toBe(`/**/cb(${plain.body});`);
  });

  it('a JSON body with a 0.2 batch object, and a 1.0-draft batch answered as {"results": […]}', async () => {
    const res = await app.inject({ method: 'POST', url: '/reconcile', payload: { queries: { a: { query: 'Toyota' } } } });
    expect(res.json().a.result[0].id).toBe('organization/toyota');
    const draft = { queries: [{ type: 'thesis', limit: 2, conditions: [{ matchType: 'name', propertyValue: 'Beyond the split' }, { matchType: 'property', propertyId: 'year', propertyValue: '2025' }] }, { conditions: [{ matchType: 'name', propertyValue: 'ЗИЛ' }] }] };
    expectValid('1.0-draft', 'reconciliation-query-batch.json', draft);
    const r10 = await app.inject({ method: 'POST', url: '/reconcile', payload: draft });
    expect(r10.statusCode, r10.body).toBe(200);
    expectValid('1.0-draft', 'reconciliation-result-batch.json', r10.json());
    expect(r10.json().results.map((r: { candidates: { id: string }[] }) => r.candidates[0]?.id)).toEqual(['thesis/1.0449833', 'organization/zil']);
  });

  it('a 1,000-query batch: every key answered, the answer valid', async () => {
    const names = ['Yiqi', 'ZiL', 'Toyota', 'Volkswagen', 'Changchun', 'Moscow', 'Cold War', 'Li, Yi', 'Lituya Bay', 'UBC'];
    const queries = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`q${i}`, { query: i % 2 ? names[i % names.length]! : names[i % names.length]!.toLowerCase() }]));
    const started = performance.now();
    const r = await batch(queries);
    expect(Object.keys(r)).toHaveLength(1000);
    expect(r.q2!.result[0]!.id).toBe('organization/toyota');
    expect(r.q999!.result[0]!.id).toBe('organization/ubc');
    expect(performance.now() - started).toBeGreaterThan(0);
  });

  it.each([
    [{ queries: '{not json' }, 'queries is not valid JSON'],
    [{ queries: { q0: { type: 'thesis' } } }, 'neither a query string nor properties'],
    [{ queries: { q0: { query: 'x', limit: -1 } } }, 'limit must be a positive number'],
    [{ queries: [1] }, 'conditions'],
    [{ extend: { ids: ['thesis/1.0449833'], properties: [{ id: 'colour' }] } }, 'no property "colour"'],
  ])('a malformed request (%j) answers 400 saying why', async (fields, why) => {
    const res = await app.inject(Array.isArray((fields as { queries?: unknown }).queries) ? { method: 'POST', url: '/reconcile', payload: fields } : form(fields));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(why);
  });
});

describe('suggest, preview, view, data extension', () => {
  it('suggest: entities by prefix (with type), types, properties; all valid', async () => {
    const e = (await app.inject({ url: '/reconcile/suggest/entity?prefix=chang' })).json();
    expectValid('0.2', 'suggest-entities-response.json', e);
    expect(e.result[0]).toMatchObject({ id: 'place/changchun', notable: [{ id: 'place' }] });
    const typed = (await app.inject({ url: '/reconcile/suggest/entity?prefix=Volks&type=organization' })).json();
    expect(typed.result.map((x: { id: string }) => x.id)).toEqual(['organization/volkswagen']);
    const t = (await app.inject({ url: '/reconcile/suggest/type?prefix=org' })).json();
    expectValid('0.2', 'suggest-types-response.json', t);
    expect(t.result.map((x: { id: string }) => x.id)).toEqual(['organization']);
    const p = (await app.inject({ url: '/reconcile/suggest/property?prefix=cr&type=thesis' })).json();
    expectValid('0.2', 'suggest-properties-response.json', p);
    expect(p.result.map((x: { id: string }) => x.id)).toEqual(['creator']);
  });

  it('preview: a small page any site may frame; view: 303 to the thing, its id encoded or not', async () => {
    const res = await app.inject({ url: '/reconcile/preview?id=organization%2Fzil' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ЗИЛ');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
    for (const url of ['/reconcile/view/thesis%2F1.0449833', '/reconcile/view/thesis/1.0449833']) {
      const view = await app.inject({ url });
      expect(view.statusCode).toBe(303);
      expect(view.headers.location).toBe(`${B}id/thesis/1.0449833`);
    }
    expect((await app.inject({ url: '/reconcile/preview?id=thesis%2Fnope' })).statusCode).toBe(404);
  });

  it('data extension: DOI and year of a thesis, Wikidata of an organisation; proposals per type', async () => {
    const proposal = (await app.inject({ url: '/reconcile/propose_properties?type=thesis' })).json();
    expectValid('0.2', 'data-extension-property-proposal.json', proposal);
    expect(proposal.properties.map((p: { id: string }) => p.id)).toEqual(['creator', 'year', 'doi']);
    const query = { ids: ['thesis/1.0449833', 'organization/ubc', 'thesis/none'], properties: [{ id: 'doi' }, { id: 'year' }, { id: 'wikidata' }, { id: 'creator' }] };
    expectValid('0.2', 'data-extension-query.json', query);
    const res = await app.inject(form({ extend: query }));
    const json = res.json();
    expectValid('0.2', 'data-extension-response.json', json);
    expect(json.rows['thesis/1.0449833']).toMatchObject({ doi: [{ str: '10.14288/1.0449833' }], year: [{ int: 2025 }], creator: [{ id: 'person/li-yi', name: 'Li, Yi' }] });
    expect(json.rows['organization/ubc'].wikidata).toEqual([{ str: 'http://www.wikidata.org/entity/Q391028' }]);
    expect(json.rows['thesis/none']).toEqual({ doi: [], year: [], wikidata: [], creator: [] });
  });
});

describe('CORS from a browser', () => {
  it('answers carry Access-Control-Allow-Origin; a JSON POST preflight is allowed', async () => {
    const res = await app.inject({ url: '/reconcile/suggest/type', headers: { origin: 'https://example.org' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const pre = await app.inject({ method: 'OPTIONS', url: '/reconcile', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(String(pre.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('content-type');
  });
});
