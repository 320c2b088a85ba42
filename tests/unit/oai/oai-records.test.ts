// The build's OAI index: sorted by (datestamp, id), sets from collection and year, deletions kept with their sets and history.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OaiRecordsWriter } from '../../../pipeline/publish/oai-records.ts';
import { readOaiIndex } from '../../../src/core/oai-index-format.ts';
import type { ThesisRecord } from '../../../pipeline/types.ts';

const authority = {
  collectionByLabel: (label: string) => (label === 'UBC Theses and Dissertations' ? { id: 'ubc-theses', prefLabel: { value: 'UBC Theses and Dissertations' }, altLabels: [] } : undefined),
};
const record = (id: string, collection?: string, issued?: string) =>
  ({ id, collection: collection ? { value: collection } : undefined, dateIssued: issued ? { value: { value: issued, datatype: 'gYear' } } : undefined }) as unknown as ThesisRecord;

async function build(dist: string, out: string, add: [ThesisRecord, string][], withdrawn: { id: string; date: string }[] = []) {
  const w = await OaiRecordsWriter.open(dist, authority);
  for (const [r, date] of add) w.add(r, date);
  await w.write(out, withdrawn);
  return (await readOaiIndex(out))!;
}

describe('OaiRecordsWriter', () => {
  it('writes the records by (datestamp, id), at seconds granularity, with their sets and the sets listed once with names', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-oai-records-'));
    const index = await build(path.join(dir, 'none'), path.join(dir, 'a'), [
      [record('1.2', 'UBC Theses and Dissertations', '2016'), '2026-03-02T00:00:00.000Z'],
      [record('1.1', 'Some Other Collection', '2016-05'), '2026-03-02T00:00:00Z'],
      [record('1.3'), '2026-03-01T00:00:00Z'],
    ]);
    expect(index.records.map((r) => [r.datestamp, r.id])).toEqual([['2026-03-01T00:00:00Z', '1.3'], ['2026-03-02T00:00:00Z', '1.1'], ['2026-03-02T00:00:00Z', '1.2']]);
    expect(index.records[1]!.sets).toEqual(['collection:1.1-collection', 'year:2016']);
    expect(index.records[2]!.sets).toEqual(['collection:ubc-theses', 'year:2016']);
    expect(index.records[0]!.sets).toEqual([]);
    expect(index.sets.map((s) => s.spec)).toEqual(['collection', 'collection:1.1-collection', 'collection:ubc-theses', 'year', 'year:2016']);
    expect(index.sets.find((s) => s.spec === 'year:2016')!.name).toBe('Issued in 2016');
  });

  it('carries the last build forward: a changed record keeps its earlier datestamp, a withdrawn one its sets, a rejected one is left out', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-oai-records-'));
    const first = path.join(dir, 'first');
    await build(path.join(dir, 'none'), first, [
      [record('1.1', 'UBC Theses and Dissertations', '2010'), '2026-03-01T00:00:00Z'],
      [record('1.2', 'UBC Theses and Dissertations', '2011'), '2026-03-01T00:00:00Z'],
      [record('1.3', undefined, '2012'), '2026-03-01T00:00:00Z'],
    ]);
    // 1.1 changed, 1.2 withdrawn, 1.3 rejected (neither published nor withdrawn).
    const second = await build(first, path.join(dir, 'second'), [[record('1.1', 'UBC Theses and Dissertations', '2010'), '2026-03-05T00:00:00Z']], [{ id: '1.2', date: '2026-03-05T00:00:00Z' }]);
    expect(second.records).toEqual([
      { id: '1.1', datestamp: '2026-03-05T00:00:00Z', sets: ['collection:ubc-theses', 'year:2010'], history: ['2026-03-01T00:00:00Z'] },
      { id: '1.2', datestamp: '2026-03-05T00:00:00Z', deleted: true, sets: ['collection:ubc-theses', 'year:2011'], history: ['2026-03-01T00:00:00Z'] },
    ]);
    // Still deleted a build later, dated by its withdrawal, its history unchanged.
    const third = await build(path.join(dir, 'second'), path.join(dir, 'third'), [], [{ id: '1.2', date: '2026-03-05T00:00:00Z' }]);
    expect(third.records).toEqual([second.records[1]]);
  });
});
