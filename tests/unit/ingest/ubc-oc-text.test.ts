// The Open Collections item-page reader on the seed record and on the fixture with every field filled.
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../pipeline/ingest/index.ts';
import { bytesOf, ingestFixture, recordOf, SEED_FILE, values } from './helpers.ts';

const SEED = bytesOf(`data/${SEED_FILE}`);
const seed = recordOf(ingestText(SEED, SEED_FILE)[0]);
const TITLE = 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China\u2019s First Automobile Work)';
const UBC = 'University of British Columbia';

describe('ubc-oc-text: the seed record', () => {
  it.each([
    ['id', seed.id, '1.0449833'],
    ['format', seed.format, 'ubc-oc-text'],
    ['source', seed.source, { file: SEED_FILE, line: 1 }],
    ['contentHash (sha256 of the file)', seed.contentHash, '40f139994225f0fcb9c85e5c1d5b3846f32c6b11c9b741353250ba6af7f80fb5'],
    ['title', seed.title, { value: TITLE, line: 15 }],
    ['creators (from the header line)', seed.creators, [{ value: 'Li, Yi', line: 10 }]],
    ['supervisors (empty field)', seed.supervisors, []],
    ['publishers', seed.publishers, [{ value: UBC, line: 20 }]],
    ['dateIssued', seed.dateIssued, { value: { value: '2025', datatype: 'gYear' }, line: 23 }],
    ['dateAvailable', seed.dateAvailable, { value: { value: '2025-08-22', datatype: 'date' }, line: 36 }],
    ['graduationDate', seed.graduationDate, { value: { value: '2025-11', datatype: 'gYearMonth' }, line: 55 }],
    ['languages', seed.languages, [{ value: 'eng', line: 33 }]],
    ['provider', seed.provider, { value: 'Vancouver : University of British Columbia Library', line: 39 }],
    ['rights', seed.rights, { value: 'Attribution-NonCommercial-NoDerivatives 4.0 International', line: 42 }],
    ['doi', seed.doi, { value: '10.14288/1.0449833', line: 45 }],
    ['degreeGrantor', seed.degreeGrantor, { value: UBC, line: 52 }],
    ['scholarLevel', seed.scholarLevel, { value: 'Graduate', line: 59 }],
    ['aggregatedSource', seed.aggregatedSource, { value: 'DSpace', line: 63 }],
    ['collection (from the breadcrumb)', seed.collection, { value: 'UBC Theses and Dissertations', line: 5 }],
    ['empty fields stay empty', [seed.genres, seed.types, seed.uris, seed.affiliations, seed.subjects, seed.alternativeTitles], [[], [], [], [], [], []]],
    ['empty single fields are absent', [seed.degree, seed.program, seed.campus, seed.rightsUri], [undefined, undefined, undefined, undefined]],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('keeps the title byte for byte, typographic apostrophe included', () => {
    const bytes = Buffer.from(seed.title!.value, 'utf8');
    expect(bytes.includes(Buffer.from([0xe2, 0x80, 0x99]))).toBe(true);
    expect(seed.title!.value).not.toContain("'");
    expect(Buffer.from(SEED).includes(bytes)).toBe(true);
  });

  it('reads the abstract as one paragraph, apostrophes kept', () => {
    const abstract = seed.abstract!;
    expect(abstract.line).toBe(12);
    expect(abstract.value).toHaveLength(1510);
    expect(abstract.value.startsWith('This thesis examines the human aspect of Cold War history')).toBe(true);
    expect(abstract.value.endsWith('the individuals who built them together.')).toBe(true);
    expect(abstract.value.match(/\u2019/g)).toHaveLength(5);
    expect(abstract.value).not.toContain('\n');
  });

  it('keeps the three paragraphs of Description, joined by "\\n"', () => {
    const paragraphs = seed.description!.value.split('\n');
    expect(seed.description!.line).toBe(26);
    expect(paragraphs.map((p) => p.length)).toEqual([493, 585, 430]);
    expect(paragraphs[1]!.startsWith('While political tensions')).toBe(true);
    expect(paragraphs.join(' ')).toBe(seed.abstract!.value);
  });

  it('yields no warnings for the seed', () => {
    const outcome = ingestText(SEED, SEED_FILE)[0]!;
    expect(outcome.ok && outcome.warnings).toBeFalsy();
  });
});

describe('ubc-oc-text: every field filled (tests/fixtures/records/ubc-oc-text/full.txt)', () => {
  const full = recordOf(ingestFixture('ubc-oc-text/full.txt')[0]);
  it.each([
    ['id from the DOI', full.id, '1.0412345'],
    ['title', values(full.title ? [full.title] : []), ['Salmon, sediment and the Fraser : rivers as archives of Coast Salish fisheries']],
    ['alternative titles', values(full.alternativeTitles), ['Rivers as archives', 'Sediment histories of the Fraser']],
    ['creators, in order, from the table', full.creators, [{ value: 'Tremblay, Marie-Ève', line: 23 }, { value: 'O\u2019Neil, Seán', line: 24 }]],
    ['supervisors', values(full.supervisors), ['Nakamura, Hiroshi', 'Okafor, Adaeze']],
    ['dateIssued', full.dateIssued?.value, { value: '2024', datatype: 'gYear' }],
    ['dateAvailable', full.dateAvailable?.value, { value: '2024-04-30', datatype: 'date' }],
    ['graduationDate', full.graduationDate?.value, { value: '2024-05', datatype: 'gYearMonth' }],
    ['description paragraphs', full.description?.value.split('\n').length, 2],
    ['genres', values(full.genres), ['Thesis/Dissertation']],
    ['types', values(full.types), ['Text']],
    ['languages', values(full.languages), ['eng', 'fre']],
    ['rights', full.rights?.value, 'Attribution 4.0 International'],
    ['doi', full.doi?.value, '10.14288/1.0412345'],
    ['handle URI', full.uris, [{ value: 'http://hdl.handle.net/2429/87654', line: 63 }]],
    ['degree', full.degree?.value, 'Doctor of Philosophy - PhD'],
    ['program', full.program?.value, 'History'],
    ['affiliations', values(full.affiliations), ['Arts, Faculty of', 'History, Department of']],
    ['degreeGrantor', full.degreeGrantor?.value, 'University of British Columbia'],
    ['campus', full.campus?.value, 'UBCV'],
    ['scholarLevel', full.scholarLevel?.value, 'Graduate'],
    ['rightsUri', full.rightsUri?.value, 'http://creativecommons.org/licenses/by/4.0/'],
    ['aggregatedSource', full.aggregatedSource?.value, 'DSpace'],
    ['subjects', values(full.subjects), ['Fraser River (B.C.)', 'Salmon fisheries -- British Columbia', 'Coast Salish Indians -- Fishing']],
    ['collection', full.collection?.value, 'UBC Theses and Dissertations'],
    ['abstract paragraphs', full.abstract?.value.split('\n').length, 2],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('ubc-oc-text: recovering what the table lost', () => {
  const fullText = Buffer.from(bytesOf('tests/fixtures/records/ubc-oc-text/full.txt')).toString('utf8');
  const read = (text: string) => ingestText(text, 'records/variant.txt')[0];

  it('splits several creators joined by "; " on the header line when Creator is empty', () => {
    const text = fullText.replace('Creator |\nTremblay, Marie-Ève\nO’Neil, Seán\n|', 'Creator | |');
    expect(text).not.toBe(fullText);
    expect(recordOf(read(text)).creators).toEqual([{ value: 'Tremblay, Marie-Ève', line: 10 }, { value: 'O\u2019Neil, Seán', line: 10 }]);
  });

  it('recovers the title from the header line when Title is empty but creators are known', () => {
    const text = fullText.replace(/Title \|\nSalmon[^\n]*\n\|/, 'Title | |');
    expect(recordOf(read(text)).title).toEqual({ value: 'Salmon, sediment and the Fraser : rivers as archives of Coast Salish fisheries', line: 10 });
  });

  it('takes the collection from the header block when the breadcrumb lacks it', () => {
    const text = fullText.replace('- UBC Theses and Dissertations /\n', '');
    expect(recordOf(read(text)).collection).toEqual({ value: 'UBC Theses and Dissertations', line: 7 });
  });

  it('warns about an unknown label and still reads the record', () => {
    const text = fullText.replace('Campus |', 'Shelf Mark |\nQA 76\n|\nCampus |');
    const outcome = read(text)!;
    expect(recordOf(outcome).campus?.value).toBe('UBCV');
    expect(outcome.ok && outcome.warnings).toEqual([
      expect.objectContaining({ code: 'TL_ERR_FIELD_UNKNOWN', severity: 'warning', field: 'Shelf Mark', line: 81, recordId: '1.0412345', file: 'records/variant.txt' }),
    ]);
  });

  it('uses the rights statement after the table when the Rights field is empty', () => {
    const text = fullText.replace('Rights |\nAttribution 4.0 International\n|', 'Rights | |');
    expect(recordOf(read(text)).rights).toEqual({ value: 'Attribution 4.0 International', line: 99 });
  });

  it('reads CRLF line endings like LF', () => {
    expect(recordOf(read(fullText.replace(/\n/g, '\r\n')))).toEqual({ ...recordOf(read(fullText)), contentHash: expect.any(String) });
  });
});
