// Value checks shared by the readers: dates at their precision, language codes, DOIs, URIs and the item-id rule.
import { describe, expect, it } from 'vitest';
import { ThesisLodError } from '../../../src/core/errors.ts';
import { chooseItemId, itemIdFromDoi, itemIdFromOaiIdentifier, itemIdFromUri } from '../../../pipeline/ingest/item-id.ts';
import { normaliseLanguage } from '../../../pipeline/ingest/languages.ts';
import { decodeUtf8, LineIndex } from '../../../pipeline/ingest/source-text.ts';
import { checkHttpUri, normaliseDoi, parseDate } from '../../../pipeline/ingest/values.ts';

const WHERE = { field: 'F', line: 7 };

/** The catalogue code a check throws, with the where it was given. */
function codeOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ThesisLodError);
    expect((err as ThesisLodError).where).toMatchObject(WHERE);
    return (err as ThesisLodError).code;
  }
}

describe('parseDate', () => {
  it.each([
    ['2025', 'gYear'], ['2025-11', 'gYearMonth'], ['2025-08-22', 'date'], ['2024-02-29', 'date'], ['2000-02-29', 'date'],
    ['2024-09-01T10:00:00Z', 'dateTime'], ['2024-09-01T10:00:00.5-08:00', 'dateTime'], [' 2025 ', 'gYear'],
  ])('%s is a %s', (text, datatype) => {
    expect(parseDate(text, WHERE)).toEqual({ value: text.trim(), datatype });
  });

  it.each(['20019-13', '2025-13', '2025-00', '2025-02-30', '2023-02-29', '1900-02-29', '2025-04-31', '25', '2025/08/22', 'August 2025', '2025-08-22T24:00:00Z', ''])(
    '%j is refused with ERR_FIELD_DATE', (text) => {
      expect(codeOf(() => parseDate(text, WHERE))).toBe('TL_ERR_FIELD_DATE');
    });
});

describe('normaliseLanguage', () => {
  it.each([['eng', 'eng'], ['ENG', 'eng'], ['fre', 'fre'], ['fra', 'fre'], ['deu', 'ger'], ['en', 'eng'], ['en_US', 'eng'], ['zh-CN', 'chi'], ['mul', 'mul'], ['qaa', 'qaa']])(
    '%s → %s', (code, expected) => {
      expect(normaliseLanguage(code, WHERE)).toBe(expected);
    });

  it.each(['xxq', 'english', 'e', 'qua', '', 'en-'])('%j is refused with ERR_FIELD_LANGUAGE', (code) => {
    expect(codeOf(() => normaliseLanguage(code, WHERE))).toBe('TL_ERR_FIELD_LANGUAGE');
  });
});

describe('DOIs and URIs', () => {
  it.each(['10.14288/1.0449833', 'doi:10.14288/1.0449833', 'https://doi.org/10.14288/1.0449833', 'http://dx.doi.org/10.14288/1.0449833'])(
    '%s → 10.14288/1.0449833', (text) => {
      expect(normaliseDoi(text, WHERE)).toBe('10.14288/1.0449833');
    });

  it.each(['1.0449833', '10.1/x', 'doi:', '10.14288/has space'])('%j is no DOI', (text) => {
    expect(codeOf(() => normaliseDoi(text, WHERE))).toBe('TL_ERR_FIELD_VALUE');
  });

  it.each([['http://hdl.handle.net/2429/87654', true], ['https://x.org/a', true], ['hdl:2429/1', false], ['not a uri', false], ['ftp://x.org/', false]])(
    '%s is an http(s) URI: %s', (text, ok) => {
      expect(codeOf(() => checkHttpUri(text, WHERE))).toBe(ok ? undefined : 'TL_ERR_FIELD_VALUE');
    });
});

describe('the item-id rule', () => {
  it.each<[string, string | undefined]>([
    ['10.14288/1.0449833', '1.0449833'], ['10.5555/a/b', undefined],
  ])('DOI %s → %s', (doi, id) => expect(itemIdFromDoi(doi)).toBe(id));

  it.each<[string, string | undefined]>([
    ['https://open.library.ubc.ca/collections/ubctheses/24/items/1.0449833', '1.0449833'],
    ['https://open.library.ubc.ca/cIRcle/collections/ubctheses/24/items/1.0449833/', '1.0449833'],
    ['http://hdl.handle.net/2429/87654', undefined],
  ])('URI %s → %s', (uri, id) => expect(itemIdFromUri(uri)).toBe(id));

  it.each<[string, string | undefined]>([
    ['oai:open.library.ubc.ca:1.0449833', '1.0449833'], ['oai:open.library.ubc.ca:ubctheses/1.0449833', '1.0449833'],
    ['oai:circle.library.ubc.ca:2429/87654', undefined],
  ])('OAI identifier %s → %s', (identifier, id) => expect(itemIdFromOaiIdentifier(identifier)).toBe(id));

  const c = (id: string, from: string) => ({ id, from, field: 'x' });
  it('prefers the strongest candidate and refuses strong ones that disagree', () => {
    expect(chooseItemId([c('1.1', 'DOI')], [c('1.2', 'OAI')], {})).toBe('1.1');
    expect(chooseItemId([], [c('1.2', 'OAI')], {})).toBe('1.2');
    expect(() => chooseItemId([c('1.1', 'DOI'), c('1.3', 'URI')], [], {})).toThrow(/DOI gives item id 1.1 but URI gives 1.3/);
    expect(() => chooseItemId([], [], {})).toThrow(/no item id/);
  });
});

describe('decoding and lines', () => {
  it('finds every line holding invalid UTF-8', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0xff, 0x0a, 0x62, 0x0a, 0xe2, 0x80, 0x0a]);
    expect(decodeUtf8(bytes).badLines).toEqual([2, 4]);
    expect(decodeUtf8(new TextEncoder().encode('ok\u2019\n')).badLines).toEqual([]);
  });

  it('maps offsets to lines', () => {
    const lines = new LineIndex('a\nbc\n\nd');
    expect([0, 1, 2, 4, 5, 6].map((o) => lines.lineAt(o))).toEqual([1, 1, 2, 2, 3, 4]);
  });
});
