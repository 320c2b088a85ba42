// The corpus verb's output: byte-identical per seed, counts that match the files, records ingest reads, broken ones it rejects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../pipeline/ingest/index.ts';
import type { ThesisRecord } from '../../../pipeline/types.ts';
import { BROKEN_KINDS } from '../../../pipeline/corpus/broken.ts';
import { checkOptions, type CorpusSummary } from '../../../pipeline/corpus/write-corpus.ts';
import { checksums, filesEnding, makeCorpus, readManifest, tempDir } from './helpers.ts';

// The error code ingest gives each kind of broken record.
const EXPECTED_CODE: Record<string, string> = {
  'cut-off-table': 'TL_ERR_INPUT_TRUNCATED',
  'impossible-date': 'TL_ERR_FIELD_DATE',
  'unknown-language': 'TL_ERR_FIELD_LANGUAGE',
  'duplicate-id': 'TL_ERR_DUPLICATE_ID',
  'invalid-utf8': 'TL_ERR_INPUT_ENCODING',
  'missing-id': 'TL_ERR_FIELD_MISSING',
};

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('corpus: determinism', () => {
  const tmp = tempDir('det');
  afterAll(tmp.remove);

  it('writes byte-identical files for the same records and seed, and other bytes for another seed', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => path.join(tmp.dir, n));
    makeCorpus(a!, { records: 250, seed: 42 });
    makeCorpus(b!, { records: 250, seed: 42 });
    makeCorpus(c!, { records: 250, seed: 43 });
    const first = checksums(a!);
    expect(first.size).toBeGreaterThan(200);
    expect(checksums(b!)).toEqual(first);
    const other = checksums(c!);
    expect(other.get('entities/authority.yaml')).not.toBe(first.get('entities/authority.yaml'));
    const common = [...first.keys()].filter((f) => f.endsWith('.txt') && other.has(f));
    expect(common.length).toBeGreaterThan(100);
    expect(common.filter((f) => other.get(f) === first.get(f))).toEqual([]);
  });
});

describe('corpus: a 600-record collection', () => {
  const tmp = tempDir('600');
  let summary: CorpusSummary;
  const good: ThesisRecord[] = [];
  const rejected: { file: string; codes: string[] }[] = [];

  beforeAll(async () => {
    summary = makeCorpus(tmp.dir, { records: 600, seed: 11 });
    for await (const item of ingest(tmp.dir)) {
      if (item.ok) good.push(item.record);
      else rejected.push({ file: item.source.file, codes: item.errors.map((e) => e.code) });
    }
  });
  afterAll(tmp.remove);

  it('reports counts that match the files on disk', () => {
    const txt = filesEnding(tmp.dir, '.txt');
    const xml = filesEnding(tmp.dir, '.xml');
    const oaiRecords = xml.reduce((n, f) => n + (readFileSync(path.join(tmp.dir, f), 'utf8').match(/<record>/g) ?? []).length, 0);
    expect(summary).toMatchObject({ records: 600, itemPages: txt.length, oaiFiles: xml.length, oaiRecords, broken: 6, entities: 5000 });
    expect(summary.itemPages + summary.oaiRecords).toBe(600);
    expect(summary.files).toBe(txt.length + xml.length + 1);
    // About a tenth as oai_dc, in ListRecords pages of several records each.
    expect(oaiRecords).toBeGreaterThan(30);
    expect(oaiRecords).toBeLessThan(100);
    expect(oaiRecords / xml.length).toBeGreaterThan(1);
    expect(Object.values(summary.brokenByKind)).toEqual(BROKEN_KINDS.map(() => 1));
  });

  it('ingests every record but the broken ones, which are rejected with the error of their kind', () => {
    expect(good.length + rejected.length).toBe(600);
    const manifest = readManifest(tmp.dir).broken;
    expect(manifest.map((b) => b.kind).sort()).toEqual([...BROKEN_KINDS].sort());
    const expected = manifest.map((b) => `${b.file} ${EXPECTED_CODE[b.kind]}`).sort();
    expect(rejected.map((r) => `${r.file} ${r.codes.find((c) => Object.values(EXPECTED_CODE).includes(c))}`).sort()).toEqual(expected);
    // The invalid UTF-8 is a real 0xFF byte in the file, not an escape.
    const utf8 = manifest.find((b) => b.kind === 'invalid-utf8')!;
    expect(readFileSync(path.join(tmp.dir, utf8.file)).includes(0xff)).toBe(true);
  });

  it('gives every record a unique id and title, one to three creators, supervisors and a year from 1919 to 2025', () => {
    expect(new Set(good.map((r) => r.id)).size).toBe(good.length);
    expect(good.every((r) => /^1\.0\d{6}$/.test(r.id))).toBe(true);
    expect(new Set(good.map((r) => r.title!.value)).size).toBe(good.length);
    expect(good.every((r) => r.creators.length >= 1 && r.creators.length <= 3)).toBe(true);
    expect(good.filter((r) => r.creators.length > 1).length).toBeGreaterThan(20);
    expect(good.filter((r) => r.supervisors.length > 0).length / good.length).toBeGreaterThan(0.9);
    const years = good.map((r) => Number(r.dateIssued!.value.value.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1919);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
    // Recent decades hold most theses, as in a real repository; older ones are still there.
    expect(years.filter((y) => y >= 2000).length).toBeGreaterThan(years.filter((y) => y < 1970).length * 2);
    expect(years.filter((y) => y < 1970).length).toBeGreaterThan(0);
  });

  it('writes abstracts of 150 to 300 words, no two alike', () => {
    const abstracts = good.map((r) => r.abstract!.value);
    expect(abstracts.every((a) => words(a) >= 150 && words(a) <= 300)).toBe(true);
    expect(new Set(abstracts).size).toBe(abstracts.length);
    // Not one text with names swapped: the sentences themselves vary.
    const firstSentences = new Set(abstracts.map((a) => a.split('. ')[1]));
    expect(firstSentences.size).toBeGreaterThan(abstracts.length * 0.9);
  });

  it('reads both formats: item pages with their degree and program, oai_dc records with supervisors and affiliations', () => {
    const pages = good.filter((r) => r.format === 'ubc-oc-text');
    const oai = good.filter((r) => r.format === 'oai_dc');
    expect(pages.every((r) => r.degree && r.program && r.affiliations.length > 0 && r.subjects.length > 0 && r.collection)).toBe(true);
    expect(oai.length).toBeGreaterThan(30);
    expect(oai.every((r) => r.affiliations.length > 0 && r.contributors.length === 0 && r.doi)).toBe(true);
    expect(oai.filter((r) => r.supervisors.length > 0).length).toBeGreaterThan(oai.length * 0.8);
  });
});

describe('corpus: options', () => {
  const tmp = tempDir('opts');
  afterAll(tmp.remove);

  it.each([
    [{ records: 0 }, /records must be an integer from 1 to 1000000, got 0/],
    [{ records: 2.5 }, /records must be an integer/],
    [{ records: 10, seed: -1 }, /seed must be an integer from 0/],
    [{ records: 10, brokenRate: 0.9 }, /brokenRate must be a number from 0 to 0.5/],
    [{ records: 10, entities: 10 }, /entities must be an integer from 300/],
    [{ records: 10, oaiShare: Number.NaN }, /oaiShare must be a number/],
  ])('refuses %o with a clear error', (o, message) => {
    expect(() => checkOptions({ seed: 1, out: tmp.dir, ...o })).toThrow(message);
  });

  it('refuses a folder that already holds a corpus unless --force, and then replaces it', () => {
    const dir = path.join(tmp.dir, 'again');
    makeCorpus(dir, { records: 30, seed: 1, brokenRate: 0 });
    expect(() => makeCorpus(dir, { records: 10, seed: 1 })).toThrow(/already exist.*--force/);
    const replaced = makeCorpus(dir, { records: 10, seed: 1, force: true, brokenRate: 0 });
    expect(replaced.records).toBe(10);
    // Nothing of the 30-record corpus is left behind.
    expect(filesEnding(dir, '.txt').length + filesEnding(dir, '.xml').length).toBe(replaced.itemPages + replaced.oaiFiles);
  });
});
