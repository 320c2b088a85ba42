// `thesis-lod query` over dist-mini: a query file or -e text, run in-process with the endpoint's engine and formats.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST_MINI } from '../helpers/app.ts';
import { parseResults } from '../w3c/results.ts';
import { parse } from '../helpers/rdf.ts';

const run = (...args: string[]) => promisify(execFile)('node', ['bin/thesis-lod.js', 'query', '--dist-dir', DIST_MINI, ...args], { env: { ...process.env, DIST_DIR: '' } });
const SEED = 'http://localhost:8080/id/thesis/1.0449833';

describe('thesis-lod query', () => {
  it('runs -e text and prints JSON results', async () => {
    const { stdout, stderr } = await run('-e', `SELECT ?type WHERE { <${SEED}> a ?type }`, '--format', 'json');
    expect((parseResults('application/sparql-results+json', stdout) as { rows: unknown[] }).rows).toHaveLength(2);
    expect(stderr).toMatch(/2 rows/);
  });

  it('runs a .rq file and prints TSV by default', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'tl-query-')), 'q.rq');
    await writeFile(file, `ASK { <${SEED}> a ?t }`);
    expect((await run(file)).stdout.trim()).toBe('?_askResult\ntrue');
    await writeFile(file, `SELECT ?t WHERE { <${SEED}> a ?t } ORDER BY ?t`);
    expect((await run(file)).stdout.split('\n')[0]).toBe('?t');
  });

  it('prints a graph as Turtle', async () => {
    const { stdout } = await run('-e', `DESCRIBE <${SEED}>`);
    expect((await parse(stdout, 'ttl', 'http://localhost:8080/')).length).toBeGreaterThan(10);
  });

  it('fails with the parser message and exit code 1 on a syntax error', async () => {
    await expect(run('-e', 'SELECT * WHERE {')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/TL_ERR_QUERY_SYNTAX.*Parse error/s) });
  });
});
