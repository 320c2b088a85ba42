// Every kind of broken record is rejected with its code, file, line, field and (when readable) record id.
import { describe, expect, it } from 'vitest';
import { ingestText, MAX_VALUE_BYTES } from '../../../pipeline/ingest/index.ts';
import { bytesOf, expectRejected, ingestFixture, recordOf, SEED_FILE, type ExpectedProblem } from './helpers.ts';

const SEED_TEXT = Buffer.from(bytesOf(`data/${SEED_FILE}`)).toString('utf8');

describe('bad input: UBC item-page fixtures', () => {
  it.each<[string, ExpectedProblem]>([
    ['ubc-oc-text/bad-truncated.txt', { code: 'TL_ERR_INPUT_TRUNCATED', line: 51, field: 'Degree Grantor', recordId: '1.0449833', message: /never closed/ }],
    ['ubc-oc-text/bad-date.txt', { code: 'TL_ERR_FIELD_DATE', line: 23, field: 'Date Issued', recordId: '1.0449833', message: /20019-13/ }],
    ['ubc-oc-text/bad-language.txt', { code: 'TL_ERR_FIELD_LANGUAGE', line: 33, field: 'Language', recordId: '1.0449833', message: /xxq/ }],
    ['ubc-oc-text/bad-utf8.txt', { code: 'TL_ERR_INPUT_ENCODING', line: 27, field: 'Description', recordId: '1.0449833', message: /line 27/ }],
  ])('%s', (name, expected) => {
    const outcomes = ingestFixture(name);
    expect(outcomes).toHaveLength(1);
    const errors = expectRejected(outcomes[0], { ...expected, file: `records/${name}` });
    expect(outcomes[0]!.ok === false && outcomes[0]!.id).toBe('1.0449833');
    expect(errors.every((p) => p.file === `records/${name}`)).toBe(true);
  });

  it.each<[string, string, ExpectedProblem]>([
    ['a date with a day that does not exist', SEED_TEXT.replace('2025-08-22', '2025-02-30'), { code: 'TL_ERR_FIELD_DATE', line: 36, field: 'Date Available' }],
    ['a month 13', SEED_TEXT.replace('\n2025-11\n', '\n2025-13\n'), { code: 'TL_ERR_FIELD_DATE', line: 55, field: 'Graduation Date' }],
    ['no DOI nor item URI: no id', SEED_TEXT.replace('DOI |\n10.14288/1.0449833\n|', 'DOI | |'), { code: 'TL_ERR_FIELD_MISSING', field: 'DOI' }],
    ['a malformed DOI', SEED_TEXT.replace('10.14288/1.0449833', 'doi-less'), { code: 'TL_ERR_FIELD_VALUE', line: 45, field: 'DOI' }],
    ['a URI that is no URI', SEED_TEXT.replace('URI | |', 'URI |\nnot a uri\n|'), { code: 'TL_ERR_FIELD_VALUE', line: 48, field: 'URI', recordId: '1.0449833' }],
    ['two titles in one field', SEED_TEXT.replace('Title |\n', 'Title |\nAnother title\n'), { code: 'TL_ERR_FIELD_VALUE', line: 14, field: 'Title' }],
    ['a field given twice', SEED_TEXT.replace('Campus | |', 'Date Issued |\n2026\n|'), { code: 'TL_ERR_FIELD_VALUE', line: 57, field: 'Date Issued' }],
    ['a stray line between fields', SEED_TEXT.replace('Campus | |', 'Campus | |\nstray text'), { code: 'TL_ERR_INPUT_SYNTAX', line: 58, recordId: '1.0449833' }],
    ['the page cut before the table', SEED_TEXT.slice(0, SEED_TEXT.indexOf('Item Metadata')), { code: 'TL_ERR_INPUT_TRUNCATED', line: 12 }],
    // A table cut between two fields reads as a template with no section after it (tests/unit/ingest/ubc-oc-variants.test.ts);
    // cut inside a label line, it is cut off.
    ['the table cut inside a label line', SEED_TEXT.slice(0, SEED_TEXT.indexOf('Item Media') + 'Item Me'.length), { code: 'TL_ERR_INPUT_TRUNCATED', field: 'Aggregated Source Repository' }],
  ])('%s', (_name, text, expected) => {
    expectRejected(ingestText(text, 'records/variant.txt')[0], { ...expected, file: 'records/variant.txt' });
  });

  it('rejects a 10 MB abstract with ERR_INPUT_TOO_LARGE (and accepts one just under the limit)', () => {
    const abstract = SEED_TEXT.split('\n')[11]!;
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const errors = expectRejected(ingestText(SEED_TEXT.replace(abstract, huge), 'records/huge.txt')[0], {
      code: 'TL_ERR_INPUT_TOO_LARGE', line: 12, field: 'Abstract', recordId: '1.0449833', file: 'records/huge.txt',
    });
    expect(errors[0]!.message).toContain(String(MAX_VALUE_BYTES));
    expect(recordOf(ingestText(SEED_TEXT.replace(abstract, 'y'.repeat(MAX_VALUE_BYTES)), 'records/big.txt')[0]).abstract!.value).toHaveLength(MAX_VALUE_BYTES);
  });

  it('reports every bad field of a record, not only the first', () => {
    const text = SEED_TEXT.replace('\n2025\n', '\n20019-13\n').replace('\neng\n', '\nxxq\n');
    const outcome = ingestText(text, 'records/two.txt')[0]!;
    expect(outcome.ok === false && outcome.errors.map((p) => [p.code, p.field, p.line])).toEqual([
      ['TL_ERR_FIELD_DATE', 'Date Issued', 23], ['TL_ERR_FIELD_LANGUAGE', 'Language', 33],
    ]);
  });

  it('rejects a file no reader recognises', () => {
    expectRejected(ingestText('just some notes', 'records/notes.md')[0], { code: 'TL_ERR_UNKNOWN_FORMAT', file: 'records/notes.md' });
  });
});
