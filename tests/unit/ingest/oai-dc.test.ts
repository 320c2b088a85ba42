// The oai_dc reader: a ListRecords page of several records, deleted records, and untrusted or broken XML.
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../pipeline/ingest/index.ts';
import { isOrganisationName } from '../../../pipeline/ingest/oai-dc-fields.ts';
import { bytesOf, expectRejected, ingestFixture, recordOf, values, type ExpectedProblem } from './helpers.ts';

describe('oai_dc: a ListRecords page (tests/fixtures/records/oai-dc/list-records.xml)', () => {
  const outcomes = ingestFixture('oai-dc/list-records.xml');
  const [first, second, third, deleted] = outcomes;

  it('yields one outcome per record, in document order', () => {
    expect(outcomes.map((o) => (o.ok ? o.record.id : o.id))).toEqual(['1.0435001', '1.0435002', '1.0435003', '1.0435004']);
    expect(outcomes.map((o) => (o.ok ? o.record.source : o.source))).toEqual([8, 43, 59, 73].map((line) => ({ file: 'records/oai-dc/list-records.xml', line })));
  });

  const full = recordOf(first);
  it.each([
    ['format', full.format, 'oai_dc'],
    ['id from the DOI', full.id, '1.0435001'],
    ['title (first dc:title)', full.title, { value: 'Tidewater glaciers and the 1958 Lituya Bay wave', line: 18 }],
    ['alternative titles (the other dc:title)', values(full.alternativeTitles), ['The Lituya Bay megatsunami']],
    ['creators in order', values(full.creators), ['Singh, Priya', 'Morrison, Colin']],
    ['a contributor marked (Supervisor) is a supervisor', full.supervisors, [{ value: 'Clarke, Garry', line: 22 }]],
    ['a department in dc:contributor is an affiliation, not a person', values(full.affiliations), ['Earth, Ocean and Atmospheric Sciences, Department of']],
    ['so no contributor is left', values(full.contributors), []],
    ['subjects', values(full.subjects), ['Glaciers', 'Tsunamis -- Alaska']],
    ['abstract: the longest dc:description', full.abstract?.line, 27],
    ['description: the other dc:description', full.description, { value: 'Thesis (PhD)', line: 26 }],
    ['issued: the dc:date without a time', full.dateIssued, { value: { value: '2024', datatype: 'gYear' }, line: 30 }],
    ['available: the first date-time', full.dateAvailable, { value: { value: '2024-09-01T10:00:00Z', datatype: 'dateTime' }, line: 28 }],
    ['types: DCMI terms', values(full.types), ['Text']],
    ['genres: other dc:type', values(full.genres), ['Thesis/Dissertation']],
    ['doi, bare', full.doi, { value: '10.14288/1.0435001', line: 34 }],
    ['handle in uris', values(full.uris), ['http://hdl.handle.net/2429/90001']],
    ['language en → eng', values(full.languages), ['eng']],
    ['rights statement', full.rights?.value, 'Attribution-NonCommercial-NoDerivatives 4.0 International'],
    ['rights URI', full.rightsUri?.value, 'http://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['publisher', values(full.publishers), ['University of British Columbia']],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('decodes character references, entities and CDATA; takes the id from the item page URI', () => {
    const r = recordOf(second);
    expect(r.title?.value).toBe('Le Québec et l\u2019Ouest : échanges & réseaux, 1880\u20131930');
    expect(r.abstract?.value).toBe('Une histoire des <réseaux> marchands & ferroviaires.');
    expect(r.landingPage).toBe('https://open.library.ubc.ca/collections/ubctheses/24/items/1.0435002');
    expect(r.dateIssued?.value).toEqual({ value: '2023-11', datatype: 'gYearMonth' });
    expect(values(r.languages)).toEqual(['fre']);
  });

  it('falls back on the Open Collections OAI identifier when there is neither DOI nor item URI', () => {
    expect(recordOf(third).id).toBe('1.0435003');
  });

  it('hashes each record on its own bytes', () => {
    const hashes = outcomes.filter((o) => o.ok).map((o) => o.ok && o.record.contentHash);
    expect(new Set(hashes).size).toBe(3);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(String(h)))).toBe(true);
  });

  it('turns a deleted record into a deleted notice (a warning, not an error)', () => {
    expect(deleted).toEqual({
      ok: false, deleted: true, id: '1.0435004', source: { file: 'records/oai-dc/list-records.xml', line: 73 },
      errors: [expect.objectContaining({ code: 'TL_ERR_RECORD_DELETED', severity: 'warning', recordId: '1.0435004', line: 73 })],
    });
  });
});

describe('oai_dc: organisation names in dc:contributor', () => {
  it.each([
    ['Earth, Ocean and Atmospheric Sciences, Department of', true],
    ['Arts, Faculty of', true],
    ['Graduate and Postdoctoral Studies, Faculty of', true],
    ['Community and Regional Planning, School of', true],
    ['School of Population and Public Health', true],
    ['Asian Research, Institute of', true],
    ['Interdisciplinary Studies Program', true],
    ['Vancouver School of Economics', true],
    ['University of British Columbia', true],
    ['Université Laval', true],
    ['Resource Management and Environmental Studies, Institute for', true],
    ['Clarke, Garry', false],
    ['Schoolcraft, Henry', false],
    ['Programmer, Ada', false],
    ['Smith, John, Jr.', false],
    ['Li, Yi', false],
    ['department, Anna', false],
  ])('%s → organisation: %s', (name, expected) => {
    expect(isOrganisationName(name)).toBe(expected);
  });
});

describe('oai_dc: one bad record never stops the others (bad-records.xml)', () => {
  const outcomes = ingestFixture('oai-dc/bad-records.xml');
  it.each<[number, string | ExpectedProblem]>([
    [0, '1.0436001'],
    [1, { code: 'TL_ERR_FIELD_DATE', line: 22, field: 'dc:date', recordId: '1.0436002' }],
    [2, { code: 'TL_ERR_FIELD_LANGUAGE', line: 33, field: 'dc:language', recordId: '1.0436003' }],
    [3, { code: 'TL_ERR_FIELD_MISSING', line: 38, field: 'DOI' }],
    [4, { code: 'TL_ERR_DUPLICATE_ID', line: 47, recordId: '1.0436001', message: /already read from records\/oai-dc\/bad-records\.xml:6/ }],
    [5, '1.0436006'],
  ])('record %i', (index, expected) => {
    if (typeof expected === 'string') expect(recordOf(outcomes[index]).id).toBe(expected);
    else expectRejected(outcomes[index], { ...expected, file: 'records/oai-dc/bad-records.xml' });
  });
});

describe('oai_dc: untrusted and broken XML', () => {
  it.each<[string, ExpectedProblem]>([
    ['oai-dc/bad-xxe.xml', { code: 'TL_ERR_INPUT_UNSAFE_XML', line: 2, message: /DOCTYPE/ }],
    ['oai-dc/bad-entity-bomb.xml', { code: 'TL_ERR_INPUT_UNSAFE_XML', line: 2, message: /DOCTYPE/ }],
    ['oai-dc/bad-malformed.xml', { code: 'TL_ERR_INPUT_SYNTAX', line: 8, message: /titel/ }],
  ])('%s is refused as a whole', (name, expected) => {
    const outcomes = ingestFixture(name);
    expect(outcomes).toHaveLength(1);
    expectRejected(outcomes[0], { ...expected, file: `records/${name}` });
  });

  const LIST = Buffer.from(bytesOf('tests/fixtures/records/oai-dc/list-records.xml'));
  it('rejects only the record holding an invalid UTF-8 byte', () => {
    const at = LIST.indexOf('Soil carbon');
    const bytes = Buffer.concat([LIST.subarray(0, at), Buffer.from([0xc3, 0x28]), LIST.subarray(at)]);
    const outcomes = ingestText(bytes, 'records/bad-byte.xml');
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, false]);
    expectRejected(outcomes[2], { code: 'TL_ERR_INPUT_ENCODING', line: 66, field: 'dc:title', recordId: '1.0435003' });
  });

  it.each<[string, string, ExpectedProblem]>([
    ['another metadata format', LIST.toString().replace(/oai_dc:dc/g, 'etdms:thesis'), { code: 'TL_ERR_FIELD_MISSING', field: 'metadata', line: 8 }],
    ['an OAI-PMH error', '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n<error code="badArgument">bad</error></OAI-PMH>', { code: 'TL_ERR_INPUT_SYNTAX', line: 2, message: /badArgument/ }],
    ['not OAI-PMH at all', '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x"/>', { code: 'TL_ERR_INPUT_SYNTAX', message: /OAI-PMH/ }],
    ['a declared non-UTF-8 encoding', '<?xml version="1.0" encoding="ISO-8859-1"?>\n<OAI-PMH/>', { code: 'TL_ERR_INPUT_ENCODING', line: 1 }],
  ])('%s', (_name, text, expected) => {
    expectRejected(ingestText(text, 'records/page.xml')[0], { ...expected, file: 'records/page.xml' });
  });

  it('rejects only the record with a 10 MB abstract', () => {
    const text = LIST.toString().replace('Soil carbon under Douglas-fir</dc:title>', `Soil carbon under Douglas-fir</dc:title>\n<dc:description>${'x'.repeat(10 * 1024 * 1024)}</dc:description>`);
    const outcomes = ingestText(text, 'records/huge.xml');
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, false]);
    expectRejected(outcomes[2], { code: 'TL_ERR_INPUT_TOO_LARGE', line: 67, field: 'dc:description', recordId: '1.0435003' });
  });

  it('unwraps pretty-printed values and keeps the paragraphs of a description', () => {
    const text = LIST.toString()
      .replace('<dc:title>Soil carbon under Douglas-fir</dc:title>', '<dc:title>Soil  carbon\n            under Douglas-fir</dc:title>')
      .replace('<dc:creator>Chen, Wei</dc:creator>', '<dc:description>\n  First paragraph.\n\n  Second  paragraph.\n</dc:description>');
    const r = recordOf(ingestText(text, 'records/wrapped.xml')[2]);
    expect(r.title?.value).toBe('Soil  carbon under Douglas-fir');
    expect(r.abstract?.value).toBe('First paragraph.\nSecond  paragraph.');
  });

  it('yields nothing for an empty harvest page (noRecordsMatch)', () => {
    expect(ingestText('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="noRecordsMatch"/></OAI-PMH>', 'records/empty.xml')).toEqual([]);
  });
});
