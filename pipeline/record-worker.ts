// A worker thread of the build: runs the records the runner sends through process-record.ts and posts back what to append.
import { parentPort, workerData } from 'node:worker_threads';
import { ThesisLodError } from '../src/core/errors.ts';
import { createRecordProcessor, type ProcessorInit, type RecordJob, type RecordOutcome } from './process-record.ts';
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

try {
  const processor = await createRecordProcessor(workerData as ProcessorInit);
  port.on('message', (request: WorkerRequest) => {
    processor.process(request.job as RecordJob).then(
      (outcome) => port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerReply, transferables(outcome)),
      (err: unknown) => port.postMessage({ type: 'error', id: request.id, error: failure(err) } satisfies WorkerReply),
    );
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ type: 'error', error: failure(err) } satisfies WorkerReply);
}
