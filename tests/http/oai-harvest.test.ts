// Harvests: a whole list through a harvester that is not ours (HTTP::OAI), tokens tampered with, across a restart and two
// instances, a deletion between two builds, and a build landing in the middle of a harvest.
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child } from '../../src/core/xml-reader.ts';
import { TokenCodec, tokenKey } from '../../src/server/oai/tokens.ts';
import { buildDataset, errorCode, listPage, oai, oaiApp, oaiDataset, type OaiDataset } from './oai-harness.ts';

const exec = promisify(execFile);
const HARVESTER = path.resolve('tests', 'fixtures', 'oai', 'harvest.pl');
// The harvester's own message when it fails (exec's says only "Command failed").
const harvest = (args: string[]) => exec('/usr/bin/perl', [HARVESTER, ...args], { maxBuffer: 1 << 24 }).catch((err: { stderr?: string }) => {
  throw new Error(`HTTP::OAI harvest failed: ${err.stderr}`);
});
const haveHttpOai = await exec('/usr/bin/perl', ['-MHTTP::OAI', '-e1']).then(() => true, () => false);
const D1 = '2026-03-01T00:00:00Z';
const D2 = '2026-03-02T00:00:00Z';
const D3 = '2026-03-03T00:00:00Z';
const REPO = 'localhost.localdomain';

/** Every Open Collections text record of the corpus: item id → its file (one record a file, so it can be changed or removed alone). */
async function textRecords(ds: OaiDataset): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const dir = path.join(ds.dataDir, 'records', 'ubc-oc');
  for (const sub of await readdir(dir)) {
    for (const f of await readdir(path.join(dir, sub))) {
      const file = path.join(dir, sub, f);
      const id = /10\.14288\/(1\.\d{7})/.exec(await readFile(file, 'utf8'))?.[1];
      if (id) out.set(id, file);
    }
  }
  return out;
}

// A new title: the record's content changes, so the next build dates it anew.
async function retitle(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^Title \|\n(.*)$/m, 'Title |\n$1 (revised)'));
}

/** Pages a list through inject; `between` runs after each page (a build can land there). */
async function harvestAll(app: () => FastifyInstance, verb: 'ListIdentifiers' | 'ListRecords', args: Record<string, string>, between?: (page: number) => Promise<void>) {
  const ids: string[] = [];
  const deleted: string[] = [];
  let params: Record<string, string> = { verb, ...args };
  for (let page = 1; ; page++) {
    const { root } = await oai(app(), params);
    if (errorCode(root)) throw new Error(`page ${page}: ${errorCode(root)} ${child(root, 'error')!.text}`);
    const p = listPage(root, verb);
    ids.push(...p.ids);
    deleted.push(...p.deleted);
    if (!p.token?.text) return { ids, deleted, pages: page };
    await between?.(page);
    params = { verb, resumptionToken: p.token.text };
  }
}

describe.skipIf(!haveHttpOai)('a whole harvest with HTTP::OAI (Debian libhttp-oai-perl)', () => {
  let ds: OaiDataset;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    ds = await oaiDataset('harvester');
    await buildDataset(ds, D1);
    app = await oaiApp(ds, { oaiPageSize: 3 });
    base = `${await app.listen({ port: 0, host: '127.0.0.1' })}/oai`;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('pages through every record exactly once', async () => {
    const { stdout } = await harvest([base, 'oai_dc']);
    const lines = stdout.trim().split('\n').map((l) => l.split('\t'));
    const records = lines.filter((l) => l[0] === 'record');
    expect(lines.at(-1)).toEqual(['pages', '5']);
    expect(records).toHaveLength(14);
    expect(new Set(records.map((r) => r[1])).size).toBe(14);
    for (const r of records) {
      expect(r[1]).toMatch(/^oai:localhost\.localdomain:1\.\d{7}$/);
      expect(r[2]).toBe(D1);
      expect(r[4]).not.toBe('');
    }
    const ours = await harvestAll(() => app, 'ListIdentifiers', { metadataPrefix: 'oai_dc' });
    expect(records.map((r) => r[1])).toEqual(ours.ids);
  });

  it('honours a set and from/until', async () => {
    const { stdout } = await harvest([base, 'oai_dc', 'set', 'collection', 'from', '2026-03-01', 'until', '2026-03-01']);
    const theirs = stdout.trim().split('\n').filter((l) => l.startsWith('record\t')).map((l) => l.split('\t')[1]);
    const ours = await harvestAll(() => app, 'ListIdentifiers', { metadataPrefix: 'oai_dc', set: 'collection', from: '2026-03-01', until: '2026-03-01' });
    expect(theirs.length).toBeGreaterThan(6);
    expect(theirs).toEqual(ours.ids);
  });
});

describe.skipIf(haveHttpOai)('a whole harvest with HTTP::OAI', () => {
  it.skip('skipped: HTTP::OAI is not installed (apt-get install libhttp-oai-perl; .ci/run installs it)', () => undefined);
});

describe('resumption tokens', () => {
  let ds: OaiDataset;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    ds = await oaiDataset('tokens', 8, 3);
    await buildDataset(ds, D1);
    [a, b] = await Promise.all([oaiApp(ds, { oaiPageSize: 3 }), oaiApp(ds, { oaiPageSize: 3 })]);
    token = listPage((await oai(a, { verb: 'ListRecords', metadataPrefix: 'etdms' })).root, 'ListRecords').token!.text;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('another instance on the same STATE_DIR accepts them, and so does one after a restart', async () => {
    const next = await oai(b, { verb: 'ListRecords', resumptionToken: token });
    expect(errorCode(next.root)).toBeUndefined();
    expect(listPage(next.root, 'ListRecords').token!.attrs.cursor).toBe('3');
    await a.close();
    a = await oaiApp(ds, { oaiPageSize: 3 });
    expect(errorCode((await oai(a, { verb: 'ListRecords', resumptionToken: token })).root)).toBeUndefined();
  });

  it('instances sharing OAI_TOKEN_SECRET accept each other\'s; a different secret refuses them', async () => {
    const dir2 = { ...ds, stateDir: path.join(ds.root, 'state-elsewhere') };
    const [x, y, z] = await Promise.all([
      oaiApp(ds, { oaiPageSize: 3, oaiTokenSecret: 'shared secret' }),
      oaiApp(dir2, { oaiPageSize: 3, oaiTokenSecret: 'shared secret' }),
      oaiApp(dir2, { oaiPageSize: 3 }),
    ]);
    try {
      const t = listPage((await oai(x, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' })).root, 'ListIdentifiers').token!.text;
      expect(errorCode((await oai(y, { verb: 'ListIdentifiers', resumptionToken: t })).root)).toBeUndefined();
      expect(errorCode((await oai(z, { verb: 'ListIdentifiers', resumptionToken: t })).root)).toBe('badResumptionToken');
    } finally {
      await Promise.all([x.close(), y.close(), z.close()]);
    }
  });

  it('a forged, altered, expired or misused token answers badResumptionToken', async () => {
    const [body, mac] = token.split('.') as [string, string];
    const state = JSON.parse(Buffer.from(body, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...state, cursor: 0, id: '1.0000000' })).toString('base64url');
    const key = await tokenKey('', ds.stateDir);
    const expired = new TokenCodec(key, 60).encode(state, Date.now() - 3_600_000).token;
    const forged = new TokenCodec(Buffer.from('not the key'), 60).encode(state).token;
    const flipped = `${body}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    for (const bad of [`${altered}.${mac}`, flipped, expired, forged, `${body}.`, 'x']) {
      const { root } = await oai(a, { verb: 'ListRecords', resumptionToken: bad });
      expect(errorCode(root)).toBe('badResumptionToken');
    }
    // A ListRecords token does not continue ListIdentifiers.
    expect(errorCode((await oai(a, { verb: 'ListIdentifiers', resumptionToken: token })).root)).toBe('badResumptionToken');
    // The genuine one still works after all that.
    expect(errorCode((await oai(a, { verb: 'ListRecords', resumptionToken: token })).root)).toBeUndefined();
  });
});

describe('between builds', () => {
  let ds: OaiDataset;
  let app: FastifyInstance;

  beforeAll(async () => {
    ds = await oaiDataset('builds');
    await buildDataset(ds, D1);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a build landing mid-harvest: every record exactly once, changed ones in their new version', async () => {
    app = await oaiApp(ds, { oaiPageSize: 3 });
    const before = (await harvestAll(() => app, 'ListIdentifiers', { metadataPrefix: 'oai_dc' })).ids;
    const files = await textRecords(ds);
    const local = (oaiId: string) => oaiId.slice(`oai:${REPO}:`.length);
    const textIds = before.filter((id) => files.has(local(id)));
    const early = textIds[0]!; // on the first page: already harvested when the build lands
    const late = textIds.at(-1)!; // on the last page: not harvested yet
    const goneLate = textIds.at(-2)!; // removed before the harvest reaches it
    expect(before.indexOf(early)).toBeLessThan(3);
    expect(before.indexOf(goneLate)).toBeGreaterThanOrEqual(6);

    const seen = await harvestAll(() => app, 'ListRecords', { metadataPrefix: 'oai_dc' }, async (page) => {
      if (page !== 2) return;
      await retitle(files.get(local(early))!);
      await retitle(files.get(local(late))!);
      await rm(files.get(local(goneLate))!);
      await buildDataset(ds, D2);
      // The new build is served by a new instance: the token outlives the restart.
      await app.close();
      app = await oaiApp(ds, { oaiPageSize: 3 });
    });
    expect(seen.ids.filter((id) => id === early)).toHaveLength(1);
    expect(seen.ids.filter((id) => id === late)).toHaveLength(1);
    expect(seen.ids.filter((id) => id === goneLate)).toHaveLength(1);
    expect(seen.deleted).toEqual([goneLate]);
    expect([...seen.ids].sort()).toEqual([...before].sort());
    // The late one came in its new version; the early one's change is for the next (incremental) harvest.
    const since = await harvestAll(() => app, 'ListIdentifiers', { metadataPrefix: 'oai_dc', from: D2 });
    expect(since.ids.sort()).toEqual([early, late, goneLate].sort());
  }, 120_000);

  it('a record that left data/ stays as a deleted header (deletedRecord persistent)', async () => {
    const files = await textRecords(ds);
    const [removedId, removedFile] = [...files].sort()[0]!;
    await rm(removedFile);
    await buildDataset(ds, D3);
    await app?.close();
    app = await oaiApp(ds, { oaiPageSize: 3 });
    const identifier = `oai:${REPO}:${removedId}`;
    const get = await oai(app, { verb: 'GetRecord', identifier, metadataPrefix: 'marc21' });
    const record = child(child(get.root, 'GetRecord'), 'record')!;
    expect(child(record, 'header')!.attrs.status).toBe('deleted');
    expect(child(child(record, 'header'), 'datestamp')!.text).toBe(D3);
    expect(child(record, 'metadata')).toBeUndefined();
    expect(errorCode((await oai(app, { verb: 'ListMetadataFormats', identifier })).root)).toBe('noMetadataFormats');
    const incremental = await harvestAll(() => app, 'ListIdentifiers', { metadataPrefix: 'oai_dc', from: D3 });
    expect(incremental.deleted).toEqual([identifier]);
    // Its sets stay with it, so a selective harvester learns of the deletion too.
    const { root } = await oai(app, { verb: 'GetRecord', identifier, metadataPrefix: 'oai_dc' });
    const sets = child(child(child(root, 'GetRecord'), 'record'), 'header')!.children.filter((c) => c.name === 'setSpec').map((c) => c.text);
    expect(sets.some((s) => s.startsWith('year:'))).toBe(true);

    // A later build changes nothing: still deleted, still dated by its withdrawal.
    await buildDataset(ds, '2026-03-04T00:00:00Z');
    await app.close();
    app = await oaiApp(ds, { oaiPageSize: 3 });
    const again = await oai(app, { verb: 'GetRecord', identifier, metadataPrefix: 'oai_dc' });
    const header = child(child(child(again.root, 'GetRecord'), 'record'), 'header')!;
    expect(header.attrs.status).toBe('deleted');
    expect(child(header, 'datestamp')!.text).toBe(D3);
  }, 120_000);
});
