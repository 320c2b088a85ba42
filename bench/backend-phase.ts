// The backend figure (`--backend virtuoso`): the build loaded into Virtuoso 7 by `load`, a second server over it (STORE=sparql), and the benchmark set's p50 beside the embedded store's, same run, answers compared.
import { postQuery } from './http-client.ts';
import { compareBindings, compareGraphs } from './compare-results.ts';
import { bindQuery, scholarQueries, type Bindings } from './queries.ts';
import { geometricMean, percentile } from './stats.ts';
import { startServer, type Endpoint } from './endpoints.ts';
import { DBA, Virtuoso } from '../tests/helpers/virtuoso.ts';
import { loadStore } from '../src/store-external/load.ts';

/** One query's p50 over each backend. */
export interface BackendQueryFigure {
  name: string;
  embeddedP50?: number;
  externalP50?: number;
  /** external / embedded. */
  ratio?: number;
  /** The same store with /sparql evaluated by Comunica (STORE_ENGINE=comunica), and its ratio to the embedded store. */
  comunicaP50?: number;
  comunicaRatio?: number;
  same?: boolean;
  skipped?: string;
  /** Non-200 answers of the external side, by status. */
  failures?: Record<string, number>;
}

/** What the phase measured: the load, and the queries. */
export interface BackendFigures {
  backend: 'virtuoso';
  loadSeconds: number;
  quads: number;
  triples: number;
  graphs: number;
  queries: BackendQueryFigure[];
  geomeanRatio: number;
  comunicaGeomeanRatio: number;
}

export interface BackendPhaseOptions {
  distDir: string;
  dump: string;
  baseUri: string;
  logDir: string;
  startTimeoutMs: number;
  queryTimeoutMs?: number;
  warmups: number;
  runs: number;
  out: (line: string) => void;
}

/** Loads the dump into a fresh Virtuoso, serves it with a second server, and times each query on both servers alternately. */
export async function backendPhase(embedded: string, bindings: Bindings, opts: BackendPhaseOptions): Promise<BackendFigures> {
  // Buffers for a collection's load: 1.3 GB of pages (Virtuoso's guide: about two thirds of the memory it may use).
  const store = await Virtuoso.start({ buffers: 170_000 });
  let external: Endpoint | undefined;
  let comunica: Endpoint | undefined;
  try {
    const started = performance.now();
    const report = await loadStore({ dump: opts.dump, storeUrls: [store.url], credentials: DBA, graceMs: 0, log: (m) => opts.out(`virtuoso load: ${m}`) });
    const loadSeconds = (performance.now() - started) / 1000;
    opts.out(`virtuoso: ${report.quads} quads (${report.triples} distinct triples) in ${report.graphs} graphs loaded and verified in ${loadSeconds.toFixed(1)} s`);
    external = await startServer({ distDir: opts.distDir, baseUri: opts.baseUri, logDir: opts.logDir, startTimeoutMs: opts.startTimeoutMs, queryTimeoutMs: opts.queryTimeoutMs, env: { STORE: 'sparql', STORE_URL: store.url } });
    comunica = await startServer({ distDir: opts.distDir, baseUri: opts.baseUri, logDir: opts.logDir, startTimeoutMs: opts.startTimeoutMs, queryTimeoutMs: opts.queryTimeoutMs, env: { STORE: 'sparql', STORE_URL: store.url, STORE_ENGINE: 'comunica' } });
    const queries: BackendQueryFigure[] = [];
    for (const query of scholarQueries(`${opts.baseUri}sparql`)) {
      const missing = query.params.filter((p) => bindings[p] === undefined);
      if (missing.length) {
        queries.push({ name: query.name, skipped: `the corpus has no value for ${missing.join(', ')}` });
        continue;
      }
      const text = bindQuery(query, bindings);
      const times = { embedded: [] as number[], external: [] as number[], comunica: [] as number[] };
      const failures: Record<string, number> = {};
      let same: boolean | undefined;
      for (let i = 0; i < opts.warmups + opts.runs; i++) {
        // Alternate which side goes first, so neither always runs on a warm cache the other just filled.
        const order = i % 2 ? (['comunica', 'external', 'embedded'] as const) : (['embedded', 'external', 'comunica'] as const);
        const answers: Record<string, Awaited<ReturnType<typeof postQuery>>> = {};
        const urls = { embedded, external: external.url, comunica: comunica.url };
        for (const side of order) answers[side] = await postQuery(`${urls[side]}/sparql`, text, query.kind, 60_000);
        if (answers.external!.status !== 200) failures[answers.external!.status] = (failures[answers.external!.status] ?? 0) + 1;
        if (same === undefined && answers.external!.status === 200 && answers.embedded!.status === 200) {
          const ordered = query.tree.type === 'query' && 'order' in query.tree && Array.isArray(query.tree.order) && query.tree.order.length > 0;
          same = (query.kind === 'graph' ? compareGraphs(answers.external!.body, answers.embedded!.body) : compareBindings(answers.external!.body, answers.embedded!.body, ordered)).same;
        }
        if (i >= opts.warmups) {
          times.embedded.push(answers.embedded!.ms);
          times.external.push(answers.external!.ms);
          times.comunica.push(answers.comunica!.ms);
        }
      }
      const figure: BackendQueryFigure = { name: query.name, embeddedP50: percentile(times.embedded, 50), externalP50: percentile(times.external, 50), same, ...(Object.keys(failures).length ? { failures } : {}) };
      figure.ratio = figure.externalP50! / figure.embeddedP50!;
      figure.comunicaP50 = percentile(times.comunica, 50);
      figure.comunicaRatio = figure.comunicaP50 / figure.embeddedP50!;
      queries.push(figure);
      opts.out(`backend ${query.name}: embedded p50 ${figure.embeddedP50!.toFixed(1)} ms, Virtuoso p50 ${figure.externalP50!.toFixed(1)} ms (${figure.ratio.toFixed(2)}x), through Comunica ${figure.comunicaP50.toFixed(1)} ms (${figure.comunicaRatio.toFixed(2)}x), ${same ? 'same answer' : 'DIFFERENT answer'}${figure.failures ? `, failures ${JSON.stringify(figure.failures)}` : ''}`);
    }
    const measured = queries.filter((q) => q.ratio !== undefined);
    return { backend: 'virtuoso', loadSeconds, quads: report.quads, triples: report.triples, graphs: report.graphs, queries, geomeanRatio: geometricMean(measured.map((q) => q.ratio!)), comunicaGeomeanRatio: geometricMean(measured.map((q) => q.comunicaRatio!)) };
  } finally {
    await Promise.allSettled([external?.stop(), comunica?.stop()]);
    await store.dispose();
  }
}
