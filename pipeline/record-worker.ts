// A worker thread of the build: runs the records the runner sends through process-record.ts and posts back what to append.
import { parentPort } from 'node:worker_threads';
import { ThesisLodError } from '../src/core/errors.ts';
import { createRecordProcessor, type RecordOutcome, type RecordProcessor } from './process-record.ts';
import type { WorkerReply, WorkerRequest } from './record-pool.ts';

const port = parentPort!;

// The byte arrays of an outcome move to the runner instead of being copied.
function transferables(outcome: RecordOutcome): ArrayBuffer[] {
  const g = outcome.published?.graph;
  return g ? [g.nq, g.nt, g.ttl, g.jsonld, g.rdf].map((b) => b.buffer as ArrayBuffer) : [];
}

function failure(err: unknown): Extract<WorkerReply, { type: 'error' }>['error'] {
  const e = err as Error;
  return { message: e?.message ?? String(err), stack: e?.stack, code: err instanceof ThesisLodError ? err.code : undefined };
}

// The first message says what to make the processor from; records that come before it is made wait for it.
let processor: Promise<RecordProcessor> | undefined;
// The last record's run: the next one starts when it has settled.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  if (request.type === 'init') {
    processor = createRecordProcessor(request.init);
    processor.then(
      () => port.postMessage({ type: 'ready' } satisfies WorkerReply),
      (err: unknown) => port.postMessage({ type: 'error', error: failure(err) } satisfies WorkerReply),
    );
    return;
  }
  if (!processor) {
    port.postMessage({ type: 'error', id: request.id, error: failure(new Error('a record came before init')) } satisfies WorkerReply);
    return;
  }
  // One record at a time, in arrival order: nothing of one record's run interleaves with another's.
  const ready = processor;
  const run = queue.then(() => ready).then((p) => p.process(request.job));
  queue = run.catch(() => undefined);
  run.then(
    (outcome) => port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerReply, transferables(outcome)),
    (err: unknown) => port.postMessage({ type: 'error', id: request.id, error: failure(err) } satisfies WorkerReply),
  );
});
