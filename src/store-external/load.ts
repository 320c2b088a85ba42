// Loads a build's N-Quads dump into every replica of an external store as a new generation, verifies it, then switches every replica to it and drops the old one.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sparqljs from 'sparqljs';
import { DataFactory, Parser, Writer, type Quad, type Term } from 'n3';
import { ERR_STORE_LOAD } from '../core/errors.ts';
import { xsd } from '../core/vocab.ts';
import { digestFetch, type Credentials } from './digest.ts';
import { CONTROL, CONTROL_GRAPH, GENERATIONS_PREFIX, Generation, STORE_NODE, newGenerationId, type GenerationRecord } from './generation.ts';
import { bindTerms, withValues } from './rewrite.ts';
import { readSolutions } from './results.ts';
import { controlQuery, readControl, template, toRawQuery } from './store-reader.ts';

const { namedNode, literal, variable } = DataFactory;

export interface LoadOptions {
  /** The build's N-Quads dump (DIST_DIR/dumps/dataset.nq). */
  dump: string;
  /** Each replica's query endpoint; its update endpoint is `updateUrl(url)` (Virtuoso: /sparql-auth, digest authentication). */
  storeUrls: readonly string[];
  updateUrl?: (queryUrl: string) => string;
  credentials: Credentials;
  /** Triples per load request (default 20,000); a larger graph is split only between blank-node groups. */
  batchTriples?: number;
  /** How long the old generation stays after the switch, for servers that read the record a moment ago. */
  graceMs?: number;
  log?: (message: string) => void;
  /** Test hook: runs after every replica is loaded and verified, before any is switched. */
  beforeSwitch?: () => Promise<void>;
}

/** What a load did, per replica and in all. */
export interface LoadReport {
  generation: string;
  previous?: string;
  quads: number;
  triples: number;
  graphs: number;
  ms: number;
  replicas: { url: string; loadMs: number; dropped: number }[];
}

/** Virtuoso's authenticated SPARQL endpoint beside its public one. */
export function defaultUpdateUrl(queryUrl: string): string {
  return queryUrl.replace(/\/sparql\/?$/, '/sparql-auth');
}

type Update = Record<string, unknown>;

/** One replica as the loader writes it: queries and updates over digest authentication. */
class ReplicaWriter {
  constructor(readonly url: string, private readonly updateUrl: string, private readonly credentials: Credentials) {}

  /** Sends a query or update text to the authenticated endpoint; a refusal fails the load with the store's words. */
  async send(text: string, what: string): Promise<string> {
    let response: Response;
    try {
      response = await digestFetch(this.updateUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' }, body: new URLSearchParams({ query: text }).toString() }, this.credentials);
    } catch (cause) {
      throw ERR_STORE_LOAD(`${what}: ${this.updateUrl} is unreachable (${((cause as Error).cause as Error)?.message ?? (cause as Error).message})`, {}, cause);
    }
    const body = await response.text();
    if (response.status === 401) throw ERR_STORE_LOAD(`${what}: ${this.updateUrl} refused STORE_USER/STORE_PASSWORD (401)`);
    if (!response.ok) throw ERR_STORE_LOAD(`${what}: ${this.updateUrl} answered ${response.status}: ${body.split('\n').find(Boolean)?.slice(0, 300)}`);
    if (response.headers.get('x-sql-state')) throw ERR_STORE_LOAD(`${what}: the store answered a partial result (${response.headers.get('x-sql-state')})`);
    return body;
  }

  async select(query: sparqljs.SparqlQuery, what: string): Promise<ReturnType<typeof readSolutions>> {
    return readSolutions(await this.send(toRawQuery(query), what), true);
  }

  async update(updates: Update[], what: string): Promise<void> {
    await this.send(new sparqljs.Generator().stringify({ type: 'update', prefixes: {}, updates } as unknown as sparqljs.Update), what);
  }

  /** Drops every graph of generations other than `keep` (none kept when undefined), 500 to a request; how many. */
  async dropGenerations(keep: Generation | undefined, only?: Generation): Promise<number> {
    const prefix = literal(only ? only.prefix : GENERATIONS_PREFIX);
    const q = bindTerms(template('generation-graphs'), { prefix, keep: literal(keep ? keep.prefix : '-') }) as sparqljs.SelectQuery;
    q.limit = 500;
    let dropped = 0;
    let last = '';
    for (;;) {
      const graphs = (await this.select(q, 'listing old generations')).rows.map((r) => r.get('g')!);
      if (graphs.length === 0) break;
      // The same graphs again after dropping them: the store did not drop them, and asking again would not help.
      if (graphs[0]!.value === last) throw ERR_STORE_LOAD(`${this.updateUrl} did not drop ${last}`);
      last = graphs[0]!.value;
      await this.update(graphs.map((g) => ({ type: 'drop', silent: true, graph: { type: 'graph', name: namedNode(g.value) } })), 'dropping old graphs');
      dropped += graphs.length;
    }
    return dropped;
  }
}

/**
 * The dump's quads, a megabyte of lines at a time, read only as fast as they are used (n3's StreamParser reads its
 * piped source flowing, so a 4 GB dump would be parsed into memory faster than the store takes it). N-Quads is one
 * statement a line, so each run of whole lines parses alone; blank node labels are kept as written, so they agree
 * across runs. A syntax error names the dump's own line.
 */
async function* quadChunks(dump: string): AsyncGenerator<Quad[]> {
  // Bytes, not strings: a string sliced from the last chunk would keep that chunk (and, chained, every one before it).
  let rest = Buffer.alloc(0);
  let line = 0;
  const parse = (text: string) => {
    try {
      return new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(text);
    } catch (cause) {
      const message = (cause as Error).message.replace(/on line (\d+)/, (_m, n: string) => `on line ${Number(n) + line}`);
      throw ERR_STORE_LOAD(`${dump}: ${message}`, { file: dump }, cause);
    }
  };
  for await (const data of createReadStream(dump, { highWaterMark: 1 << 20 })) {
    const bytes = rest.length ? Buffer.concat([rest, data as Buffer]) : (data as Buffer);
    const end = bytes.lastIndexOf(0x0a);
    if (end < 0) {
      rest = Buffer.from(bytes);
      continue;
    }
    rest = Buffer.from(bytes.subarray(end + 1));
    const lines = bytes.toString('utf8', 0, end + 1);
    yield parse(lines);
    for (let i = lines.indexOf('\n'); i >= 0; i = lines.indexOf('\n', i + 1)) line++;
  }
  if (rest.length && rest.toString('utf8').trim()) yield parse(rest.toString('utf8'));
}

/** A copy of a string that holds no reference to the text it was cut from (a graph name is kept for the whole load). */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Reads the dump as batches of whole graphs: `onBatch` gets a map graph → triples of about `batchTriples` triples. */
async function readBatches(dump: string, batchTriples: number, onBatch: (batch: Map<string, Quad[]>) => Promise<void>): Promise<{ quads: number; graphs: Set<string> }> {
  const graphs = new Set<string>();
  let quads = 0;
  let batch = new Map<string, Quad[]>();
  let inBatch = 0;
  let last = '';
  for await (const chunk of quadChunks(dump)) {
    for (const q of chunk) {
      if (q.graph.termType !== 'NamedNode') throw ERR_STORE_LOAD(`${dump}: a triple outside any named graph (the dump keeps one graph per record)`);
      const g = q.graph.value;
      // A batch ends only between graphs: a graph's blank nodes are one request's.
      if (g !== last && inBatch >= batchTriples) {
        await onBatch(batch);
        batch = new Map();
        inBatch = 0;
      }
      if (g !== last && !graphs.has(g)) graphs.add(detached(g));
      last = g;
      let list = batch.get(g);
      if (!list) batch.set(g, (list = []));
      list.push(q);
      inBatch++;
      quads++;
    }
  }
  if (inBatch) await onBatch(batch);
  return { quads, graphs };
}

/**
 * The query loading a batch into a generation: each graph's triples as N-Triples text handed to Virtuoso's own parser
 * (DB.DBA.TTLP, through SPARQL's `sql:` functions). A SPARQL INSERT compiles every triple to SQL and stops at 10,000
 * lines of it (a few hundred triples); the parser takes any size and is many times faster.
 */
/** N-Triples with every non-ASCII character as its \\u or \\U escape (N-Triples' UCHAR, in literals and IRIs alike). */
export function asciiOnly(text: string): string {
  return text.replace(/[^\u0000-\u007f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}` : `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

function loadBatch(generation: Generation, batch: Map<string, Quad[]>): sparqljs.SelectQuery {
  const q = template('load-graphs') as sparqljs.SelectQuery;
  const projection = q.variables[0] as sparqljs.VariableExpression;
  // One call per graph, each bound by the tree (Virtuoso takes no long text through VALUES).
  const variables = [...batch].map(([g, quads], i) => {
    const text = asciiOnly(new Writer({ format: 'N-Triples' }).quadsToString(quads.map((t) => DataFactory.quad(t.subject, t.predicate, t.object))));
    const call = bindTerms({ ...q, variables: [projection] }, { text: literal(text), g: literal(generation.graph(g).value) }).variables[0] as sparqljs.VariableExpression;
    return { ...call, variable: variable(`done${i}`) };
  });
  return { ...q, variables } as sparqljs.SelectQuery;
}

/**
 * Splits one graph too large for a request into parts of at most `size` triples, keeping together every triple that
 * shares a blank node (a blank node is one request's: the same label in two requests would be two nodes).
 */
export function splitGraph(quads: readonly Quad[], size: number): Quad[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const blanks = (q: Quad) => [q.subject, q.object].filter((t) => t.termType === 'BlankNode').map((t) => t.value);
  for (const q of quads) {
    const b = blanks(q);
    for (const x of b) if (!parent.has(x)) parent.set(x, x);
    if (b.length === 2) parent.set(find(b[0]!), find(b[1]!));
  }
  const groups = new Map<string, Quad[]>();
  const loose: Quad[] = [];
  for (const q of quads) {
    const b = blanks(q);
    if (b.length === 0) loose.push(q);
    else {
      const root = find(b[0]!);
      let g = groups.get(root);
      if (!g) groups.set(root, (g = []));
      g.push(q);
    }
  }
  const parts: Quad[][] = [];
  let part: Quad[] = [];
  for (const unit of [...groups.values(), ...loose.map((q) => [q])]) {
    if (part.length && part.length + unit.length > size) {
      parts.push(part);
      part = [];
    }
    part.push(...unit);
  }
  if (part.length) parts.push(part);
  return parts;
}

/** Loads the dump into one replica as `generation` and checks what the store holds against what was read. */
async function loadReplica(w: ReplicaWriter, generation: Generation, options: LoadOptions, log: (m: string) => void): Promise<GenerationRecord> {
  const report = await buildCounts(options.dump);
  await w.select(bindTerms(template('group-create'), { group: literal(generation.group) }), 'creating the graph group');
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const size = options.batchTriples ?? 20_000;
  const read = await readBatches(options.dump, size, async (batch) => {
    // A graph larger than a request should hold goes in parts (never splitting what shares a blank node).
    const requests: Map<string, Quad[]>[] = [];
    const small = new Map<string, Quad[]>();
    for (const [g, quads] of batch) {
      if (quads.length <= size) small.set(g, quads);
      else for (const part of splitGraph(quads, size)) requests.push(new Map([[g, part]]));
    }
    if (small.size) requests.push(small);
    for (const request of requests) {
      // Two requests in flight: the store inserts one while the next is parsed and written.
      while (inFlight.size >= 2) await Promise.race(inFlight);
      const p = w.select(loadBatch(generation, request), `loading graphs into ${w.url}`).then(() => {
        inFlight.delete(p);
        sent += [...request.values()].reduce((n, l) => n + l.length, 0);
      });
      p.catch(() => {});
      inFlight.add(p);
    }
  });
  await Promise.all(inFlight);
  log(`${w.url}: ${sent} quads in ${read.graphs.size} graphs sent; adding them to the group`);
  const names = [...read.graphs];
  for (let i = 0; i < names.length; i += 500) {
    const values = names.slice(i, i + 500).map((g) => literal(generation.graph(g).value));
    await w.select(withValues(bindTerms(template('group-add'), { group: literal(generation.group) }), 'g', values), 'filling the graph group');
  }
  // Verification: the store's count of the generation's quads and graphs against the dump's (and the build's report).
  log(`${w.url}: group filled; counting what the store holds`);
  const counted = (await w.select(bindTerms(template('quad-count'), { prefix: literal(generation.prefix) }), 'counting')).rows[0];
  const quads = Number(counted?.get('n')?.value ?? -1);
  const graphs = Number(counted?.get('graphs')?.value ?? -1);
  const expected = report?.quads ?? read.quads;
  if (quads !== read.quads || graphs !== read.graphs.size || expected !== read.quads) {
    throw ERR_STORE_LOAD(`${w.url} holds ${quads} quads in ${graphs} graphs of generation ${generation.id}, the dump ${read.quads} in ${read.graphs.size}${report ? ` (its build report: ${report.quads} quads)` : ''}: not switched`);
  }
  // Distinct triples of the union: the build counted them (Virtuoso's own DISTINCT over millions of triples runs out of time).
  return { id: generation.id, quads, graphs, triples: report?.triples ?? quads, loaded: new Date().toISOString() };
}

/** The build report's counts beside a dump (DIST_DIR/build-report.json), when there is one. */
async function buildCounts(dump: string): Promise<{ quads: number; triples: number } | undefined> {
  try {
    const counts = JSON.parse(await readFile(path.join(path.dirname(dump), '..', 'build-report.json'), 'utf8')).counts as { quads?: number; triples?: number };
    return typeof counts?.quads === 'number' && typeof counts.triples === 'number' ? { quads: counts.quads, triples: counts.triples } : undefined;
  } catch {
    return undefined;
  }
}

/** The updates replacing the control record with this generation's. */
function switchTo(record: GenerationRecord): Update[] {
  const control = namedNode(CONTROL_GRAPH);
  const store = namedNode(STORE_NODE);
  const int = (n: number) => literal(String(n), xsd('integer'));
  const triples: { subject: Term; predicate: Term; object: Term }[] = [
    { subject: store, predicate: namedNode(CONTROL.current), object: literal(record.id) },
    { subject: store, predicate: namedNode(CONTROL.triples), object: int(record.triples) },
    { subject: store, predicate: namedNode(CONTROL.quads), object: int(record.quads) },
    { subject: store, predicate: namedNode(CONTROL.graphs), object: int(record.graphs) },
    { subject: store, predicate: namedNode(CONTROL.loaded), object: literal(record.loaded, xsd('dateTime')) },
  ];
  return [
    { updateType: 'deletewhere', delete: [{ type: 'graph', name: control, triples: [{ subject: store, predicate: variable('p'), object: variable('o') }] }] },
    { updateType: 'insert', insert: [{ type: 'graph', name: control, triples }] },
  ];
}

/**
 * Loads the dump into every replica as a new generation; only when every replica holds it whole does each one's
 * control record switch to it (one request each, back to back); then the previous generation is dropped. A failure
 * before the switch drops what was written and leaves the previous generation served everywhere.
 */
export async function loadStore(options: LoadOptions): Promise<LoadReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const writers = options.storeUrls.map((url) => new ReplicaWriter(url, (options.updateUrl ?? defaultUpdateUrl)(url), options.credentials));
  const generation = new Generation(newGenerationId());
  const previous: (GenerationRecord | undefined)[] = [];
  const records: GenerationRecord[] = [];
  const replicas: LoadReport['replicas'] = [];
  try {
    for (const w of writers) {
      const t = Date.now();
      const current = readControl(await w.select(controlQuery(), 'reading the control record'));
      previous.push(current);
      // Leftovers of a load that failed before its switch: nobody serves them.
      const stale = await w.dropGenerations(current ? new Generation(current.id) : undefined);
      if (stale) log(`${w.url}: dropped ${stale} graphs of an unfinished load`);
      log(`${w.url}: loading generation ${generation.id}${current ? ` (serving ${current.id})` : ''}`);
      records.push(await loadReplica(w, generation, options, log));
      replicas.push({ url: w.url, loadMs: Date.now() - t, dropped: 0 });
    }
    await options.beforeSwitch?.();
  } catch (err) {
    for (const w of writers) {
      await w.dropGenerations(undefined, generation).catch(() => {});
      await w.select(bindTerms(template('group-drop'), { group: literal(generation.group) }), 'dropping the group').catch(() => {});
    }
    throw err;
  }
  const triples = records[0]!.triples;
  for (const [i, w] of writers.entries()) await w.update(switchTo(records[i]!), `switching ${w.url} to generation ${generation.id}`);
  log(`every replica serves generation ${generation.id}`);
  await new Promise((r) => setTimeout(r, options.graceMs ?? 5000));
  for (const [i, w] of writers.entries()) {
    const old = previous[i];
    if (!old) continue;
    replicas[i]!.dropped = await w.dropGenerations(generation);
    await w.select(bindTerms(template('group-drop'), { group: literal(new Generation(old.id).group) }), 'dropping the old group');
  }
  return { generation: generation.id, previous: previous[0]?.id, quads: records[0]!.quads, triples, graphs: records[0]!.graphs, ms: Date.now() - started, replicas };
}
