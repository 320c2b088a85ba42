// The ETD-MS reader: degree name, level, discipline and grantor arrive as the Open Collections fields do, and map to the same triples.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText, pickReader } from '../../../pipeline/ingest/index.ts';
import { scholarlyLevel } from '../../../pipeline/ingest/etdms-fields.ts';
import { map } from '../../../pipeline/map.ts';
import { expectTriples, iris, lit, n, testAuthority } from '../map/helpers.ts';
import { bytesOf, expectRejected, recordOf, ROOT, values } from './helpers.ts';

const FIXTURE = 'tests/fixtures/harvest/etdms-list-records.xml';
const outcomes = ingestText(bytesOf(FIXTURE), 'records/etdms.xml');
const [full, master, deleted] = outcomes;

describe('ETD-MS: a ListRecords page (tests/fixtures/harvest/etdms-list-records.xml)', () => {
  it('is picked over oai_dc by its namespace, and yields one outcome per record', () => {
    expect(pickReader('records/etdms.xml', bytesOf(FIXTURE))?.format).toBe('etdms');
    expect(pickReader('records/x.xml', bytesOf('tests/fixtures/records/oai-dc/list-records.xml'))?.format).toBe('oai_dc');
    expect(outcomes.map((o) => (o.ok ? o.record.id : o.id))).toEqual(['1.0435101', '1.0435102', '1.0435104']);
  });

  const r = recordOf(full);
  it.each([
    ['format', r.format, 'etdms'],
    ['title and alternative title', [r.title?.value, ...values(r.alternativeTitles)], ['Cold War factories: Soviet engineers in Changchun, 1953–1960', 'Soviet engineers in Changchun']],
    ['creator', values(r.creators), ['Zhang, Wen']],
    ['an advisor is a supervisor, a committee member a contributor', [values(r.supervisors), values(r.contributors)], [['Brook, Timothy'], ['Kuo, Margaret']]],
    ['subjects', values(r.subjects), ['Automobile industry and trade -- China', 'Technical assistance, Soviet']],
    ['abstract: the description without a role', r.abstract?.value, 'This thesis follows the Soviet engineers who helped build the First Automobile Works and what they left behind.'],
    ['description: the note', r.description?.value, 'Includes bibliographical references.'],
    ['date issued at its precision', r.dateIssued?.value, { value: '2024-05', datatype: 'gYearMonth' }],
    ['genre and DCMI type', [values(r.genres), values(r.types)], [['Electronic Thesis or Dissertation'], ['Text']]],
    ['DOI and handle', [r.doi?.value, values(r.uris)], ['10.14288/1.0435101', ['http://hdl.handle.net/2429/90101']]],
    ['language', values(r.languages), ['eng']],
    ['rights and rights URI', [r.rights?.value, r.rightsUri?.value], ['Attribution-NonCommercial-NoDerivatives 4.0 International', 'http://creativecommons.org/licenses/by-nc-nd/4.0/']],
    ['degree name (as "Degree (Theses)")', r.degree?.value, 'Doctor of Philosophy - PhD'],
    ['discipline (as "Program (Theses)")', r.program?.value, 'History'],
    ['grantor (as "Degree Grantor")', r.degreeGrantor?.value, 'University of British Columbia'],
    ['level (as "Scholarly Level")', r.scholarLevel?.value, 'Graduate'],
  ])('%s', (_what, actual, expected) => { expect(actual).toEqual(expected); });

  it('reads ETD-MS 1.0\'s numeric levels and the words, as Open Collections writes the level', () => {
    expect(recordOf(master).scholarLevel?.value).toBe('Graduate');
    expect(['0', 'bachelors', '1', 'masters', '2', 'doctoral', 'postdoctoral', 'other'].map(scholarlyLevel)).toEqual(['Undergraduate', 'Undergraduate', 'Graduate', 'Graduate', 'Graduate', 'Graduate', 'Graduate', undefined]);
  });

  it('marks a deleted record deleted, so the build withdraws it', () => {
    expect(deleted).toMatchObject({ ok: false, deleted: true, id: '1.0435104' });
  });

  it('maps the degree to what the Open Collections format gives: the authority degree, program, level and grantor', () => {
    const quads = map(r, iris, testAuthority());
    const thesis = n('@id/thesis/1.0435101');
    expectTriples(quads, [
      [thesis, n('bibo:degree'), n('@id/degree/doctor-of-philosophy-phd')],
      [thesis, n('schema:inSupportOf'), lit('Doctor of Philosophy - PhD')],
      [thesis, n('tl:program'), lit('History')],
      [thesis, n('tl:scholarlyLevel'), lit('Graduate')],
      [thesis, n('tl:degreeGrantor'), n('@id/organization/ubc')],
    ]);
  });

  it('rejects a record with two dates, naming the field and line; an unknown level is a warning', () => {
    const [bad] = ingestText(bytesOf('tests/fixtures/harvest/etdms-bad.xml'), 'records/bad.xml');
    const problems = expectRejected(bad, { code: 'TL_ERR_FIELD_VALUE', field: 'date', recordId: '1.0435103', message: /expects one value, found 2/ });
    expect(problems.some((p) => p.severity === 'warning' && p.field === 'degree/level' && /sophomore/.test(p.message))).toBe(true);
  });
});

const SCHEMA = path.join(ROOT, '../shared/standards/oai-pmh/validate-response-all.xsd');
const xmllint = (() => { try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
describe.skipIf(!existsSync(SCHEMA) || !xmllint)('the fixture is valid ETD-MS 1.0 in OAI-PMH (skipped: ../shared/standards/oai-pmh or xmllint absent)', () => {
  it('validates against the OAI-PMH and ETD-MS schemas', () => {
    const env = { ...process.env, XML_CATALOG_FILES: path.join(ROOT, '../shared/standards/oai-pmh/catalog.xml') };
    const out = execFileSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMA, path.join(ROOT, FIXTURE)], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
