// /changes: the IIIF Change Discovery 1.0 feed across two builds (a record added, changed, removed), and its paging.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../pipeline/run.ts';
import { activitiesFromLedger, type ActivityRow } from '../../pipeline/publish/changes-activities.ts';
import { loadConfig } from '../../src/core/config.ts';
import { copyDist, testApp } from '../helpers/app.ts';
import { makeDataDir, variant } from '../unit/run/data-dir.ts';

const B = 'http://localhost:8080/';
const AS_TYPE = 'application/ld+json;profile="https://www.w3.org/ns/activitystreams"';
const json = (body: string) => JSON.parse(body) as Record<string, any>;

describe('the change feed across two builds', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'changes-'));
    const dirs = { dataDir: path.join(root, 'data'), distDir: path.join(root, 'dist'), stateDir: path.join(root, 'state') };
    await makeDataDir(dirs.dataDir, {
      'a.txt': variant({ id: '1.0000001', title: 'First' }),
      'b.txt': variant({ id: '1.0000002', title: 'Second' }),
    });
    await runBuild(loadConfig(dirs, {}), { progress: false, workers: 0, buildDate: '2025-09-01' });
    // The second build: A changed, B gone, C new.
    await writeFile(path.join(dirs.dataDir, 'records', 'a.txt'), variant({ id: '1.0000001', title: 'First, revised' }));
    await rm(path.join(dirs.dataDir, 'records', 'b.txt'));
    await writeFile(path.join(dirs.dataDir, 'records', 'c.txt'), variant({ id: '1.0000003', title: 'Third' }));
    await runBuild(loadConfig(dirs, {}), { progress: false, workers: 0, buildDate: '2025-09-02' });
    app = await testApp({ distDir: dirs.distDir });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('is an OrderedCollection in the Activity Streams media type, with first and last pages', async () => {
    const res = await app.inject('/changes');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(AS_TYPE);
    const c = json(res.body);
    expect(c['@context']).toEqual(['https://www.w3.org/ns/activitystreams', 'http://iiif.io/api/discovery/1/context.json']);
    expect(c).toMatchObject({ id: `${B}changes`, type: 'OrderedCollection', totalItems: 5 });
    expect(c.first).toEqual({ id: `${B}changes/page/1`, type: 'OrderedCollectionPage' });
    expect(c.last).toEqual({ id: `${B}changes/page/1`, type: 'OrderedCollectionPage' });
  });

  it('lists Create, Update and Delete from the ledger, oldest to newest, each naming the thesis and its time', async () => {
    const page = json((await app.inject('/changes/page/1')).body);
    expect(page).toMatchObject({ type: 'OrderedCollectionPage', partOf: { id: `${B}changes`, type: 'OrderedCollection' }, startIndex: 0 });
    expect(page.prev).toBeUndefined();
    expect(page.next).toBeUndefined();
    expect(page.orderedItems.map((a: any) => [a.type, a.object.id, a.endTime])).toEqual([
      ['Create', `${B}id/thesis/1.0000001`, '2025-09-01T00:00:00Z'],
      ['Create', `${B}id/thesis/1.0000002`, '2025-09-01T00:00:00Z'],
      ['Create', `${B}id/thesis/1.0000003`, '2025-09-02T00:00:00Z'],
      ['Update', `${B}id/thesis/1.0000001`, '2025-09-02T00:00:00Z'],
      ['Delete', `${B}id/thesis/1.0000002`, '2025-09-02T00:00:00Z'],
    ]);
    expect(new Set(page.orderedItems.map((a: any) => a.id)).size).toBe(5);
    expect(page.orderedItems.every((a: any) => a.object.type === 'http://schema.org/Thesis')).toBe(true);
    // The deleted thesis answers 410, the others 303: what the feed names is what the server says.
    expect((await app.inject('/id/thesis/1.0000002')).statusCode).toBe(410);
    expect((await app.inject('/id/thesis/1.0000003')).statusCode).toBe(303);
  });

  it('is linked from the home page and the dataset description', async () => {
    expect((await app.inject('/')).body).toContain('href="/changes"');
    const ttl = (await app.inject({ url: '/dataset', headers: { accept: 'text/turtle' } })).body;
    expect(ttl).toContain(`${B}changes`);
  });
});

describe('paging (a feed of 250 activities, 100 a page)', () => {
  let dist: string;
  let app: FastifyInstance;
  const rows: ActivityRow[] = activitiesFromLedger(Object.fromEntries(Array.from({ length: 125 }, (_, i) => {
    const id = `1.${String(i).padStart(7, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return [id, { contentHash: 'x', firstPublished: `2024-01-${day}T00:00:00Z`, lastModified: `2025-01-${day}T00:00:00Z` }];
  })));

  beforeAll(async () => {
    dist = await copyDist('changes');
    await mkdir(path.join(dist, 'changes'), { recursive: true });
    await writeFile(path.join(dist, 'changes', 'activities.json'), JSON.stringify({ version: 1, activities: rows }));
    app = await testApp({ distDir: dist });
  });
  afterAll(async () => {
    await app?.close();
    await rm(path.dirname(dist), { recursive: true, force: true });
  });

  it('names the newest page as last, links pages both ways, and keeps every activity once, in time order', async () => {
    const c = json((await app.inject('/changes')).body);
    expect(c.totalItems).toBe(250);
    expect(c.last.id).toBe(`${B}changes/page/3`);
    // A client starts from the newest page and walks prev.
    const seen: any[] = [];
    let url: string | undefined = c.last.id;
    const starts: number[] = [];
    while (url) {
      const page = json((await app.inject(url.replace(B, '/'))).body);
      starts.push(page.startIndex);
      seen.unshift(...page.orderedItems);
      if (page.next) expect(json((await app.inject(page.next.id.replace(B, '/'))).body).prev.id).toBe(page.id);
      url = page.prev?.id;
    }
    expect(starts).toEqual([200, 100, 0]);
    expect(seen).toHaveLength(250);
    const times = seen.map((a) => a.endTime);
    expect([...times].sort()).toEqual(times);
    expect(seen.filter((a) => a.type === 'Create')).toHaveLength(125);
  });

  it('answers 404 past the last page and for a page that is not a number', async () => {
    for (const p of ['0', '4', 'x', '01']) expect((await app.inject(`/changes/page/${p}`)).statusCode).toBe(404);
  });
});
