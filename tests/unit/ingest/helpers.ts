// Table-style helpers for the ingest tests: read fixtures, ingest them, and check outcomes field by field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Problem } from '../../../src/core/errors.ts';
import type { Ingested, Located, ThesisRecord } from '../../../pipeline/types.ts';
import { ingestText } from '../../../pipeline/ingest/index.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SEED_FILE = 'records/000_c3e6baa23fe2ff11.txt';

/** Bytes of a file under the repository root. */
export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${ROOT}${path}`));
}

/** Ingests a fixture under tests/fixtures/records/ as if it stood at `records/<name>`. */
export function ingestFixture(name: string, bytes: Uint8Array = bytesOf(`tests/fixtures/records/${name}`)): Ingested[] {
  return ingestText(bytes, `records/${name}`);
}

/** The record of an outcome that must be ok (fails with its problems otherwise). */
export function recordOf(outcome: Ingested | undefined): ThesisRecord {
  expect(outcome, 'an outcome').toBeDefined();
  if (!outcome!.ok) expect.fail(`expected a record, got a rejection: ${JSON.stringify(outcome!.errors)}`);
  return outcome!.record;
}

/** The values of located values, without their lines. */
export const values = <T>(list: Located<T>[]): T[] => list.map((v) => v.value);

/** Expected problem: a code and every location fact that must hold. */
export type ExpectedProblem = Partial<Pick<Problem, 'code' | 'line' | 'field' | 'recordId' | 'file' | 'severity'>> & { message?: RegExp };

/** Checks that an outcome is a rejection whose first problem matches `expected`; returns the problems. */
export function expectRejected(outcome: Ingested | undefined, expected: ExpectedProblem): Problem[] {
  expect(outcome, 'an outcome').toBeDefined();
  if (outcome!.ok) expect.fail(`expected a rejection, got record ${outcome!.record.id}`);
  const errors = outcome!.errors;
  const problem = errors.find((p) => p.code === expected.code) ?? errors[0];
  const { message, ...where } = expected;
  expect(problem, JSON.stringify(errors)).toMatchObject({ severity: 'error', ...where });
  if (message) expect(problem!.message).toMatch(message);
  return errors;
}
