// The document store: the union of the dump's graphs, read by the fast N-Quads reader and indexed by subject and object, checked against n3.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataFactory, Parser, Store, termToId, type Quad, type Term } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { DIST_MINI } from '../helpers/app.ts';
import { loadStore, loadUnion } from '../../src/server/store.ts';
import type { UnionStore } from '../../src/server/union-store.ts';

const { namedNode, literal, quad, defaultGraph } = DataFactory;
const ESCAPES = fileURLToPath(new URL('../fixtures/union-store/escapes.nq', import.meta.url));
const MINI = path.join(DIST_MINI, 'dumps', 'dataset.nq');
const ex = (local: string) => namedNode(`http://ex.org/${local}`);

/** What n3 makes of a dump with its graph names dropped: each triple once, blank-node labels as written. */
function n3Union(file: string): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(readFileSync(file, 'utf8'))) {
    seen.set(`${termToId(q.subject)} ${termToId(q.predicate)} ${termToId(q.object)}`, quad(q.subject, q.predicate, q.object, defaultGraph()));
  }
  return [...seen.values()];
}

const keys = (quads: Iterable<Quad>) => [...quads].map((q) => `${termToId(q.subject)} ${termToId(q.predicate)} ${termToId(q.object)}`).sort();

describe.each([['dist-mini', MINI], ['escapes.nq', ESCAPES]])('the union of %s', (_name, file) => {
  it('holds every triple of every graph once, as n3 parses them', async () => {
    const { store } = await loadUnion(file);
    const expected = n3Union(file);
    expect(store.size).toBe(expected.length);
    expect(isomorphic(store.getQuads(null, null, null, null), expected)).toBe(true);
  });

  it('answers each subject, object and predicate pattern as an n3 Store of the same triples does', async () => {
    const { store } = await loadUnion(file);
    const reference = new Store<Quad, Quad, Quad, Quad>(n3Union(file));
    const terms = new Map<string, Term>();
    for (const q of reference.getQuads(null, null, null, null)) for (const t of [q.subject, q.predicate, q.object]) terms.set(termToId(t), t as Term);
    const predicates = [null, ...reference.getPredicates(null, null, null)] as (Term | null)[];
    const mismatches: string[] = [];
    const check = (label: string, got: Iterable<Quad>, want: Iterable<Quad>) => {
      if (keys(got).join('\n') !== keys(want).join('\n')) mismatches.push(label);
    };
    for (const t of terms.values()) {
      for (const p of predicates) {
        check(`s=${t.value} p=${p?.value}`, store.readQuads(t, p, null, null), reference.readQuads(t, p, null, null));
        check(`o=${t.value} p=${p?.value}`, store.readQuads(null, p, t, null), reference.readQuads(null, p, t, null));
      }
    }
    for (const p of predicates) check(`p=${p?.value}`, store.readQuads(null, p, null, null), reference.readQuads(null, p, null, null));
    expect(mismatches).toEqual([]);
  });
});

describe('the SPARQL workers\' store', () => {
  it.each([['dist-mini', MINI], ['escapes.nq', ESCAPES]])('holds the quads of %s with their graphs, as n3 parses them', async (_name, file) => {
    const store = await loadStore(file);
    const expected = new Parser({ format: 'N-Quads' }).parse(readFileSync(file, 'utf8'));
    const distinct = new Store<Quad, Quad, Quad, Quad>(expected);
    expect(store.size).toBe(distinct.size);
    expect(isomorphic(store.getQuads(null, null, null, null), distinct.getQuads(null, null, null, null))).toBe(true);
    expect(store.getGraphs(null, null, null).map((g) => g.value).sort()).toEqual(distinct.getGraphs(null, null, null).map((g) => g.value).sort());
  });
});

describe('the union store', () => {
  const load = async (): Promise<UnionStore> => (await loadUnion(ESCAPES)).store;

  it('reads escapes, language tags in any case, xsd:string and CRLF lines as n3 does', async () => {
    const store = await load();
    // "plain" in two graphs and with xsd:string is one triple; "Titel"@DE-at and @de-AT are one too.
    expect(store.getObjects(ex('s'), ex('p'), null).map(termToId).sort()).toEqual(['"Titel"@de-at', '"plain"']);
    // The escaped and the literal é are the same string: one triple, next to the gYear.
    expect(store.countQuads(ex('s'), ex('q'), null, null)).toBe(2);
    expect(store.countQuads(ex('s'), ex('q'), literal('say "hi"\nthen é'), null)).toBe(1);
    expect(store.countQuads(ex('v'), ex('r'), literal('中文', 'zh-hans'), null)).toBe(1);
    expect(store.countQuads(ex('crlf'), ex('p'), literal('x'), null)).toBe(1);
    expect(store.countQuads(ex('last'), null, null, null)).toBe(1);
  });

  it('follows blank nodes written on lines of either path', async () => {
    const store = await load();
    const [node] = store.getObjects(ex('s'), ex('r'), null);
    expect(node?.termType).toBe('BlankNode');
    expect(store.getObjects(node!, ex('first'), null).map((o) => o.value).sort()).toEqual(['</script><script>alert(1)</script>', 'back\\slash']);
  });

  it('answers nothing for a term it does not hold, and lists subjects and objects once', async () => {
    const store = await load();
    expect(store.getQuads(ex('nobody'), null, null, null)).toEqual([]);
    expect(store.getQuads(null, ex('p'), literal('absent'), null)).toEqual([]);
    expect(store.getSubjects(ex('r'), null, null).map((s) => s.value).sort()).toEqual(['http://ex.org/s', 'http://ex.org/t', 'http://ex.org/v']);
    expect(store.some((q) => q.object.value === 'http://ex.org/u', ex('t'), null, null, null)).toBe(true);
  });

  it('refuses a named graph, which it does not keep, and says to pass null', async () => {
    const store = await load();
    expect(() => store.getQuads(null, null, null, ex('g1'))).toThrow(/union of the graphs.*pass null/);
    expect(store.getQuads(ex('t'), null, null, defaultGraph())).toHaveLength(2);
  });

  it('keeps the graph names, and the subjects of the graphs asked for', async () => {
    const { graphs } = await loadUnion(ESCAPES, ['http://ex.org/g1']);
    expect(new Set(graphs.values())).toEqual(new Set(['http://ex.org/g1', 'http://ex.org/g2']));
    expect(graphs.has('http://ex.org/g3')).toBe(false);
    expect(graphs.subjects('http://ex.org/g1').map((t) => t.termType).sort()).toEqual(['BlankNode', 'NamedNode']);
    expect(graphs.subjects('http://ex.org/g2')).toEqual([]);
  });

  it('says on which line a dump cannot be parsed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-union-'));
    const file = path.join(dir, 'bad.nq');
    await writeFile(file, '<http://ex.org/a> <http://ex.org/b> "ok" .\n<http://ex.org/a> <http://ex.org/b> "unterminated .\n');
    await expect(loadUnion(file)).rejects.toThrow(/line 2/);
    await expect(loadUnion(path.join(dir, 'missing.nq'))).rejects.toThrow(/no built dataset/);
  });
});
