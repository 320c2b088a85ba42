// The reconciliation bench: 1,000 names from a "spreadsheet" against a built collection, in-process and as OpenRefine posts them, against a full scan.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { runChild } from './children.ts';
import { makeCorpus } from './corpus.ts';
import { writeResult } from './report.ts';
import { loadConfig } from '../src/core/config.ts';
import { PublicUrls } from '../src/server/public-url.ts';
import { Candidates, personNameMatch, type CandidateQuery } from '../src/server/reconcile/candidates.ts';
import reconcilePlugin from '../src/server/reconcile/plugin.ts';
import { words } from '../src/server/reconcile/name-index.ts';
import type { CandidateEntry } from '../src/core/reconcile-index-format.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BASE_URI = 'http://localhost:8080/';
/** OpenRefine sends its queries ten at a time. */
const OPENREFINE_BATCH = 10;
/** Queries the full-scan reference runs (it is slow: a sample is enough for its per-query time). */
const SCAN_SAMPLE = 30;

export interface ReconcileBenchOptions {
  records: number;
  seed: number;
  queries: number;
  distDir?: string;
  keep: boolean;
  resultsDir: string;
  out: (line: string) => void;
}

/** A query with the candidate it was made from. */
interface Probe {
  query: CandidateQuery;
  expected: string;
  text: string;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
}

/** What a cataloger's spreadsheet holds: main titles, names as "Given Family" or "Family, Given", labels; some misspelled, upper-cased or without accents. */
function probes(entries: CandidateEntry[], n: number, seed: number): Probe[] {
  const random = seeded(seed);
  const theses = entries.filter((e) => e.type === 'thesis');
  const people = entries.filter((e) => e.type === 'person');
  const others = entries.filter((e) => e.type !== 'thesis' && e.type !== 'person');
  const out: Probe[] = [];
  for (let i = 0; i < n; i++) {
    const pool = i % 10 < 4 ? theses : i % 10 < 7 ? people : others;
    const e = pool[Math.floor(random() * pool.length)] ?? entries[i % entries.length]!;
    let text = e.type === 'thesis' ? e.name.split(/\s+:\s+/)[0]! : e.type === 'person' && i % 2 ? e.name.split(/,\s*/).reverse().join(' ') : (e.aliases?.length && i % 3 === 0 ? e.aliases[0]! : e.name);
    if (i % 3 === 0) {
      const long = words(text).sort((a, b) => b.length - a.length)[0];
      const at = long && long.length >= 5 ? text.toLowerCase().indexOf(long) : -1;
      if (at >= 0) text = text.slice(0, at + 2) + text.slice(at + 3);
    }
    if (i % 5 === 0) text = text.toUpperCase();
    if (i % 4 === 0) text = text.normalize('NFD').replace(/\p{M}/gu, '');
    out.push({ query: { text, types: i % 2 ? [e.type] : [], properties: [], limit: 5 }, expected: e.id, text });
  }
  return out;
}

/** The reference: every candidate's every name compared with the query (same word-level, one-typo comparison), no index. */
function scan(entries: CandidateEntry[], text: string): string | undefined {
  let best = -1;
  let id: string | undefined;
  for (const e of entries) {
    for (const name of [e.name, ...(e.aliases ?? [])]) {
      const s = personNameMatch(text, name);
      if (s > best) [best, id] = [s, e.id];
    }
  }
  return id;
}

async function buildCorpus(opts: ReconcileBenchOptions, scratch: string): Promise<{ distDir: string; buildSeconds: number; generator: string }> {
  const dataDir = path.join(scratch, 'data');
  const distDir = path.join(scratch, 'dist');
  const corpus = await makeCorpus(dataDir, opts.records, opts.seed);
  opts.out(`corpus: ${corpus.generator}`);
  const env = { ...process.env, DATA_DIR: dataDir, DIST_DIR: distDir, STATE_DIR: path.join(scratch, 'state'), BASE_URI };
  const run = await runChild('build', process.execPath, [path.join(ROOT, 'bin/thesis-lod.js'), 'build', '--no-progress'], { cwd: ROOT, env });
  if (run.code !== 0) throw new Error(`thesis-lod build failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  opts.out(`build: ${(run.ms / 1000).toFixed(1)} s`);
  return { distDir, buildSeconds: run.ms / 1000, generator: corpus.generator };
}

/** Runs the bench; prints each figure beside its reference, writes JSON to the results folder. */
export async function benchReconcile(opts: ReconcileBenchOptions): Promise<Record<string, unknown>> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-bench-reconcile-'));
  try {
    const built = opts.distDir ? { distDir: opts.distDir, buildSeconds: NaN, generator: `existing DIST_DIR ${opts.distDir}` } : await buildCorpus(opts, scratch);
    if (!existsSync(path.join(built.distDir, 'reconcile', 'entities.jsonl'))) throw new Error(`${built.distDir} has no reconcile/entities.jsonl: build it with this checkout`);
    const heapBefore = process.memoryUsage().heapUsed;
    let t = performance.now();
    const candidates = (await Candidates.load(built.distDir))!;
    const loadMs = performance.now() - t;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const counts = candidates.entries.reduce<Record<string, number>>((c, e) => ({ ...c, [e.type]: (c[e.type] ?? 0) + 1 }), {});
    opts.out(`candidates: ${candidates.entries.length} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}), loaded and indexed in ${loadMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB of heap`);

    const batch = probes(candidates.entries, opts.queries, opts.seed);
    // In-process: the matcher alone, twice (the first pass warms the JIT), the second timed.
    for (const p of batch.slice(0, 100)) candidates.reconcile(p.query);
    t = performance.now();
    for (const p of batch) candidates.reconcile(p.query);
    const inProcessMs = (performance.now() - t) / batch.length;
    // Accuracy, untimed and with a long list: the expected candidate's rank is one more than the number scored above it,
    // so namesakes (two people "Li, Yi", two theses of one main title) tie rather than count as misses.
    let first = 0;
    let inFive = 0;
    let ambiguous = 0;
    for (const p of batch) {
      const r = candidates.reconcile({ ...p.query, limit: 100 });
      const mine = r.find((c) => c.entry.id === p.expected);
      const rank = mine ? r.filter((c) => c.score > mine.score).length + 1 : Infinity;
      if (rank === 1) first++;
      if (rank <= 5) inFive++;
      if (r.length > 1 && r[1]!.score === r[0]!.score) ambiguous++;
    }

    // As OpenRefine sends them: form-encoded POSTs of ten queries through the reconcile plugin.
    const app = Fastify({ logger: false, bodyLimit: 10 * 2 ** 20 });
    app.decorate('config', loadConfig({ distDir: built.distDir, baseUri: BASE_URI }, {}));
    app.decorate('urls', new PublicUrls(BASE_URI));
    await app.register(reconcilePlugin);
    await app.ready();
    await app.inject({ method: 'POST', url: '/reconcile', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `queries=${encodeURIComponent(JSON.stringify({ q0: { query: 'warm' } }))}` });
    t = performance.now();
    for (let i = 0; i < batch.length; i += OPENREFINE_BATCH) {
      const queries = Object.fromEntries(batch.slice(i, i + OPENREFINE_BATCH).map((p, j) => [`q${j}`, { query: p.text, ...(p.query.types.length ? { type: p.query.types[0] } : {}) }]));
      const res = await app.inject({ method: 'POST', url: '/reconcile', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `queries=${encodeURIComponent(JSON.stringify(queries))}` });
      if (res.statusCode !== 200) throw new Error(`/reconcile answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
    const httpMs = (performance.now() - t) / batch.length;
    t = performance.now();
    const whole = Object.fromEntries(batch.map((p, j) => [`q${j}`, { query: p.text }]));
    const one = await app.inject({ method: 'POST', url: '/reconcile', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `queries=${encodeURIComponent(JSON.stringify(whole))}` });
    const oneBatchMs = performance.now() - t;
    if (one.statusCode !== 200) throw new Error(`one batch of ${batch.length} answered ${one.statusCode}`);
    await app.close();

    // The reference in the same run: a full scan of every name per query.
    t = performance.now();
    let scanFirst = 0;
    for (const p of batch.slice(0, SCAN_SAMPLE)) if (scan(candidates.entries, p.text) === p.expected) scanFirst++;
    const scanMs = (performance.now() - t) / SCAN_SAMPLE;

    const result = {
      records: opts.records, corpus: built.generator, buildSeconds: built.buildSeconds, candidates: candidates.entries.length, counts,
      loadMs, heapMb, queries: batch.length,
      inProcess: { msPerQuery: inProcessMs, top1: first / batch.length, top5: inFive / batch.length, tiedAtTop: ambiguous / batch.length },
      openRefineBatches: { batchSize: OPENREFINE_BATCH, msPerQuery: httpMs },
      oneBatch: { queries: batch.length, ms: oneBatchMs },
      fullScan: { sample: SCAN_SAMPLE, msPerQuery: scanMs, top1: scanFirst / SCAN_SAMPLE },
      speedup: scanMs / inProcessMs,
    };
    opts.out(`\nthesis-lod reconciliation bench: ${batch.length} queries against ${candidates.entries.length} candidates (${counts.thesis ?? 0} theses)`);
    opts.out(`  matcher, in process     ${inProcessMs.toFixed(3)} ms/query   expected candidate first (ties shared) ${(100 * first / batch.length).toFixed(1)}%, in the first five ${(100 * inFive / batch.length).toFixed(1)}%; ${(100 * ambiguous / batch.length).toFixed(1)}% of queries have namesakes tied at the top`);
    opts.out(`  as OpenRefine posts     ${httpMs.toFixed(3)} ms/query   (form-encoded batches of ${OPENREFINE_BATCH}, through the plugin)`);
    opts.out(`  one batch of ${batch.length}      ${oneBatchMs.toFixed(0)} ms`);
    opts.out(`  reference: full scan    ${scanMs.toFixed(1)} ms/query   (${SCAN_SAMPLE} queries; top-1 ${(100 * scanFirst / SCAN_SAMPLE).toFixed(0)}%) → the index is ${(scanMs / inProcessMs).toFixed(0)}× faster`);
    const file = writeResult(opts.resultsDir, `reconcile-${opts.distDir ? 'dist' : opts.records}-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`, result);
    opts.out(`\nwrote ${path.relative(process.cwd(), file)}`);
    return result;
  } finally {
    if (!opts.keep) await rm(scratch, { recursive: true, force: true });
    else opts.out(`kept ${scratch}`);
  }
}
