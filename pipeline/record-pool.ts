// Runs records on worker threads (and in this thread while none is ready yet), each outcome a promise the runner awaits in order.
import { Worker } from 'node:worker_threads';
import { ERR_BUILD, ThesisLodError } from '../src/core/errors.ts';
import type { ProcessorInit, RecordJob, RecordOutcome, RecordProcessor } from './process-record.ts';

/** Runner → worker: one record to run. */
export type WorkerRequest = { id: number; job: RecordJob };
/** Worker → runner: ready after loading its stages, a record's outcome, or a failure (of one record, or of the worker). */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; outcome: RecordOutcome }
  | { type: 'error'; id?: number; error: { message: string; stack?: string; code?: string } };

/** How the pool runs records. */
export interface PoolOptions {
  /** Worker threads (0: every record in this thread). */
  workers: number;
  /** What each worker makes its processor from (process-record.ts). */
  init: ProcessorInit;
  /**
   * This thread's processor: runs records while no worker is ready (a worker takes about half a second to load its
   * stages) and every record when there are no workers. Without it, records wait for a worker (tests of the workers).
   */
  inline?: RecordProcessor;
  /** Start the workers only once this many records have come (small builds never pay for them). */
  startAfter?: number;
}

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

  constructor(opts: PoolOptions) {
    if (opts.workers === 0 && !opts.inline) throw new TypeError('a pool without workers needs an inline processor');
    this.opts = opts;
    if ((opts.startAfter ?? 0) === 0) this.start();
  }

  /** Runs one record; outcomes may settle out of order, the runner takes them in order. */
  run(job: RecordJob): Promise<RecordOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    this.submitted += 1;
    if (this.lanes.length === 0 && this.submitted >= (this.opts.startAfter ?? 0)) this.start();
    const lane = this.free();
    if (lane) return this.send(lane, job);
    if (this.opts.inline && !this.lanes.some((l) => l.ready)) return this.opts.inline.process(job);
    return new Promise((resolve, reject) => this.queue.push({ job, pending: { resolve, reject } }));
  }

  /** Ends the workers (after the last outcome, or after a failure). */
  async close(): Promise<void> {
    this.failure ??= ERR_BUILD('the record pool is closed');
    const lanes = this.lanes.splice(0);
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }

  private start(): void {
    for (let i = 0; i < this.opts.workers; i++) {
      const lane: Lane = { worker: new Worker(WORKER_FILE, { workerData: this.opts.init }), ready: false, inFlight: new Map() };
      lane.worker.on('message', (reply: WorkerReply) => this.receive(lane, reply));
      lane.worker.on('error', (err) => this.fail(ERR_BUILD(`a build worker failed: ${err.message}`, {}, err)));
      lane.worker.on('exit', (code) => {
        if (this.lanes.includes(lane)) this.fail(ERR_BUILD(`a build worker stopped (exit code ${code})`));
      });
      this.lanes.push(lane);
    }
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
      lane.worker.postMessage({ id, job } satisfies WorkerRequest);
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
