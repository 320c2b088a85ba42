// The harvest client against a local OAI-PMH repository: paging, incremental runs, failure and resume, 503 Retry-After, deletions.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harvest, type HarvestOptions } from '../../../pipeline/harvest/harvest.ts';
import { loadState } from '../../../pipeline/harvest/harvest-state.ts';
import { parseListRecords } from '../../../pipeline/harvest/oai-page.ts';
import { recordFileName, recordsDir } from '../../../pipeline/harvest/record-files.ts';
import { USER_AGENT } from '../../../pipeline/harvest/polite-fetch.ts';
import { ingestText } from '../../../pipeline/ingest/index.ts';
import { startOaiFixture, type FixtureRecord, type OaiFixture } from '../../helpers/oai-fixture-server.ts';

const PACKAGE = JSON.parse(await readFile(path.join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string };
const five = (): FixtureRecord[] => ['1', '2', '3', '4', '5'].map((n) => ({ id: `1.000000${n}`, datestamp: `2025-01-0${n}T10:00:00Z`, sets: ['ubctheses'] }));

let root: string;
let repo: OaiFixture;
let dataDir: string;
let stateDir: string;
const fast = { delayMs: 0, backoffMs: 5, retries: 2 };
const run = (more: Partial<HarvestOptions> = {}) => harvest({ url: repo.url, format: 'oai_dc', dataDir, stateDir, policy: fast, ...more });
const files = async () => (await readdir(recordsDir(dataDir, repo.url))).filter((f) => !f.startsWith('.')).sort();
const asked = () => repo.requests.map((r) => r.query);

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'harvest-'));
  dataDir = path.join(root, 'data');
  stateDir = path.join(root, 'state');
  repo = await startOaiFixture(five(), 2);
});
afterEach(async () => {
  await repo.close();
  await rm(root, { recursive: true, force: true });
});

describe('thesis-lod harvest', () => {
  it('pulls every page into one file per record, each a readable OAI-PMH record, asking with our User-Agent', async () => {
    const result = await run({ set: 'ubctheses' });
    expect(result).toMatchObject({ pages: 3, fetched: 5, deleted: 0, total: 5, written: 5, lastDatestamp: '2025-01-05T10:00:00Z' });
    expect(await files()).toEqual(['1.0000001', '1.0000002', '1.0000003', '1.0000004', '1.0000005'].map((id) => recordFileName(`oai:open.library.ubc.ca:${id}`)));
    expect(asked()[0]).toEqual({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'ubctheses' });
    expect(asked()[1]).toEqual({ verb: 'ListRecords', resumptionToken: expect.any(String) });
    expect(USER_AGENT).toMatch(new RegExp(`^thesis-lod/${PACKAGE.version.replaceAll('.', '\\.')} `));
    expect(repo.requests.every((r) => r.userAgent === USER_AGENT)).toBe(true);
    // Each file is one record the oai_dc reader publishes, id from its DOI.
    const file = path.join(recordsDir(dataDir, repo.url), (await files())[0]!);
    const read = ingestText(await readFile(file), 'records/x.xml');
    expect(read).toMatchObject([{ ok: true, record: { id: '1.0000001', title: { value: 'Harvested thesis 1.0000001' } } }]);
  });

  it('asks a second run only from the last datestamp, and writes a deletion as a record the build withdraws', async () => {
    await run();
    repo.records.push({ id: '1.0000006', datestamp: '2025-02-01T10:00:00Z' });
    repo.records[1] = { ...repo.records[1]!, deleted: true, datestamp: '2025-02-02T10:00:00Z' };
    repo.requests.length = 0;
    const second = await run();
    expect(asked()[0]).toEqual({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2025-01-05T10:00:00Z' });
    // from is inclusive: record 5 again (unchanged, not rewritten), then 6 and the deletion of 2.
    expect(second).toMatchObject({ fetched: 3, deleted: 1, written: 2, deletedIds: ['oai:open.library.ubc.ca:1.0000002'], lastDatestamp: '2025-02-02T10:00:00Z' });
    const tombstone = await readFile(path.join(recordsDir(dataDir, repo.url), recordFileName('oai:open.library.ubc.ca:1.0000002')));
    expect(ingestText(tombstone, 'records/x.xml')).toMatchObject([{ ok: false, deleted: true, id: '1.0000002' }]);
    expect((await loadState(stateDir, { url: repo.url, format: 'oai_dc' })).lastDatestamp).toBe('2025-02-02T10:00:00Z');
    // --from overrides the state.
    repo.requests.length = 0;
    await run({ from: '2025-01-03' });
    expect(asked()[0]).toMatchObject({ from: '2025-01-03' });
  });

  it('keeps the records and the position when a list fails mid-way, and the next run resumes where it stopped', async () => {
    repo.fault = (page) => (page === 2 ? { status: 500 } : undefined);
    await expect(run()).rejects.toThrow(/TL_ERR_HARVEST|answered 500/);
    expect(await files()).toHaveLength(2);
    const state = await loadState(stateDir, { url: repo.url, format: 'oai_dc' });
    expect(state.pending).toMatchObject({ fetched: 2, token: expect.any(String), maxDatestamp: '2025-01-02T10:00:00Z' });
    expect(state.lastDatestamp).toBeUndefined();

    repo.fault = undefined;
    repo.requests.length = 0;
    const resumed = await run();
    expect(resumed).toMatchObject({ resumed: true, fetched: 5, pages: 2, lastDatestamp: '2025-01-05T10:00:00Z' });
    // Page 1 is not asked again: the first request carries the saved token.
    expect(asked()[0]).toEqual({ verb: 'ListRecords', resumptionToken: state.pending!.token });
    expect(await files()).toHaveLength(5);
    expect((await loadState(stateDir, { url: repo.url, format: 'oai_dc' })).pending).toBeUndefined();
  });

  it('starts the list again when the saved token has expired (badResumptionToken)', async () => {
    repo.fault = (page) => (page === 3 ? { status: 500 } : undefined);
    await expect(run()).rejects.toThrow(/answered 500/);
    repo.fault = undefined;
    repo.expireTokens();
    repo.requests.length = 0;
    const again = await run();
    expect(asked()[1]).toEqual({ verb: 'ListRecords', metadataPrefix: 'oai_dc' });
    expect(again).toMatchObject({ fetched: 5, written: 1 });
  });

  it('honours 503 with Retry-After, then goes on; gives up after its retries with the position kept', async () => {
    const waits: string[] = [];
    repo.fault = (page, attempt) => (page === 2 && attempt <= 2 ? { status: 503, retryAfter: '1' } : undefined);
    const result = await run({ onWait: (reason) => waits.push(reason) });
    expect(result.fetched).toBe(5);
    expect(waits).toEqual(['503, Retry-After 1 s', '503, Retry-After 1 s']);
    const tries = repo.requests.filter((r) => r.query.resumptionToken === repo.requests[1]!.query.resumptionToken);
    expect(tries.map((r) => r.status)).toEqual([503, 503, 200]);
    // The retries came no sooner than Retry-After said.
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(990);
    expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(990);

    repo.fault = (page) => (page === 1 ? { status: 503, retryAfter: '7200' } : undefined);
    await expect(run({ from: '2025-01-01' })).rejects.toThrow(/Retry-After 7200 s, longer than the 3600 s this harvest waits/);
  }, 20_000);

  it('keeps its distance between requests (HARVEST_DELAY_MS)', async () => {
    await run({ policy: { ...fast, delayMs: 150 } });
    const gaps = repo.requests.slice(1).map((r, i) => r.at - repo.requests[i]!.at);
    expect(gaps).toHaveLength(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(145);
  });

  it('retries a repository that does not answer, then fails naming why', async () => {
    const url = repo.url;
    await repo.close();
    await expect(run({ url })).rejects.toThrow(/fetch failed \(ECONNREFUSED\), after 3 attempts/);
    repo = await startOaiFixture(five(), 2);
  });

  it('refuses a page larger than maxResponseBytes instead of reading it into memory', async () => {
    await expect(run({ policy: { ...fast, maxResponseBytes: 500 } })).rejects.toThrow(/more than the 500 bytes a page may have/);
  });

  it('treats noRecordsMatch as nothing new, and refuses bad arguments before asking anything', async () => {
    await run();
    repo.requests.length = 0;
    const none = await run({ from: '2030-01-01' });
    expect(none).toMatchObject({ fetched: 0, pages: 1, lastDatestamp: '2025-01-05T10:00:00Z' });
    await expect(run({ from: 'yesterday' })).rejects.toThrow(/--from must be YYYY-MM-DD/);
    await expect(run({ url: `${repo.url}?verb=Identify` })).rejects.toThrow(/without \?verb/);
    expect(repo.requests).toHaveLength(1);
  });
});

describe('parseListRecords and recordFileName', () => {
  it('reads an OAI-PMH error other than noRecordsMatch as an error, and refuses a DOCTYPE', () => {
    const err = '<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2025-01-01T00:00:00Z</responseDate><error code="badArgument">no</error></OAI-PMH>';
    expect(parseListRecords(err, 'u').error).toEqual({ code: 'badArgument', message: 'no' });
    expect(() => parseListRecords('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><OAI-PMH/>', 'u')).toThrow(/DOCTYPE/);
  });

  it('names files from identifiers safely: nothing outside [A-Za-z0-9._-], no two identifiers alike', () => {
    expect(recordFileName('oai:open.library.ubc.ca:1.0449833')).toMatch(/^oai_open\.library\.ubc\.ca_1\.0449833~[0-9a-f]{12}\.xml$/);
    expect(recordFileName('plain-id.1')).toBe('plain-id.1.xml');
    const tricky = recordFileName('oai:x:../../etc/passwd');
    expect(tricky).not.toContain('/');
    expect(recordFileName('a:b')).not.toBe(recordFileName('a/b'));
    expect(recordFileName('x'.repeat(500)).length).toBeLessThan(140);
  });
});
