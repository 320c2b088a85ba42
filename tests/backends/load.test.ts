// `load` into a real Virtuoso: verified counts, a reload served only once whole (never half), the old generation dropped, a failed load leaving the previous one served.
import path from 'node:path';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { copyDist, DIST_MINI, testApp } from '../helpers/app.ts';
import { DBA, HAS_VIRTUOSO, SKIP_REASON, Virtuoso } from '../helpers/virtuoso.ts';
import { loadStore } from '../../src/store-external/load.ts';
import { ThesisLodError } from '../../src/core/errors.ts';

const B = 'http://localhost:8080/';
const COUNT = `SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }`;

/** Every graph in the store whose name is a generation's (by its prefix), through the store's own endpoint. */
async function generationGraphs(store: Virtuoso): Promise<string[]> {
  const q = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:x-thesis-lod:gen:")) }';
  const r = await fetch(`${store.url}?query=${encodeURIComponent(q)}`, { headers: { accept: 'application/sparql-results+json' } });
  return ((await r.json()) as any).results.bindings.map((b: any) => b.g.value);
}

describe.skipIf(!HAS_VIRTUOSO)('thesis-lod load into Virtuoso', () => {
  let store: Virtuoso;
  let app: FastifyInstance;
  let embedded: FastifyInstance;
  const dump = path.join(DIST_MINI, 'dumps', 'dataset.nq');
  const quads = async (a: FastifyInstance, query = COUNT) => Number(JSON.parse((await a.inject({ url: `/sparql?query=${encodeURIComponent(query)}`, headers: { accept: 'application/sparql-results+json' } })).body).results.bindings[0].n.value);

  beforeAll(async () => {
    [store, embedded] = await Promise.all([Virtuoso.start(), testApp()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([app?.close(), embedded?.close()]);
    await store?.dispose();
  }, 60_000);

  it('loads every quad of the dump, one named graph per record, and verifies the counts', async () => {
    const report = await loadStore({ dump, storeUrls: [store.url], credentials: DBA, graceMs: 0 });
    const lines = (await readFile(dump, 'utf8')).split('\n').filter((l) => l.trim()).length;
    expect(report.quads).toBe(lines);
    expect(report.graphs).toBe(5);
    expect(report.triples).toBe((await embedded.data.stats()).triples);
    app = await testApp({ config: { store: 'sparql', storeUrls: store.url } });
    expect(await quads(app)).toBe(lines);
    expect((await app.data.stats()).triples).toBe(report.triples);
    expect((await app.inject({ url: '/health' })).json().store.generation).toBe(report.generation);
  }, 120_000);

  it('`thesis-lod load --store URL` loads from the command line, credentials from the environment only', async () => {
    const bin = path.join(path.dirname(DIST_MINI), '..', '..', 'bin', 'thesis-lod.js');
    const run = (env: Record<string, string>) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      execFile(process.execPath, [bin, 'load', '--store', store.url, '--dist-dir', DIST_MINI, '--grace-ms', '0'], { env: { ...process.env, STORE_USER: '', STORE_PASSWORD: '', ...env } }, (error, out, err) => resolve({ code: error ? (error as { code?: number }).code ?? 1 : 0, out, err }));
    });
    const without = await run({});
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/STORE_USER and STORE_PASSWORD/);
    const ok = await run({ STORE_USER: DBA.user, STORE_PASSWORD: DBA.password });
    expect(ok.code, ok.err).toBe(0);
    const report = JSON.parse(ok.out);
    expect(report.quads).toBe(154);
    expect((await app.inject({ url: '/health' })).json().store.generation).toBeDefined();
    await new Promise((r) => setTimeout(r, 2100));
    expect((await app.inject({ url: '/health' })).json().store.generation).toBe(report.generation);
  }, 120_000);

  it('refuses to load without the store\'s credentials, and nothing changes', async () => {
    const before = await app.data.stats();
    await expect(loadStore({ dump, storeUrls: [store.url], credentials: { user: 'dba', password: 'wrong' }, graceMs: 0 })).rejects.toThrow(/401|refused/);
    expect(await app.data.stats()).toEqual(before);
  }, 60_000);

  it('a reload is served only once it is whole: before the switch every query sees the previous build', async () => {
    // The next build: one record fewer (its graph's lines removed).
    const dist = await copyDist('reload');
    const next = path.join(dist, 'dumps', 'dataset.nq');
    const kept = (await readFile(next, 'utf8')).split('\n').filter((l) => !l.includes(`<${B}graph/thesis/1.0000001>`));
    await writeFile(next, kept.join('\n'));
    const before = await quads(app);
    const previous = (await app.inject({ url: '/health' })).json().store.generation;
    let during: { quads: number; thesis: number } | undefined;
    const report = await loadStore({
      dump: next, storeUrls: [store.url], credentials: DBA, graceMs: 2500,
      beforeSwitch: async () => {
        // The new generation is in the store, verified, and not served yet.
        during = { quads: await quads(app), thesis: (await app.inject({ url: '/id/thesis/1.0000001' })).statusCode };
      },
    });
    expect(during).toEqual({ quads: before, thesis: 303 });
    expect(report.previous).toBe(previous);
    await new Promise((r) => setTimeout(r, 2100)); // the server trusts the record it read for 2 s
    expect(await quads(app)).toBe(kept.filter((l) => l.trim()).length);
    expect((await app.inject({ url: '/id/thesis/1.0000001' })).statusCode).toBe(404);
    // The previous generation is gone from the store: only the new one's graphs are left.
    const graphs = await generationGraphs(store);
    expect(graphs.length).toBe(4);
    expect(graphs.every((g) => g.includes(report.generation))).toBe(true);
  }, 120_000);

  it('a load that fails part way leaves the previous generation served and nothing of its own behind', async () => {
    const dist = await copyDist('broken');
    const broken = path.join(dist, 'dumps', 'dataset.nq');
    await writeFile(broken, `${await readFile(dump, 'utf8')}<${B}id/x> <${B}p> "unterminated <${B}graph/x> .\n`);
    const before = { quads: await quads(app), generation: (await app.inject({ url: '/health' })).json().store.generation };
    const failure = await loadStore({ dump: broken, storeUrls: [store.url], credentials: DBA, graceMs: 0 }).catch((e) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure.message)).toMatch(/line 155/);
    expect({ quads: await quads(app), generation: (await app.inject({ url: '/health' })).json().store.generation }).toEqual(before);
    expect((await generationGraphs(store)).every((g) => g.includes(before.generation))).toBe(true);
  }, 120_000);

  it('a load whose store count differs from the dump\'s is not switched to', async () => {
    const before = (await app.inject({ url: '/health' })).json().store.generation;
    // Two identical lines: the store keeps the quad once, so its count is one short of what was read.
    const dist = await copyDist('dupe');
    const dupe = path.join(dist, 'dumps', 'dataset.nq');
    const text = await readFile(dump, 'utf8');
    await writeFile(dupe, `${text}${text.split('\n')[0]}\n`);
    const failure = await loadStore({ dump: dupe, storeUrls: [store.url], credentials: DBA, graceMs: 0 }).catch((e) => e);
    expect(failure).toBeInstanceOf(ThesisLodError);
    expect(failure.message).toMatch(/not switched/);
    expect((await app.inject({ url: '/health' })).json().store.generation).toBe(before);
  }, 120_000);
});

describe.skipIf(HAS_VIRTUOSO)('thesis-lod load', () => {
  it.skip(SKIP_REASON, () => {});
});
