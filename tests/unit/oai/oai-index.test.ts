// The index's list pages: from/until by binary search, sets, and harvests that span builds returning each record once.
import { describe, expect, it } from 'vitest';
import type { OaiIndexFile, OaiIndexRow } from '../../../src/core/oai-index-format.ts';
import { OaiIndex, type ListQuery } from '../../../src/server/oai/oai-index.ts';

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T00:00:00Z`;
const sortRows = (rows: OaiIndexRow[]) => [...rows].sort((a, b) => (a.datestamp + a.id < b.datestamp + b.id ? -1 : 1));
const file = (rows: OaiIndexRow[]): OaiIndexFile => ({ version: 1, records: sortRows(rows), sets: [] });

// The index the last harvest's last page came from.
let lastServed: OaiIndex;

// Harvests a whole list, page by page; before page `at`, the index is replaced by `next` (a build landing).
function harvest(index: OaiIndex, q: Omit<ListQuery, 'versions'>, size: number, ...landings: { at: number; next: OaiIndex }[]): string[] {
  const seen: string[] = [];
  let after: ListQuery['after'];
  let versions: ListQuery['versions'] = [];
  for (let page = 0; ; page++) {
    for (const l of landings) if (page === l.at) index = l.next;
    versions = index.versionsFor(versions, after);
    const { rows, more } = index.page({ ...q, versions, after }, size);
    seen.push(...rows.map((r) => r.id));
    lastServed = index;
    if (!more) return seen;
    after = { datestamp: rows.at(-1)!.datestamp, id: rows.at(-1)!.id };
  }
}

// A deterministic pseudo-random sequence, so the property below runs the same every time.
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('OaiIndex.page', () => {
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: `1.${String(i).padStart(7, '0')}`, datestamp: day(1 + (i % 5)), sets: [`year:${2000 + (i % 3)}`] }));
  const index = new OaiIndex(file(rows));

  it('from and until are inclusive, and a set (or its parent) narrows the list', () => {
    expect(harvest(index, { from: day(2), until: day(3) }, 7)).toHaveLength(20);
    expect(harvest(index, { from: day(5), until: day(5) }, 7)).toHaveLength(10);
    expect(harvest(index, { set: 'year:2001' }, 4)).toHaveLength(17);
    expect(harvest(index, { set: 'year' }, 4)).toHaveLength(50);
    expect(index.count({ versions: [{ latest: day(5) }], set: 'year:2000', until: day(1) })).toBe(4);
  });

  it('pages are in (datestamp, id) order with no gaps or repeats', () => {
    expect(harvest(index, {}, 3)).toEqual(sortRows(rows).map((r) => r.id));
  });

  it('one build or two landing mid-harvest: every record exactly once, whatever changed, was added or was deleted', () => {
    let landed = 0;
    for (let trial = 0; trial < 200; trial++) {
      const rnd = random(trial + 1);
      const base = Array.from({ length: 20 + Math.floor(rnd() * 30) }, (_, i): OaiIndexRow => ({ id: `1.${String(i).padStart(7, '0')}`, datestamp: day(1 + Math.floor(rnd() * 3)), sets: [] }));
      // The next build (day 9): some records change or are deleted (datestamp moves, old one kept in history), some are new.
      const next = base.map((r): OaiIndexRow => (rnd() < 0.3 ? { ...r, datestamp: day(9), history: [r.datestamp], ...(rnd() < 0.3 ? { deleted: true as const } : {}) } : r));
      for (let k = 0; k < 3; k++) next.push({ id: `2.${trial}.${k}`, datestamp: day(9), sets: [] });
      const size = 1 + Math.floor(rnd() * 6);
      const at = 1 + Math.floor(rnd() * 4);
      // A third build (day 12) changes some again and adds more, a page or two later.
      const third = next.map((r): OaiIndexRow => (rnd() < 0.2 ? { ...r, datestamp: day(12), history: [...(r.history ?? []), r.datestamp] } : r));
      third.push({ id: `3.${trial}`, datestamp: day(12), sets: [] });
      const twice = trial % 2 === 1;
      const landings = [{ at, next: new OaiIndex(file(next)) }, ...(twice ? [{ at: at + 1 + Math.floor(rnd() * 3), next: new OaiIndex(file(third)) }] : [])];
      const seen = harvest(new OaiIndex(file(base)), {}, size, ...landings);
      if (lastServed.records.length > base.length) landed += 1;
      const counts = new Map<string, number>();
      for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
      // Every record of the last build (which holds every earlier one, deleted or not), once; none twice.
      for (const r of lastServed.records) expect(counts.get(r.id), `trial ${trial}: ${r.id}`).toBe(1);
      for (const [id, n] of counts) expect(n, `trial ${trial}: ${id}`).toBe(1);
    }
    // Most trials did see a build land (a short list can end first).
    expect(landed).toBeGreaterThan(100);
  });

  it('without the history a record changed after it was sent would come twice (what the history is for)', () => {
    const base: OaiIndexRow[] = [{ id: 'a', datestamp: day(1), sets: [] }, { id: 'b', datestamp: day(1), sets: [] }];
    const changed = (history?: string[]) => new OaiIndex(file([{ id: 'a', datestamp: day(9), sets: [], ...(history ? { history } : {}) }, base[1]!]));
    expect(harvest(new OaiIndex(file(base)), {}, 1, { at: 1, next: changed([day(1)]) })).toEqual(['a', 'b']);
    expect(harvest(new OaiIndex(file(base)), {}, 1, { at: 1, next: changed() })).toEqual(['a', 'b', 'a']);
  });
});
