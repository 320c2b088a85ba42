// The SPARQL figure: the scholar queries against our /sparql and Oxigraph's, alternating, p50 each, answers compared.
import { postQuery, type Answer } from './http-client.ts';
import { compareBindings, compareGraphs, type Agreement } from './compare-results.ts';
import { bindQuery, scholarQueries, type Bindings, type BenchQuery } from './queries.ts';
import { geometricMean, percentile } from './stats.ts';

/** How often each query runs. */
export interface SparqlPhaseOptions {
  warmups: number;
  runs: number;
  /** A query whose first answer takes longer than this runs 1 warm-up and 3 runs only, so one slow query cannot eat the bench. */
  slowMs: number;
  out: (line: string) => void;
}

/** One query's figures. */
export interface QueryFigure {
  name: string;
  title: string;
  /** Why it did not run (a parameter the corpus lacks), if it did not. */
  skipped?: string;
  oursP50?: number;
  referenceP50?: number;
  ratio?: number;
  runs?: number;
  rows?: number;
  referenceRows?: number;
  same?: boolean;
  /** Non-200 answers from our side (status: count), e.g. a 503 timeout. */
  failures?: Record<string, number>;
  detail?: string;
}

/** The phase's figures: per query, and the geometric mean and worst of the p50 ratios. */
export interface SparqlFigures {
  queries: QueryFigure[];
  geomeanRatio: number;
  worstRatio: number;
  worstQuery: string;
  mismatches: string[];
  /** False when there was no reference to time or compare against. */
  reference: boolean;
}

function agreement(query: BenchQuery, ours: Answer, theirs: Answer): Agreement {
  if (query.kind === 'graph') return compareGraphs(ours.body, theirs.body);
  const ordered = query.tree.type === 'query' && 'order' in query.tree && Array.isArray(query.tree.order) && query.tree.order.length > 0;
  return compareBindings(ours.body, theirs.body, ordered);
}

/** Runs one query `warmups + runs` times on each side, alternating which goes first; both must answer 200. */
async function measure(query: BenchQuery, text: string, ours: string, reference: string | undefined, opts: SparqlPhaseOptions): Promise<QueryFigure> {
  const figure: QueryFigure = { name: query.name, title: query.title };
  const oursMs: number[] = [];
  const refMs: number[] = [];
  const failures: Record<string, number> = {};
  let warmups = opts.warmups;
  let runs = opts.runs;
  let compared = false;
  for (let i = 0; i < warmups + runs; i += 1) {
    // A trailing comment makes each repetition's text unique, so no cache keyed on the text can answer it.
    const q = `${text}\n# bench repetition ${i}\n`;
    const pair: Answer[] = [];
    // Without a reference (Oxigraph could not load the dump) ours is still timed, and nothing is compared.
    const ask = (url: string | undefined) => (url ? postQuery(url, q, query.kind, 600_000) : Promise.resolve<Answer>({ status: 200, body: '', bytes: 0, ms: Number.NaN }));
    if (i % 2 === 0) { pair[0] = await ask(ours); pair[1] = await ask(reference); }
    else { pair[1] = await ask(reference); pair[0] = await ask(ours); }
    const [mine, theirs] = pair as [Answer, Answer];
    if (theirs.status !== 200) throw new Error(`${query.name}: the reference answered ${theirs.status}: ${theirs.body.slice(0, 300)}`);
    if (mine.status !== 200) failures[String(mine.status)] = (failures[String(mine.status)] ?? 0) + 1;
    if (i === 0 && Math.max(mine.ms, reference ? theirs.ms : 0) > opts.slowMs) { warmups = 1; runs = Math.min(runs, 3); }
    if (mine.status === 200 && !compared && reference) {
      compared = true;
      const a = agreement(query, mine, theirs);
      Object.assign(figure, { rows: a.rows, referenceRows: a.referenceRows, same: a.same, detail: a.detail || undefined });
      if (!a.same) opts.out(`!!! MISMATCH ${query.name}: ours ${a.rows} rows, Oxigraph ${a.referenceRows}: ${a.detail}`);
    }
    if (mine.status === 200 && !compared && !reference) {
      compared = true;
      figure.rows = (query.kind === 'graph' ? compareGraphs(mine.body, mine.body) : compareBindings(mine.body, mine.body, false)).rows;
    }
    if (i >= warmups) { oursMs.push(mine.ms); refMs.push(theirs.ms); }
  }
  if (Object.keys(failures).length) {
    figure.failures = failures;
    opts.out(`!!! ${query.name}: our server did not answer 200 every time: ${JSON.stringify(failures)}`);
  }
  figure.runs = oursMs.length;
  figure.oursP50 = percentile(oursMs, 50);
  figure.referenceP50 = percentile(refMs, 50);
  if (reference) figure.ratio = figure.oursP50 / figure.referenceP50;
  else figure.referenceP50 = undefined;
  return figure;
}

/** Runs every scholar query of sparql/bench/ with its parameters bound; a query whose parameter the corpus lacks is skipped and said so. */
export async function sparqlPhase(ours: string, reference: string | undefined, baseUri: string, bindings: Bindings, opts: SparqlPhaseOptions): Promise<SparqlFigures> {
  const queries: QueryFigure[] = [];
  for (const query of scholarQueries(`${baseUri}sparql`)) {
    const missing = query.params.filter((p) => bindings[p] === undefined);
    if (missing.length) {
      queries.push({ name: query.name, title: query.title, skipped: `the corpus has no value for ${missing.join(', ')}` });
      opts.out(`sparql ${query.name}: skipped, the corpus has no value for ${missing.join(', ')}`);
      continue;
    }
    const figure = await measure(query, bindQuery(query, bindings), `${ours}/sparql`, reference && `${reference}/query`, opts);
    queries.push(figure);
    const against = reference ? `Oxigraph ${figure.referenceP50!.toFixed(1)} ms (${figure.ratio!.toFixed(2)}x), ${figure.rows} rows, ${figure.same ? 'same answer' : 'MISMATCH'}` : 'no reference';
    opts.out(`sparql ${query.name}: ours p50 ${figure.oursP50!.toFixed(1)} ms, ${against}`);
  }
  // A query our server failed (e.g. 503 at its timeout) stays in: its times are what a scholar waited, and the report flags it.
  const measured = queries.filter((q) => q.ratio !== undefined);
  if (!reference) return { queries, geomeanRatio: Number.NaN, worstRatio: Number.NaN, worstQuery: '', mismatches: [], reference: false };
  const worst = measured.reduce<QueryFigure | undefined>((w, q) => (!w || q.ratio! > w.ratio! ? q : w), undefined);
  return {
    queries,
    geomeanRatio: geometricMean(measured.map((q) => q.ratio!)),
    worstRatio: worst?.ratio ?? Number.NaN,
    worstQuery: worst?.name ?? '',
    mismatches: queries.filter((q) => q.same === false).map((q) => q.name),
    reference: true,
  };
}
