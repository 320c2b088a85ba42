// A record being read: the empty ThesisRecord, the problems found on the way, and the Ingested outcome.
import { ThesisLodError, type Problem } from '../../src/core/errors.ts';
import type { Ingested, SourceRef, ThesisRecord } from '../types.ts';

/** An empty record of a format, before any field is read. */
export function newRecord(format: string, source: SourceRef, contentHash: string): ThesisRecord {
  return {
    id: '', format, source, contentHash,
    alternativeTitles: [], creators: [], supervisors: [], contributors: [], publishers: [],
    genres: [], types: [], languages: [], uris: [], affiliations: [], subjects: [],
  };
}

/** Collects a record's problems so that one bad field is reported without hiding the next. */
export class ProblemList {
  readonly items: Problem[] = [];

  /** Runs one check; a ThesisLodError becomes a problem (severity error) and the result undefined. */
  attempt<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (err) {
      if (!(err instanceof ThesisLodError)) throw err;
      this.add(err);
      return undefined;
    }
  }

  /** Records an error, or a warning that rejects nothing. */
  add(err: ThesisLodError, severity: Problem['severity'] = 'error'): void {
    this.items.push(err.toProblem(severity));
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

/** Turns a read record and its problems into the outcome: the record, or a rejection listing why. */
export function finish(record: ThesisRecord, problems: ProblemList): Ingested {
  // Every problem names the file and, once the id is known, the record, wherever it was found.
  const stamp = (p: Problem): Problem => ({
    ...p,
    file: p.file ?? record.source.file,
    recordId: p.recordId ?? (record.id || undefined),
  });
  const all = problems.items.map(stamp);
  if (problems.hasErrors || !record.id) {
    return { ok: false, id: record.id || undefined, source: record.source, errors: all };
  }
  return all.length ? { ok: true, record, warnings: all } : { ok: true, record };
}

/** A rejection of a whole file or fragment, before any record could be read from it. */
export function rejectSource(source: SourceRef, err: ThesisLodError): Ingested {
  const problem = err.toProblem();
  return { ok: false, source, errors: [{ ...problem, file: problem.file ?? source.file, line: problem.line ?? source.line }] };
}
