// Server benchmark: start-up time, heap per triple and dereferencing latency over a synthetic collection, against a fastify hello-world.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/core/config.ts';
import { build } from '../src/app.ts';
import { runBuild } from '../pipeline/run.ts';
import { writeCorpus } from './corpus.ts';

/** Options of the server benchmark. */
export interface ServerBenchOptions {
  /** Synthetic records to build when no `distDir` is given. */
  records: number;
  /** A DIST_DIR built already (e.g. by `bench --keep`): measured as it is, no build. */
  distDir?: string;
  /** Requests per measured route (each to a different document, so none is served from the body cache). */
  samples: number;
  keep?: boolean;
  out?: (line: string) => void;
}

/** Latency figures of one route, in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** What the benchmark measured. */
export interface ServerBenchResult {
  records: number;
  triples: number;
  startSeconds: number;
  heapMb: number;
  mbPerMillionTriples: number;
  rssMb: number;
  routes: Record<string, Latency>;
  reference: Latency;
}

// A full collection is read on purpose: the heap figure is only meaningful after a collection, so expose gc() here.
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => { gc(); gc(); };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]! };
}

/** Times each URL once through inject (cold: distinct documents), failing loudly on anything but the expected status. */
async function timeUrls(app: FastifyInstance, urls: string[], accept?: string, status = 200): Promise<Latency> {
  const times: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const res = await app.inject({ url, headers: accept ? { accept } : {} });
    times.push(performance.now() - started);
    if (res.statusCode !== status) throw new Error(`${url} answered ${res.statusCode}, expected ${status}: ${res.body.slice(0, 200)}`);
  }
  return summarise(times);
}

// The reference: a fastify hello-world route through inject in the same process, which is the floor any route can reach.
async function helloWorld(samples: number): Promise<Latency> {
  const app = Fastify({ logger: false });
  app.get('/hello', async function hello() { return 'hello world'; });
  await app.ready();
  await timeUrls(app, Array.from({ length: 50 }, () => '/hello'));
  const latency = await timeUrls(app, Array.from({ length: samples }, () => '/hello'));
  await app.close();
  return latency;
}

// A cartesian product counted in full: it runs until the query timeout, in a SPARQL worker.
const HEAVY_QUERY = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }';

/** Picks `n` ids spread evenly over the list. */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

const fmt = (l: Latency) => `p50 ${l.p50.toFixed(2)} ms, p95 ${l.p95.toFixed(2)} ms, max ${l.max.toFixed(1)} ms (n=${l.n})`;

/** Runs the benchmark and prints its figures; a temporary build is removed unless `keep`. */
export async function benchServer(opts: ServerBenchOptions): Promise<ServerBenchResult> {
  const out = opts.out ?? console.log;
  const gc = collector();
  let dir: string | undefined;
  let distDir = opts.distDir;
  try {
    if (!distDir) {
      dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-server-bench-'));
      out(`server bench: building ${opts.records} synthetic records in ${dir}`);
      await writeCorpus(path.join(dir, 'data'), opts.records);
      const buildConfig = loadConfig({ dataDir: path.join(dir, 'data'), distDir: path.join(dir, 'dist'), stateDir: path.join(dir, 'state') }, {});
      await runBuild(buildConfig, { buildDate: '2025-01-01', progress: false });
      distDir = buildConfig.distDir;
    }
    const report = JSON.parse(await readFile(path.join(distDir, 'build-report.json'), 'utf8')) as { records: { id: string; status: string }[] };
    const ids = report.records.filter((r) => r.status === 'published').map((r) => r.id);
    const config = loadConfig({ distDir, stateDir: path.join(os.tmpdir(), 'thesis-lod-bench-state') }, {});

    // Typed arrays live outside the JS heap (external memory): both count.
    const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.external; };
    gc();
    const heapBefore = used();
    const started = performance.now();
    const app = await build(config, { logger: false });
    const startSeconds = (performance.now() - started) / 1000;
    gc();
    const heapMb = (used() - heapBefore) / 2 ** 20;
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    const triples = app.store.size;
    out(`dataset:   ${ids.length} records, ${triples} triples in the document store of ${distDir}`);
    out(`start-up:  ${startSeconds.toFixed(1)} s (store, labels, SPARQL workers loaded and warmed)`);
    out(`memory:    main thread ${heapMb.toFixed(0)} MB (heap and external) = ${(heapMb / (triples / 1e6)).toFixed(0)} MB per million triples; process RSS ${rssMb.toFixed(0)} MB (workers included)`);

    const n = opts.samples;
    const reference = await helloWorld(Math.max(n, 200));
    out(`reference: fastify hello-world through inject, ${fmt(reference)}`);
    const theses = spread(ids, n);
    // Changchun is mentioned by every synthetic record: its pages list thousands of incoming links, 100 a page.
    const pages = Array.from({ length: Math.min(n, Math.max(1, Math.floor((ids.length * 2) / 100))) }, (_, i) => i + 1);
    const routes: Record<string, Latency> = {};
    const measure = async (route: string, urls: string[], status = 200) => {
      const l = await timeUrls(app, urls, undefined, status);
      routes[route] = l;
      out(`${route.padEnd(42)} ${fmt(l)}; p50 = ${(l.p50 / reference.p50).toFixed(0)}× hello-world`);
    };
    // Warm-up (JIT, lazy modules) on a thesis outside the samples, so the first sample is not the first request.
    const spare = ids.find((id) => !theses.includes(id) && id !== ids[1]) ?? ids[0]!;
    for (const ext of ['ttl', 'html', 'jsonld', 'nt', 'rdf']) await app.inject({ url: `/doc/thesis/${spare}.${ext}` });
    await measure('303 /id/thesis/{id}', theses.map((id) => `/id/thesis/${id}`), 303);
    await measure('/doc/thesis/{id}.ttl', theses.map((id) => `/doc/thesis/${id}.ttl`));
    await measure('/doc/thesis/{id}.html', theses.map((id) => `/doc/thesis/${id}.html`));
    await measure('/doc/thesis/{id}.jsonld', spread(theses, Math.max(1, Math.floor(n / 4))).map((id) => `/doc/thesis/${id}.jsonld`));
    await measure('/doc/thesis/{id}.ttl again (cached)', theses.map((id) => `/doc/thesis/${id}.ttl`));
    await measure('/doc/place/changchun.html?page=N', pages.map((p) => `/doc/place/changchun.html?page=${p}`));
    await measure('/doc/place/changchun.ttl?page=N', pages.map((p) => `/doc/place/changchun.ttl?page=${p}`));
    // A query that runs into the timeout in a worker thread, while other theses are dereferenced on the main thread.
    const heavy = app.inject({ url: `/sparql?query=${encodeURIComponent(HEAVY_QUERY)}`, headers: { accept: 'application/sparql-results+json' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const unseen = ids.filter((id) => !theses.includes(id) && id !== spare);
    await measure('/doc/thesis/{id}.ttl during a heavy query', spread(unseen, n).map((id) => `/doc/thesis/${id}.ttl`));
    const answered = await heavy;
    out(`heavy query: answered ${answered.statusCode} (the timeout stops it; documents were served meanwhile)`);
    await app.close();
    return { records: ids.length, triples, startSeconds, heapMb, mbPerMillionTriples: heapMb / (triples / 1e6), rssMb, routes, reference };
  } finally {
    if (dir && !opts.keep) await rm(dir, { recursive: true, force: true });
    else if (dir) out(`kept ${dir} (pass --dist-dir ${path.join(dir, 'dist')} to measure it again without building)`);
  }
}
