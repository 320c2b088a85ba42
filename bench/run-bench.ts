// The scale bench at N records: corpus, build, Oxigraph and our server side by side (memory, start, SPARQL), documents, isolation.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPhase, type BuildFigures } from './build-phase.ts';
import { killAll } from './children.ts';
import { makeCorpus } from './corpus.ts';
import { cannon, hubPages, type HubPage, type LoadFigures } from './documents-phase.ts';
import { startHello, startOxigraph, startServer, type Endpoint, type OxigraphEndpoint } from './endpoints.ts';
import { isolationPhase, type IsolationFigures } from './isolation-phase.ts';
import { pickParams } from './params.ts';
import { bindQuery, loadQuery } from './queries.ts';
import { sparqlPhase, type SparqlFigures } from './sparql-phase.ts';
import { backendPhase, type BackendFigures } from './backend-phase.ts';

/** How much of everything to do. */
export interface BenchOptions {
  records: number;
  seed: number;
  warmups: number;
  runs: number;
  /** Document paths to sample, seconds and connections of each autocannon run. */
  documents: number;
  documentSeconds: number;
  connections: number;
  isolationSeconds: number;
  /** Repeats of each hub page after its first fetch. */
  hubRepeats: number;
  /** Passed to the server as --query-timeout-ms; undefined keeps the server's own default. */
  queryTimeoutMs?: number;
  startTimeoutMs: number;
  keep: boolean;
  /** A DIST_DIR built already (BASE_URI http://localhost:8080/): measured as it is, without a corpus or a build of its own. */
  distDir?: string;
  /** `virtuoso`: also load the build into Virtuoso 7 and time the benchmark set over a second server on it (bench/backend-phase.ts). */
  backend?: 'embedded' | 'virtuoso';
  out: (line: string) => void;
}

/** Everything one run measured. */
export interface BenchResult {
  records: number;
  corpus: string;
  quads: number;
  params: Record<string, string>;
  build: BuildFigures;
  memory: { oursRss: number; referenceRss?: number; oursBytesPerQuad: number; referenceBytesPerQuad?: number; ratio?: number };
  start: { oursMs: number; referenceMs?: number; referenceLoadMs?: number; ratio?: number };
  reference?: string;
  sparql: SparqlFigures;
  documents: { ours: LoadFigures; again: LoadFigures; reference: LoadFigures; ratio: number; paths: number; hub?: { iri: string; links: number; pages: HubPage[] } };
  isolation: IsolationFigures & { askText: string; runawayText: string };
  /** With `--backend virtuoso`: the load and the benchmark set's p50 over the external store beside the embedded one's. */
  backend?: BackendFigures;
}

// The data's IRI base: the server maps request paths onto it whatever port it listens on.
const BASE_URI = 'http://localhost:8080/';

/** The counts of a DIST_DIR's build report, as build figures with nothing timed (NaN). */
async function existingBuild(distDir: string): Promise<BuildFigures> {
  const report = JSON.parse(await readFile(path.join(distDir, 'build-report.json'), 'utf8')) as { counts: { records: number; published: number; quads: number } };
  const { records, published, quads } = report.counts;
  return { records, published, quads, seconds: NaN, peakRss: NaN, referenceSeconds: NaN, ratio: NaN };
}

/** Runs the whole bench at `opts.records`; every child is stopped and the scratch folder removed (unless `keep`) on the way out. */
export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const out = opts.out;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-bench-'));
  const dirs = { dataDir: path.join(scratch, 'data'), distDir: path.join(scratch, 'dist'), stateDir: path.join(scratch, 'state'), baseUri: BASE_URI };
  let oxigraph: OxigraphEndpoint | undefined;
  let server: Endpoint | undefined;
  let hello: Endpoint | undefined;
  try {
    out(`bench: ${opts.records} records in ${scratch}`);
    let corpus: { generator: string };
    let build: BuildFigures;
    if (opts.distDir) {
      // A build made before (a large one takes longer than the rest of the bench): its figures are not this run's.
      dirs.distDir = opts.distDir;
      corpus = { generator: `existing DIST_DIR ${opts.distDir}` };
      build = await existingBuild(opts.distDir);
      out(`build: not measured, using ${opts.distDir} (${build.published}/${build.records} records, ${build.quads} quads)`);
    } else {
      corpus = await makeCorpus(dirs.dataDir, opts.records, opts.seed);
      out(`corpus: ${corpus.generator}`);
      build = await buildPhase(dirs, scratch);
      out(`build: ${build.published}/${build.records} records, ${build.quads} quads in ${build.seconds.toFixed(1)} s, peak RSS ${(build.peakRss / 2 ** 20).toFixed(0)} MB; n3 Writer alone ${build.referenceSeconds.toFixed(2)} s`);
    }
    const dump = path.join(dirs.distDir, 'dumps/dataset.nq');

    // Oxigraph first, alone on the machine; then our server, with Oxigraph idle beside it.
    let referenceError: string | undefined;
    try {
      oxigraph = await startOxigraph(dump, `${BASE_URI}sparql`, scratch);
      out(`oxigraph: ${oxigraph.quads} quads loaded in ${(oxigraph.loadMs / 1000).toFixed(1)} s, ready after ${(oxigraph.startMs / 1000).toFixed(1)} s, RSS ${(oxigraph.rss / 2 ** 20).toFixed(0)} MB`);
    } catch (err) {
      referenceError = (err as Error).message.slice(0, 500);
      out(`!!! oxigraph could not load the dump, so the memory, start and SPARQL figures have no reference: ${referenceError}`);
    }
    server = await startServer({ distDir: dirs.distDir, baseUri: BASE_URI, logDir: scratch, queryTimeoutMs: opts.queryTimeoutMs, startTimeoutMs: opts.startTimeoutMs });
    out(`server: /health 200 after ${(server.startMs / 1000).toFixed(1)} s, RSS ${(server.rss / 2 ** 20).toFixed(0)} MB`);

    const params = await pickParams(oxigraph ? `${oxigraph.url}/query` : `${server.url}/sparql`, BASE_URI, opts.seed, opts.documents);
    for (const [k, v] of Object.entries(params.described)) out(`param ${k}: ${v}`);

    const quads = build.quads;
    const memory = {
      oursRss: server.rss,
      referenceRss: oxigraph?.rss,
      oursBytesPerQuad: server.rss / quads,
      referenceBytesPerQuad: oxigraph ? oxigraph.rss / quads : undefined,
      ratio: oxigraph ? server.rss / oxigraph.rss : undefined,
    };
    const start = { oursMs: server.startMs, referenceMs: oxigraph?.startMs, referenceLoadMs: oxigraph?.loadMs, ratio: oxigraph ? server.startMs / oxigraph.startMs : undefined };

    const sparql = await sparqlPhase(server.url, oxigraph?.url, BASE_URI, params.bindings, { warmups: opts.warmups, runs: opts.runs, slowMs: 5000, out });
    const backend = opts.backend === 'virtuoso'
      ? await backendPhase(server.url, params.bindings, { distDir: dirs.distDir, dump: path.join(dirs.distDir, 'dumps', 'dataset.nq'), baseUri: BASE_URI, logDir: scratch, startTimeoutMs: opts.startTimeoutMs, queryTimeoutMs: opts.queryTimeoutMs, warmups: opts.warmups, runs: opts.runs, out })
      : undefined;
    await oxigraph?.stop();
    oxigraph = undefined;

    // The hub's pages first, while nothing has asked for them yet.
    let hub: BenchResult['documents']['hub'];
    if (params.hub) {
      hub = { iri: params.hub.iri, links: params.hub.links, pages: await hubPages(server.url, params.hub.path, params.hub.laterPage, opts.hubRepeats) };
      for (const p of hub.pages) out(`hub page ${p.page} .${p.format}: ${p.status}, ${(p.bytes / 1024).toFixed(0)} KB, first ${p.firstMs.toFixed(0)} ms, then p50 ${p.p50Ms.toFixed(1)} ms`);
    }

    // Documents: the same paths, connections and duration against our server, then against the hello-world.
    const ours = await cannon(server.url, params.documentPaths, opts.documentSeconds, opts.connections);
    out(`documents: ours ${ours.requestsPerSecond.toFixed(0)} req/s (p50 ${ours.latencyP50} ms, p99 ${ours.latencyP99} ms, non-2xx ${ours.non2xx}, errors ${ours.errors})`);
    if (ours.non2xx || ours.errors) out(`!!! documents: ${ours.non2xx} non-2xx answers and ${ours.errors} errors: ${JSON.stringify(ours.statusCodes)}`);
    // The paths the first pass asked for, again: what the server's own caches make of them (the figure above is the first pass).
    const again = await cannon(server.url, params.documentPaths.slice(0, ours.pathsUsed), opts.documentSeconds, opts.connections);
    out(`documents again: ours ${again.requestsPerSecond.toFixed(0)} req/s (p50 ${again.latencyP50} ms, p99 ${again.latencyP99} ms)`);
    hello = await startHello(scratch);
    const reference = await cannon(hello.url, params.documentPaths, opts.documentSeconds, opts.connections);
    await hello.stop();
    hello = undefined;
    out(`documents: hello-world ${reference.requestsPerSecond.toFixed(0)} req/s (p50 ${reference.latencyP50} ms)`);

    const base = `${BASE_URI}sparql`;
    const askText = bindQuery(loadQuery('isolation/ask-thesis.rq', base), params.bindings);
    const runawayText = bindQuery(loadQuery('isolation/runaway-cartesian.rq', base), {});
    const isolation = await isolationPhase(server.url, {
      seconds: opts.isolationSeconds,
      documentPaths: params.documentPaths,
      ask: askText,
      select: bindQuery(loadQuery('isolation/thesis-title.rq', base), params.bindings),
      runaway: runawayText,
      documentClients: 8,
      runawayClients: 2,
      runawayClientTimeoutMs: (opts.queryTimeoutMs ?? 10_000) + 60_000,
    });
    out(`isolation: document p99 ${isolation.without.documentP99.toFixed(1)} ms without runaways, ${isolation.with.documentP99.toFixed(1)} ms with (${isolation.with.runaways} runaways: ${JSON.stringify(isolation.with.runawayStatus)}); ASK answered ${isolation.with.asksAnswered}/${isolation.with.asks} during them; unexpected 5xx ${isolation.without.unexpected5xx + isolation.with.unexpected5xx}`);

    return {
      records: opts.records,
      corpus: corpus.generator,
      quads,
      params: params.described,
      build,
      memory,
      start,
      reference: referenceError ? `oxigraph failed: ${referenceError}` : 'oxigraph (npm) in memory, its own process',
      sparql,
      documents: { ours, again, reference, ratio: ours.requestsPerSecond / reference.requestsPerSecond, paths: params.documentPaths.length, hub },
      isolation: { ...isolation, askText, runawayText },
      backend,
    };
  } catch (err) {
    if (server) out(`server log (last lines): ${readFileSync(server.log, 'utf8').slice(-3000)}`);
    throw err;
  } finally {
    await Promise.allSettled([oxigraph?.stop(), server?.stop(), hello?.stop()]);
    killAll();
    if (!opts.keep) await rm(scratch, { recursive: true, force: true });
    else out(`kept ${scratch}`);
  }
}
