// Runs records on worker threads (and in this thread while none is ready yet), each outcome a promise the runner awaits in order.
import { Worker } from 'node:worker_threads';
import { ERR_BUILD, ThesisLodError } from '../src/core/errors.ts';
import type { ProcessorInit, RecordJob, RecordOutcome, RecordProcessor } from './process-record.ts';

/** Runner → worker: what to make its processor from (first, once), then one record at a time. */
export type WorkerRequest = { type: 'init'; init: ProcessorInit } | { type: 'job'; id: number; job: RecordJob };
/** Worker → runner: ready after loading its stages, a record's outcome, or a failure (of one record, or of the worker). */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: RecordOutcome }
  | { type: 'error'; id?: number; error: { message: string; stack?: string; code?: string } };

/** How the pool runs records. */
export interface PoolOptions {
  /** Worker threads (0: every record in this thread). */
  workers: number;
  /** Start the workers (if start() has not) once this many records have come: small builds never pay for them. */
  startAfter?: number;
}

// Worker heaps: a larger young generation than V8's default, since a record makes a few MB of short-lived strings and
// terms; measured a tenth less CPU (fewer scavenges, less promoted garbage).
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 96 };

// Records in flight per worker: enough that a worker never waits for the next message, few enough to bound memory.
const PER_WORKER = 4;
const WORKER_FILE = new URL('./record-worker.mjs', import.meta.url);

type Pending = { resolve: (o: RecordOutcome) => void; reject: (e: unknown) => void };

interface Lane {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, Pending>;
}

function revive(error: { message: string; stack?: string; code?: string }): Error {
  const err = error.code ? new ThesisLodError(error.code, error.message, 500) : new Error(error.message);
  if (error.stack) err.stack = error.stack;
  return err;
}

/** The pool of one build; `close()` ends its workers. */
export class RecordPool {
  private readonly opts: PoolOptions;
  private readonly lanes: Lane[] = [];
  private readonly queue: { job: RecordJob; pending: Pending }[] = [];
  private submitted = 0;
  private nextId = 0;
  private failure: unknown;
  private initData: ProcessorInit | undefined;

  private inline: (() => Promise<RecordProcessor>) | undefined;
  private inlineProcessor: Promise<RecordProcessor> | undefined;
  private inlineQueue: Promise<unknown> = Promise.resolve();

  constructor(opts: PoolOptions) {
    this.opts = opts;
  }

  /**
   * Starts the workers now (they load their modules while the runner reads the authority); they run nothing
   * before init(). Idempotent.
   */
  start(): void {
    if (this.lanes.length > 0 || this.failure) return;
    for (let i = 0; i < this.opts.workers; i++) {
      const lane: Lane = { worker: new Worker(WORKER_FILE, { resourceLimits: RESOURCE_LIMITS }), ready: false, inFlight: new Map() };
      lane.worker.on('message', (reply: WorkerReply) => this.receive(lane, reply));
      lane.worker.on('error', (err) => this.fail(ERR_BUILD(`a build worker failed: ${err.message}`, {}, err)));
      lane.worker.on('exit', (code) => {
        if (this.lanes.includes(lane)) this.fail(ERR_BUILD(`a build worker stopped (exit code ${code})`));
      });
      if (this.initData) lane.worker.postMessage({ type: 'init', init: this.initData } satisfies WorkerRequest);
      this.lanes.push(lane);
    }
  }

  /**
   * Hands every worker, started or yet to start, what to make its processor from. `inline` makes this thread's own
   * (when first needed): it runs records while no worker is ready (a worker takes a while to build its stages) and
   * every record when there are no workers; without it records wait for a worker (tests of the workers).
   */
  init(init: ProcessorInit, inline?: () => Promise<RecordProcessor>): void {
    if (this.opts.workers === 0 && !inline) throw new TypeError('a pool without workers needs an inline processor');
    this.initData = init;
    this.inline = inline;
    for (const lane of this.lanes) lane.worker.postMessage({ type: 'init', init } satisfies WorkerRequest);
  }

  /** Runs one record; outcomes may settle out of order, the runner takes them in order. */
  run(job: RecordJob): Promise<RecordOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    this.submitted += 1;
    if (this.lanes.length === 0 && this.submitted >= (this.opts.startAfter ?? 0)) this.start();
    if (!this.initData) return Promise.reject(new TypeError('RecordPool.init() before run()'));
    const lane = this.free();
    if (lane) return this.send(lane, job);
    if (this.inline && !this.lanes.some((l) => l.ready)) {
      // In this thread too, one record at a time.
      const inline = (this.inlineProcessor ??= this.inline());
      const run = this.inlineQueue.then(() => inline).then((p) => p.process(job));
      this.inlineQueue = run.catch(() => undefined);
      return run;
    }
    return new Promise((resolve, reject) => this.queue.push({ job, pending: { resolve, reject } }));
  }

  /** Ends the workers (after the last outcome, or after a failure). */
  async close(): Promise<void> {
    this.failure ??= ERR_BUILD('the record pool is closed');
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }

  private free(): Lane | undefined {
    let best: Lane | undefined;
    for (const l of this.lanes) if (l.ready && l.inFlight.size < PER_WORKER && (!best || l.inFlight.size < best.inFlight.size)) best = l;
    return best;
  }

  private send(lane: Lane, job: RecordJob): Promise<RecordOutcome> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      lane.inFlight.set(id, { resolve, reject });
      lane.worker.postMessage({ type: 'job', id, job } satisfies WorkerRequest);
    });
  }

  private receive(lane: Lane, reply: WorkerReply): void {
    if (reply.type === 'ready') lane.ready = true;
    else if (reply.type === 'done') {
      lane.inFlight.get(reply.id)?.resolve(reply.outcome);
      lane.inFlight.delete(reply.id);
    } else if (reply.id === undefined) {
      this.fail(ERR_BUILD(`a build worker could not start: ${reply.error.message}`, {}, revive(reply.error)));
      return;
    } else {
      lane.inFlight.get(reply.id)?.reject(revive(reply.error));
      lane.inFlight.delete(reply.id);
    }
    // A worker with room takes what waits, oldest first.
    for (let free = this.free(); free && this.queue.length > 0; free = this.free()) {
      const { job, pending } = this.queue.shift()!;
      this.send(free, job).then(pending.resolve, pending.reject);
    }
  }

  // A worker that fails takes the build with it: every record waiting or in flight is rejected.
  private fail(err: unknown): void {
    this.failure ??= err;
    for (const lane of this.lanes) {
      for (const p of lane.inFlight.values()) p.reject(this.failure);
      lane.inFlight.clear();
    }
    for (const { pending } of this.queue.splice(0)) pending.reject(this.failure);
  }
}
