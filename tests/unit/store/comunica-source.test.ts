// The quad store as Comunica's query source: the same answers as Comunica over an n3 Store, BGPs handed over whole, lazy joins.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { KeysQueryOperation } from '@comunica/context-entries';
import { Parser, Store, termToId, DataFactory, type Term } from 'n3';
import type { Bindings } from '@rdfjs/types';
import { QuadStore } from '../../../src/store/quad-store.ts';
import { StoreQuerySource } from '../../../src/store/comunica-source.ts';
import { storeFromNQuads } from '../../../src/store/store-file.ts';
import { JoinCursor, type SlotPattern } from '../../../src/store/bgp-join.ts';
import { QuadStoreBuilder } from '../../../src/store/store-builder.ts';
import { storeReach } from '../../../src/server/sparql/rewrite.ts';
import { useCodePointCollation } from '../../../src/server/sparql/collation.ts';
import { compileExpression, isStringKey } from '../../../src/store/expressions.ts';
import { numericVariables } from '../../../src/store/plan-compiler.ts';
import type { StoreBuffers } from '../../../src/store/store-file.ts';

const FILE = 'tests/fixtures/store/escapes.nq';
// As in the query threads: the reference (Comunica over n3) must order strings by code point too.
useCodePointCollation();
const MINI = 'tests/fixtures/dist-mini/dumps/dataset.nq';
const engine = new QueryEngine();

const rows = (bindings: Bindings[]) => bindings.map((b) => JSON.stringify([...b].map(([k, v]) => [k.value, termToId(v as Term)]).sort())).sort();

async function n3Of(file: string): Promise<Store> {
  return new Store(new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(await readFile(file, 'utf8')));
}

// Comunica over an n3 Store with a union default graph counts a triple once per graph; the RDF merge counts it once.
// So the reference answers come from n3 with each triple of the union put in the default graph once.
function mergedReference(n3: Store): Store {
  const out = new Store();
  for (const q of n3.getQuads(null, null, null, null)) {
    out.addQuad(q);
    out.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
  }
  return out;
}

const QUERIES = [
  'SELECT * WHERE { ?s ?p ?o }',
  'SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }',
  'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g',
  'SELECT * WHERE { ?s ?p ?o . ?o ?q ?x }',
  'SELECT * WHERE { ?s ?p ?s }',
  'SELECT * WHERE { ?s <http://ex.org/p> "Titel"@DE-AT }',
  'SELECT * WHERE { ?s <http://ex.org/q> "2017"^^<http://www.w3.org/2001/XMLSchema#gYear> }',
  'SELECT * WHERE { ?s <http://ex.org/missing> ?o }',
  'SELECT * WHERE { GRAPH <http://ex.org/g2> { ?s ?p ?o } }',
  'SELECT ?s ?o ?x WHERE { ?s <http://ex.org/r> ?o OPTIONAL { ?o <http://ex.org/first> ?x } }',
  'SELECT ?s WHERE { ?s ?p ?o FILTER(isLiteral(?o) && lang(?o) = "zh-hans") }',
  'ASK { <http://ex.org/t> <http://ex.org/r> ?x . ?x <http://ex.org/p> ?y }',
  // Whole groups the store evaluates itself (with the native source below).
  'SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?x FILTER(isLiteral(?x)) } }',
  'SELECT * WHERE { ?s <http://ex.org/r> ?o OPTIONAL { ?o <http://ex.org/first> ?x OPTIONAL { ?s <http://ex.org/p> ?x } } }',
  'SELECT * WHERE { { ?s <http://ex.org/p> ?a } UNION { ?s <http://ex.org/q> ?b } }',
  'SELECT ?s ?short WHERE { ?s ?p ?o FILTER(isLiteral(?o)) BIND(SUBSTR(STR(?o), 2, 3) AS ?short) }',
  'SELECT ?p (COUNT(DISTINCT ?s) AS ?n) (COUNT(*) AS ?all) (COUNT(?o) AS ?objects) WHERE { ?s ?p ?o } GROUP BY ?p',
  'SELECT (COUNT(*) AS ?n) WHERE { ?s <http://ex.org/missing> ?o }',
  'SELECT ?p (COUNT(*) AS ?n) WHERE { ?s <http://ex.org/missing> ?o } GROUP BY ?p',
  'SELECT * WHERE { ?s ?p ?o FILTER(?o != <http://ex.org/u> && !isBlank(?o)) }',
  'SELECT * WHERE { ?s ?p ?o FILTER(LANGMATCHES(LANG(?o), "de") || CONTAINS(LCASE(STR(?o)), "say")) }',
  'SELECT ?s WHERE { ?s ?p ?o OPTIONAL { ?s <http://ex.org/q> ?z } FILTER(!BOUND(?z)) }',
  'SELECT ?s ?n WHERE { ?s ?p ?o BIND(<http://www.w3.org/2001/XMLSchema#integer>(STR(?o)) AS ?n) FILTER(?n >= 2000 && ?n < 2017.5) }',
  'SELECT ?s ?n WHERE { ?s ?p ?o BIND(<http://www.w3.org/2001/XMLSchema#integer>(SUBSTR(STR(?o), 1, 3)) AS ?n) FILTER(?n != 201) }',
];

// ORDER BY results compared in order (rows with equal keys may come in any order, so the keys make every row distinct).
const ORDERED = [
  'SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY STR(?s) DESC(STR(?p)) STR(?o)',
  'SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } ORDER BY DESC(STR(?o)) STR(?s)',
];

describe('StoreQuerySource', () => {
  let store: QuadStore;
  let reference: Store;
  let named: Store;
  beforeAll(async () => {
    store = new QuadStore(await storeFromNQuads(FILE));
    named = await n3Of(FILE);
    reference = mergedReference(named);
  });

  const ours = (query: string) => ({ [KeysQueryOperation.querySources.name]: [{ source: new StoreQuerySource(store) }], unionDefaultGraph: true }) as never;
  const native = () => ({ [KeysQueryOperation.querySources.name]: [{ source: new StoreQuerySource(store, { native: true, groups: true, order: true }) }], unionDefaultGraph: true }) as never;

  // What QueryRunner does: the native source only for queries whose every FILTER/BIND/COUNT it computes ("zh-hans" = lang: no).
  const reachOf = async (query: string) => {
    const plan = (await engine.explain(query, ours(query), 'parsed')).data;
    const numeric = numericVariables(plan);
    const compiles = (e: unknown) => compileExpression(e as never, () => 0, (v) => numeric.has(v)) !== undefined;
    const reach = storeReach(plan, compiles, (k) => isStringKey(k as never) && compiles(k));
    return Object.entries(reach).filter(([, on]) => on).map(([k]) => k).join(',') || 'patterns';
  };

  it('sends a query to the native source only when it computes every expression in it', async () => {
    expect(await reachOf('SELECT ?s WHERE { ?s ?p ?o FILTER(isLiteral(?o) && lang(?o) = "zh-hans") }')).toBe('patterns');
    expect(await reachOf('SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p')).toBe('expressions,groups,order');
    // ORDER BY ?n may compare numbers, strings or dates: only STR(…) keys are the store's.
    expect(await reachOf('SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?n')).toBe('expressions,groups');
    expect(await reachOf('SELECT ?p (SUM(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY STR(?p)')).toBe('expressions,order');
    // ?o comes from the data, so ?o > 3 may compare dates or strings: Comunica's.
    expect(await reachOf('SELECT * WHERE { ?s ?p ?o FILTER(?o > 3) }')).toBe('patterns');
  });

  it.each(QUERIES.filter((q) => !q.startsWith('ASK') && !q.includes('zh-hans')))('evaluates whole groups as Comunica over n3 does: %s', async (query) => {
    const ref = query.includes('GRAPH') ? { sources: [named] } : { sources: [reference] };
    const got = rows(await (await engine.queryBindings(query, native())).toArray());
    expect(got).toEqual(rows(await (await engine.queryBindings(query, ref)).toArray()));
  });

  it.each(QUERIES)('answers as Comunica over n3 does: %s', async (query) => {
    // GRAPH ?g over the reference must not see its extra default-graph copy; the merged copy serves default-graph patterns.
    const ref = query.includes('GRAPH') ? { sources: [named] } : { sources: [reference] };
    if (query.startsWith('ASK')) {
      expect(await engine.queryBoolean(query, ours(query))).toBe(await engine.queryBoolean(query, ref));
      return;
    }
    const got = rows(await (await engine.queryBindings(query, ours(query))).toArray());
    const expected = rows(await (await engine.queryBindings(query, ref)).toArray());
    expect(got).toEqual(expected);
  });

  it.each(ORDERED)('sorts as Comunica over n3 does, by code point: %s', async (query) => {
    const inOrder = (bs: Bindings[]) => bs.map((b) => JSON.stringify([...b].map(([k, v]) => [k.value, termToId(v as Term)]).sort()));
    const got = inOrder(await (await engine.queryBindings(query, native())).toArray());
    expect(got).toEqual(inOrder(await (await engine.queryBindings(query, { sources: [reference] })).toArray()));
  });

  it('counts a triple stated in two graphs once in the default graph (RDF merge), twice across GRAPH ?g', async () => {
    const count = async (q: string) => Number((await (await engine.queryBindings(q, ours(q))).toArray())[0]!.get('n')!.value);
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { <http://ex.org/s> <http://ex.org/p> "plain" }')).toBe(1);
    expect(await count('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { <http://ex.org/s> <http://ex.org/p> "plain" } }')).toBe(2);
  });

  it('receives a basic graph pattern as one operation', async () => {
    const plan = await engine.explain('SELECT * WHERE { ?s ?p ?o . ?o ?q ?x } LIMIT 3', ours(''), 'physical');
    expect(String(plan.data)).toMatch(/join src:0/);
  });

  it('agrees with Comunica over n3 on a dataset built by the pipeline', async () => {
    const mini = new QuadStore(await storeFromNQuads(MINI));
    const ref = { sources: [mergedReference(await n3Of(MINI))] };
    const q = 'SELECT ?t ?title ?name WHERE { ?t a <http://purl.org/ontology/bibo/Thesis> ; <http://purl.org/dc/terms/title> ?title ; <http://purl.org/dc/terms/creator> ?c . ?c <http://schema.org/name> ?name }';
    const ctx = { [KeysQueryOperation.querySources.name]: [{ source: new StoreQuerySource(mini) }], unionDefaultGraph: true } as never;
    const got = rows(await (await engine.queryBindings(q, ctx)).toArray());
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(rows(await (await engine.queryBindings(q, ref)).toArray()));
  });
});

describe('JoinCursor', () => {
  it('walks lazily: the first solution of a join of two large patterns costs a few rows, not their product', async () => {
    const builder = new QuadStoreBuilder();
    for (let i = 0; i < 5000; i++) builder.add(`http://ex.org/a${i}`, 'http://ex.org/p', `http://ex.org/b${i % 50}`, 'http://ex.org/g');
    const parts: Record<string, { data: ArrayBufferView }> = {};
    const counts = await builder.finish(async (s) => void (parts[s.name] = s));
    // A store over the sections as made (no file): copy them into one SharedArrayBuffer as the loader does.
    let size = 0;
    const sections: StoreBuffers['footer']['sections'] = {};
    for (const [name, { data }] of Object.entries(parts)) {
      size = Math.ceil(size / 8) * 8;
      sections[name] = { offset: size, bytes: data.byteLength, type: 'u32' };
      size += data.byteLength;
    }
    const buffer = new SharedArrayBuffer(size);
    for (const [name, { data }] of Object.entries(parts)) new Uint8Array(buffer).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), sections[name]!.offset);
    const store = new QuadStore({ buffer, footer: { version: 1, ...counts, sections } });
    const p = store.idOf('http://ex.org/p')!;
    // ?x p ?y . ?z p ?y: 5,000 × 100 solutions in all.
    const patterns: SlotPattern[] = [{ s: -1, p, o: -2, g: 'union' }, { s: -3, p, o: -2, g: 'union' }];
    const cursor = new JoinCursor(store, patterns, 3, -1);
    cursor.budget = 1000;
    expect(cursor.next()).toBe(1);
    expect(1000 - cursor.budget).toBeLessThan(10);
    // And a budget that runs out pauses the walk instead of blocking: it resumes where it stopped.
    cursor.budget = 0;
    expect(cursor.next()).toBe(-1);
    cursor.budget = Infinity;
    let n = 1;
    while (cursor.next() === 1) n++;
    expect(n).toBe(5000 * 100);
  });
});
