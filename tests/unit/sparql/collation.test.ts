// SPARQL orders and compares strings by code point: ORDER BY, MIN and = through the engine, and the comparison itself.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuadStore } from '../../../src/store/quad-store.ts';
import { storeFromNQuads } from '../../../src/store/store-file.ts';
import { QueryRunner } from '../../../src/server/sparql/execute.ts';
import { compareCodePoints } from '../../../src/server/sparql/collation.ts';

const TITLES = ['embedded', 'Francophone', 'éclat', 'zebra', '😀 smile', '\uFFFD end', 'e\u0301clat'];

describe('compareCodePoints', () => {
  it.each([
    ['A', 'a', -1], ['a', 'A', 1], ['a', 'a', 0], ['ab', 'a', 1], ['', 'a', -1],
    // U+FFFD is below U+1F600 by code point, above its surrogates by UTF-16 unit.
    ['\uFFFD', '😀', -1], ['😀', '\uFFFD', 1], ['é', 'e\u0301', 1],
  ])('%j vs %j → %i', (a, b, expected) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(expected);
  });
});

describe('the engine compares strings by code point', () => {
  let dir: string;
  let runner: QueryRunner;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tl-collation-'));
    const file = path.join(dir, 'd.nq');
    await writeFile(file, TITLES.map((t, i) => `<http://ex.org/s${i}> <http://ex.org/t> "${t}" <http://ex.org/g> .\n`).join(''));
    runner = new QueryRunner(new QuadStore(await storeFromNQuads(file)), 'http://localhost:8080/');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const select = async (query: string, variable: string) => {
    const answer = await runner.run({ query, defaultGraphs: [], namedGraphs: [], wish: { format: 'json' } }, { maxRows: 100, maxBytes: 1 << 20 });
    return (JSON.parse(Buffer.from(answer.body).toString()) as { results: { bindings: Record<string, { value: string }>[] } }).results.bindings.map((b) => b[variable]?.value);
  };

  it('ORDER BY', async () => {
    expect(await select('SELECT ?t WHERE { ?s <http://ex.org/t> ?t } ORDER BY ?t', 't')).toEqual([...TITLES].sort(compareCodePoints));
    expect((await select('SELECT ?t WHERE { ?s <http://ex.org/t> ?t } ORDER BY ?t', 't'))[0]).toBe('Francophone');
  });

  it('MIN and MAX', async () => {
    expect(await select('SELECT (MIN(?t) AS ?m) WHERE { ?s <http://ex.org/t> ?t }', 'm')).toEqual(['Francophone']);
    expect(await select('SELECT (MAX(?t) AS ?m) WHERE { ?s <http://ex.org/t> ?t }', 'm')).toEqual(['😀 smile']);
  });

  it('= tells a precomposed é from e + combining accent', async () => {
    expect(await select('SELECT ?s WHERE { ?s <http://ex.org/t> ?t FILTER(?t = "éclat") }', 's')).toEqual(['http://ex.org/s2']);
  });
});
