// The stage itself: walking DATA_DIR/records in a fixed order, picking readers, and rejecting duplicate ids.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, pickReader, READERS } from '../../../pipeline/ingest/index.ts';
import type { Ingested } from '../../../pipeline/types.ts';
import { bytesOf, expectRejected, ROOT, SEED_FILE } from './helpers.ts';

async function collect(dataDir: string): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const outcome of ingest(dataDir)) out.push(outcome);
  return out;
}
const summary = (o: Ingested) => [o.ok ? o.record.source.file : o.source.file, o.ok ? o.record.id : o.id, o.ok ? 'ok' : o.errors[0]!.code];

describe('ingest(dataDir)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'thesis-lod-ingest-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const put = (path: string, bytes: Uint8Array | string) => {
    mkdirSync(join(dataDir, path, '..'), { recursive: true });
    writeFileSync(join(dataDir, path), bytes);
  };
  put(SEED_FILE, bytesOf(`data/${SEED_FILE}`));
  put('records/b/duplicate.txt', bytesOf('tests/fixtures/records/ubc-oc-text/duplicate-of-seed.txt'));
  put('records/a/full.txt', bytesOf('tests/fixtures/records/ubc-oc-text/full.txt'));
  put('records/a/harvest/page-1.xml', bytesOf('tests/fixtures/records/oai-dc/list-records.xml'));
  put('records/.DS_Store', 'ignored');
  put('records/z-notes.md', 'not a record');

  it('streams every record in sorted path order, files named relative to DATA_DIR', async () => {
    expect((await collect(dataDir)).map(summary)).toEqual([
      [SEED_FILE, '1.0449833', 'ok'],
      ['records/a/full.txt', '1.0412345', 'ok'],
      ['records/a/harvest/page-1.xml', '1.0435001', 'ok'],
      ['records/a/harvest/page-1.xml', '1.0435002', 'ok'],
      ['records/a/harvest/page-1.xml', '1.0435003', 'ok'],
      ['records/a/harvest/page-1.xml', '1.0435004', 'TL_ERR_RECORD_DELETED'],
      ['records/b/duplicate.txt', '1.0449833', 'TL_ERR_DUPLICATE_ID'],
      ['records/z-notes.md', undefined, 'TL_ERR_UNKNOWN_FORMAT'],
    ]);
  });

  it('rejects the second occurrence of an id, naming both sources', async () => {
    const dup = (await collect(dataDir)).find((o) => !o.ok && o.errors[0]!.code === 'TL_ERR_DUPLICATE_ID');
    const errors = expectRejected(dup, { code: 'TL_ERR_DUPLICATE_ID', file: 'records/b/duplicate.txt', line: 1, recordId: '1.0449833' });
    expect(errors[0]!.message).toContain(`${SEED_FILE}:1`);
    expect(errors[0]!.message).toContain('records/b/duplicate.txt:1');
  });

  it('gives the same outcomes on every run (determinism)', async () => {
    expect(JSON.stringify(await collect(dataDir))).toBe(JSON.stringify(await collect(dataDir)));
  });

  it('reads the project data/ folder: the seed', async () => {
    const outcomes = await collect(join(ROOT, 'data'));
    expect(outcomes.map(summary)).toContainEqual([SEED_FILE, '1.0449833', 'ok']);
  });

  it('fails loudly when DATA_DIR has no records folder', async () => {
    await expect(collect(join(dataDir, 'nowhere'))).rejects.toThrow(/no records folder/);
  });
});

describe('pickReader', () => {
  const seed = bytesOf(`data/${SEED_FILE}`);
  const xml = bytesOf('tests/fixtures/records/oai-dc/list-records.xml');
  it.each<[string, string, Uint8Array, string | undefined]>([
    ['an item page named .txt', 'records/x.txt', seed, 'ubc-oc-text'],
    ['an item page by content, whatever its name', 'records/x.dat', seed, 'ubc-oc-text'],
    ['an OAI-PMH page by content', 'records/x.dat', xml, 'oai_dc'],
    ['unknown content named .xml', 'records/x.xml', new TextEncoder().encode('<x/>'), 'oai_dc'],
    ['unknown content and name', 'records/x.csv', new TextEncoder().encode('a,b'), undefined],
  ])('%s', (_name, file, bytes, format) => {
    expect(pickReader(file, bytes)?.format).toBe(format);
  });

  it('has one reader per format name', () => {
    expect(new Set(READERS.map((r) => r.format)).size).toBe(READERS.length);
  });
});
