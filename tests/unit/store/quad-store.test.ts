// The compact quad store against an n3 Store of the same N-Quads: every pattern's count and matches, the union, the load file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFactory, Parser, Store, termToId, type Quad, type Term } from 'n3';
import { QuadStore } from '../../../src/store/quad-store.ts';
import { readStoreFile, storeFromNQuads, writeStoreFile } from '../../../src/store/store-file.ts';
import { radixOrder } from '../../../src/store/store-builder.ts';

const { namedNode, literal, defaultGraph } = DataFactory;
const FIXTURES = ['tests/fixtures/store/escapes.nq', 'tests/fixtures/dist-mini/dumps/dataset.nq'];

async function both(file: string): Promise<{ n3: Store; store: QuadStore }> {
  // The same blank node labels on both sides: n3's parser would otherwise prefix them.
  const n3 = new Store(new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(await readFile(file, 'utf8')));
  return { n3, store: new QuadStore(await storeFromNQuads(file)) };
}

const ids = (quads: Iterable<Quad>) => [...quads].map((q) => [q.subject, q.predicate, q.object, q.graph].map((t) => termToId(t as Term)).join(' ')).sort();
const distinctTriples = (quads: Iterable<Quad>) => [...new Set([...quads].map((q) => [q.subject, q.predicate, q.object].map((t) => termToId(t as Term)).join(' ')))].sort();

describe.each(FIXTURES)('the quad store over %s', (file) => {
  let n3: Store;
  let store: QuadStore;
  beforeAll(async () => ({ n3, store } = await both(file)));

  it('holds every quad once and the union as distinct triples', () => {
    expect(store.quadCount).toBe(n3.size);
    expect(store.size).toBe(distinctTriples(n3.getQuads(null, null, null, null)).length);
  });

  it('answers each of the 16 quad patterns of every quad as n3 does, with exact counts', () => {
    for (const q of n3.getQuads(null, null, null, null)) {
      for (let mask = 0; mask < 16; mask++) {
        const s = mask & 1 ? q.subject : null, p = mask & 2 ? q.predicate : null, o = mask & 4 ? q.object : null, g = mask & 8 ? q.graph : null;
        const expected = ids(n3.getQuads(s, p, o, g));
        const pattern = store.ids(s, p, o, g)!;
        const { index, lo, hi } = store.matchQuads(pattern);
        const got = [];
        for (let i = lo; i < hi; i++) {
          const r = index.row(i);
          got.push([1, 2, 3, 0].map((c) => termToId(store.term(store.quadAt(r, c)))).join(' '));
        }
        expect(got.sort(), `mask ${mask} of ${termToId(q.subject)}`).toEqual(expected);
        // The n3-like reads take the default graph for the union (what documents want); a named graph counts its quads.
        if (mask & 8 && q.graph.termType === 'NamedNode') expect(store.countQuads(s, p, o, g)).toBe(expected.length);
      }
    }
  });

  it('reads the union with the graph open: each triple once, whatever graphs state it', () => {
    for (const q of n3.getQuads(null, null, null, null)) {
      for (let mask = 0; mask < 8; mask++) {
        const s = mask & 1 ? q.subject : null, p = mask & 2 ? q.predicate : null, o = mask & 4 ? q.object : null;
        const expected = distinctTriples(n3.getQuads(s, p, o, null));
        expect(distinctTriples(store.readQuads(s, p, o, null))).toEqual(expected);
        expect(store.countQuads(s, p, o, null)).toBe(expected.length);
      }
    }
  });

  it('lists the graphs and the subjects of each', () => {
    const graphs = n3.getGraphs(null, null, null).map((g) => termToId(g)).sort();
    expect(store.graphIds().map((g) => termToId(store.term(g))).sort()).toEqual(graphs);
    for (const g of n3.getGraphs(null, null, null)) {
      const expected = n3.getSubjects(null, null, g).map((t) => termToId(t)).sort();
      expect(store.subjectsOf(store.idOf(g)!).map((s) => termToId(store.term(s))).sort()).toEqual(expected);
    }
  });
});

describe('the quad store, term by term', () => {
  it('keeps literals apart by language, datatype and escapes; finds nothing for a term it lacks', async () => {
    const { store } = await both(FIXTURES[0]!);
    const s = namedNode('http://ex.org/s');
    expect(store.countQuads(s, namedNode('http://ex.org/p'), literal('plain'), null)).toBe(1);
    // n3 lowercases language tags; both spellings in the file are one term in the union.
    expect(store.countQuads(s, namedNode('http://ex.org/p'), literal('Titel', 'de-at'), null)).toBe(1);
    expect(store.countQuads(s, namedNode('http://ex.org/q'), literal('say "hi"\nthen é'), null)).toBe(1);
    expect(store.countQuads(s, namedNode('http://ex.org/q'), literal('say "hi"\nthen é'), namedNode('http://ex.org/g2'))).toBe(1);
    expect(store.countQuads(s, namedNode('http://ex.org/q'), literal('2017', namedNode('http://www.w3.org/2001/XMLSchema#gYear')), null)).toBe(1);
    expect(store.countQuads(s, namedNode('http://ex.org/nothing'), null, null)).toBe(0);
    expect([...store.readQuads(namedNode('http://ex.org/v'), null, null, null)][0]?.object.value).toBe('中文');
    expect(store.countQuads(null, null, null, defaultGraph())).toBe(store.size);
    expect(store.defaultGraphId).toBeGreaterThanOrEqual(0);
  });
});

describe('radixOrder', () => {
  it('sorts rows by several columns, stably', () => {
    const rows = new Uint32Array([2, 1, 0, 1, 1, 0, 2, 0, 5, 1, 0, 3, 0, 4, 4]);
    const order = radixOrder(rows, 3, 5, [0, 1], 6);
    expect([...order]).toEqual([4, 3, 1, 2, 0]);
  });
});

describe('the load file', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'tl-store-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('round-trips the store and says what is wrong with a damaged or unchecked file', async () => {
    const file = path.join(dir, 'dataset.tlq');
    const counts = await writeStoreFile(FIXTURES[1]!, file);
    const { n3 } = await both(FIXTURES[1]!);
    const store = new QuadStore(await readStoreFile(file));
    expect(counts.quads).toBe(n3.size);
    expect(ids(store.readQuads(null, null, null, namedNode('http://localhost:8080/graph/thesis/1.0449833')))).toEqual(ids(n3.getQuads(null, null, null, namedNode('http://localhost:8080/graph/thesis/1.0449833'))));
    const bytes = await readFile(file);
    bytes[bytes.length >> 1] ^= 0xff;
    await writeFile(file, bytes);
    await expect(readStoreFile(file)).rejects.toThrow(/does not match its checksum/);
    await rm(`${file}.sha256`);
    await expect(readStoreFile(file)).rejects.toThrow(/sha256 is missing/);
    await expect(readStoreFile(path.join(dir, 'absent.tlq'))).rejects.toThrow(/no store file/);
  });
});
