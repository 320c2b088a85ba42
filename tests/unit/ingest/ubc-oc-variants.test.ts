// Open Collections pages as other templates, collections and harvests write them: the table found by its structure.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../pipeline/ingest/index.ts';
import { canonicalLabel } from '../../../pipeline/ingest/ubc-oc-fields.ts';
import { runBuild } from '../../../pipeline/run.ts';
import type { ThesisRecord } from '../../../pipeline/types.ts';
import { loadConfig } from '../../../src/core/config.ts';
import { makeDataDir } from '../run/data-dir.ts';
import { bytesOf, expectRejected, ingestFixture, recordOf, SEED_FILE, values } from './helpers.ts';

const seed = recordOf(ingestText(bytesOf(`data/${SEED_FILE}`), SEED_FILE)[0]);
const TITLE = seed.title!.value;
const variant = (name: string) => ingestFixture(`ubc-oc-text/variants/${name}`)[0];
// What a variant must read the same as the seed, lines aside.
const facts = (r: ThesisRecord) => ({
  id: r.id, title: r.title?.value, creators: values(r.creators), publishers: values(r.publishers), issued: r.dateIssued?.value,
  available: r.dateAvailable?.value, graduation: r.graduationDate?.value, languages: values(r.languages), provider: r.provider?.value,
  rights: r.rights?.value, doi: r.doi?.value, grantor: r.degreeGrantor?.value, level: r.scholarLevel?.value,
  source: r.aggregatedSource?.value, description: r.description?.value, collection: r.collection?.value,
});

describe('ubc-oc-text variants (tests/fixtures/records/ubc-oc-text/variants/)', () => {
  it('labels without "(Theses)", and Co-supervisor: read as Degree (Theses), Program (Theses), Supervisor', () => {
    const outcome = variant('no-theses-suffix.txt');
    const r = recordOf(outcome);
    expect([r.degree?.value, r.program?.value, values(r.supervisors)]).toEqual(['Doctor of Philosophy - PhD', 'History', ['Nakamura, Hiroshi']]);
    expect(outcome!.ok && outcome!.warnings).toBeFalsy();
  });

  it('no Abstract section, no "Item Metadata" heading, nothing after the table: published, the rest as the seed', () => {
    const outcome = variant('missing-sections.txt');
    const r = recordOf(outcome);
    expect(facts(r)).toEqual(facts(seed));
    expect(r.abstract).toBeUndefined();
    expect(outcome!.ok && outcome!.warnings).toBeFalsy();
  });

  it('only the table (no breadcrumb, no header): creator and collection from their fields', () => {
    const r = recordOf(variant('table-only.txt'));
    expect(facts(r)).toEqual(facts(seed));
  });

  it('fields in another order: the same record', () => {
    const r = recordOf(variant('reordered.txt'));
    expect(facts(r)).toEqual(facts(seed));
    expect(r.abstract?.value).toBe(seed.abstract?.value);
  });

  it('an unknown label: a coded warning that keeps its value; the record publishes', () => {
    const outcome = variant('unknown-label.txt');
    const r = recordOf(outcome);
    expect(r.id).toBe('1.0449833');
    expect(outcome!.ok && outcome!.warnings).toEqual([expect.objectContaining({
      code: 'TL_ERR_FIELD_UNKNOWN', severity: 'warning', field: 'Funding Agency', line: 58, recordId: '1.0449833',
      file: 'records/ubc-oc-text/variants/unknown-label.txt',
      value: 'Social Sciences and Humanities Research Council of Canada\nUBC Public Scholars Initiative',
    })]);
  });

  it('really cut off (the text stops inside a label line): rejected, naming the last whole field', () => {
    expectRejected(variant('truncated-in-label.txt'), { code: 'TL_ERR_INPUT_TRUNCATED', line: 62, field: 'Rights URI', recordId: '1.0449833', message: /Aggregated Sou/ });
  });

  it('a sentence ending in " |" before the table is not taken for a field', () => {
    const text = Buffer.from(bytesOf(`data/${SEED_FILE}`)).toString('utf8').replace('Item Metadata\n', 'The argument, put simply, is that trust outlived the split |\nItem Metadata\n');
    expect(facts(recordOf(ingestText(text, 'records/x.txt')[0]))).toEqual(facts(seed));
  });

  it.each([
    ['Degree', 'Degree (Theses)'], ['degree (theses)', 'Degree (Theses)'], ['Program', 'Program (Theses)'], ['Co-supervisor', 'Supervisor'],
    ['Alternative Title', 'Alternate Title'], ['Issue Date', 'Date Issued'], ['Keywords', 'Subject'], ['Is Shown At', 'Is Shown At'],
    ['Notes', 'unused'], ['Extent', 'unused'], ['Peer Review Status', 'unused'], ['Date Created', 'unused'], ['Funding Agency', undefined],
  ])('label %s → %s', (label, canonical) => {
    expect(canonicalLabel(label)).toBe(canonical);
  });

  it('keeps the unknown field and its value in build-report.json', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'variants-'));
    try {
      const text = Buffer.from(bytesOf('tests/fixtures/records/ubc-oc-text/variants/unknown-label.txt')).toString('utf8');
      await makeDataDir(path.join(root, 'data'), { 'a.txt': text });
      await runBuild(loadConfig({ dataDir: path.join(root, 'data'), distDir: path.join(root, 'dist'), stateDir: path.join(root, 'state') }, {}), { progress: false, workers: 0 });
      const report = JSON.parse(await readFile(path.join(root, 'dist', 'build-report.json'), 'utf8'));
      expect(report.records[0]).toMatchObject({ id: '1.0449833', status: 'published' });
      expect(report.records[0].warnings).toContainEqual(expect.objectContaining({ code: 'TL_ERR_FIELD_UNKNOWN', field: 'Funding Agency', value: expect.stringContaining('Public Scholars') }));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

it('title kept (sanity: the fixtures derive from the seed)', () => expect(TITLE).toMatch(/^Beyond the split/));
