// The map stage's value tables: languages, licences, names, degrees and collections, DOIs and handles.
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import { bcp47FromIso6392, isIso6392, locLanguageIri } from '../../../pipeline/map/languages.ts';
import { licenceFromRights, licenceFromUri } from '../../../pipeline/map/rights.ts';
import { splitName } from '../../../pipeline/map/people.ts';
import { doiIri, handleOf, isAbsoluteIri } from '../../../pipeline/map/identifiers.ts';
import { map } from '../../../pipeline/map.ts';
import type { Problem } from '../../../src/core/errors.ts';
import { fullRecord, iris, lit, n, objects, testAuthority } from './helpers.ts';

describe('languages: ISO 639-2 → BCP 47 and the LOC IRI', () => {
  it.each([
    ['eng', 'en', 'eng'], ['fre', 'fr', 'fre'], ['fra', 'fr', 'fre'], ['ger', 'de', 'ger'], ['deu', 'de', 'ger'],
    ['chi', 'zh', 'chi'], ['zho', 'zh', 'chi'], ['ENG', 'en', 'eng'], ['haw', 'haw', 'haw'], ['mul', 'mul', 'mul'],
    ['qab', 'qab', 'qab'],
  ])('%s → %s, iso639-2/%s', (code, tag, loc) => {
    expect(bcp47FromIso6392(code)).toBe(tag);
    expect(locLanguageIri(code)?.value).toBe(`http://id.loc.gov/vocabulary/iso639-2/${loc}`);
  });

  it.each(['xx', 'english', 'zzz', ''])('refuses %j', (code) => {
    expect(isIso6392(code)).toBe(false);
    expect(bcp47FromIso6392(code)).toBeUndefined();
    expect(locLanguageIri(code)).toBeUndefined();
  });
});

describe('rights: Creative Commons licence IRIs', () => {
  it.each([
    ['Attribution-NonCommercial-NoDerivatives 4.0 International', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['Attribution 4.0 International', 'https://creativecommons.org/licenses/by/4.0/'],
    ['Attribution-ShareAlike 4.0 International', 'https://creativecommons.org/licenses/by-sa/4.0/'],
    ['Attribution-NoDerivatives 4.0 International', 'https://creativecommons.org/licenses/by-nd/4.0/'],
    ['Attribution-NonCommercial 4.0 International', 'https://creativecommons.org/licenses/by-nc/4.0/'],
    ['Attribution-NonCommercial-ShareAlike 4.0 International', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'],
    ['Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International (CC BY-NC-ND 4.0)', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['attribution \u2013 noncommercial \u2013 noderivatives 4.0  international', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['CC BY-NC-ND 4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['Attribution-NonCommercial-NoDerivs 2.5 Canada', 'https://creativecommons.org/licenses/by-nc-nd/2.5/ca/'],
    ['CC0 1.0 Universal', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['http://creativecommons.org/licenses/by-nc-nd/4.0/', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
  ])('%s', (text, iri) => {
    expect(licenceFromRights(text)?.value).toBe(iri);
  });

  it.each(['In Copyright', 'All rights reserved', 'Attribution-NonCommercial-NoDerivatives 9.0 International', ''])('names no licence for %j', (text) => {
    expect(licenceFromRights(text)).toBeUndefined();
  });

  it.each([
    ['http://creativecommons.org/licenses/by-nc-nd/4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    ['https://creativecommons.org/licenses/by/4.0/', 'https://creativecommons.org/licenses/by/4.0/'],
    ['http://rightsstatements.org/vocab/InC/1.0/', 'http://rightsstatements.org/vocab/InC/1.0/'],
  ])('Rights URI %s → %s', (uri, iri) => {
    expect(licenceFromUri(uri)?.value).toBe(iri);
  });

  it.each(['not a uri', 'ftp://x/y', ''])('ignores a Rights URI that is no http(s) IRI: %j', (uri) => {
    expect(licenceFromUri(uri)).toBeUndefined();
  });
});

describe('names: family/given split', () => {
  it.each([
    ['Li, Yi', { family: 'Li', given: 'Yi' }],
    ['Smith, Jane A.', { family: 'Smith', given: 'Jane A.' }],
    ['Roe, Richard, 1950-', { family: 'Roe', given: 'Richard' }],
    ['Roe, Richard, 1950-2020', { family: 'Roe', given: 'Richard' }],
  ])('%s', (name, split) => {
    expect(splitName(name)).toEqual(split);
  });

  it.each(['Cher', 'Smith, John, Jr.', ', Yi', 'Li,', 'a, b, c, d'])('leaves %j whole', (name) => {
    expect(splitName(name)).toBeUndefined();
  });
});

describe('degrees and collections: ids from the authority file, never from a label', () => {
  const thesis = n('@id/thesis/1.0000001');
  const mapWith = (degree: string, collection: string) => {
    const warnings: Problem[] = [];
    const quads = map({ ...fullRecord(), degree: { value: degree, line: 40 }, collection: { value: collection, line: 41 } }, iris, testAuthority(), warnings);
    return { quads, warnings };
  };

  it.each([
    ['Doctor of Philosophy - PhD'],
    ['Doctor of Philosophy'],
    ['PhD'],
    ['  doctor of philosophy \u2013 PhD '],
  ])('degree %j is the authority degree, restated by class and label only, with no warning', (name) => {
    const { quads, warnings } = mapWith(name, 'UBC Theses and Dissertations');
    const degree = n('@id/degree/doctor-of-philosophy-phd');
    expect(objects(quads, thesis, n('bibo:degree'))).toEqual([degree]);
    expect(quads.filter((q) => q.subject.equals(degree)).map((q) => [q.predicate.value, q.object.value])).toEqual([
      [n('rdf:type').value, n('bibo:ThesisDegree').value],
      [n('rdfs:label').value, 'Doctor of Philosophy'],
    ]);
    expect(objects(quads, thesis, n('schema:inSupportOf'))).toEqual([lit(name)]);
    expect(warnings).toEqual([]);
  });

  it('gives a degree the file does not list a record-scoped IRI and a warning naming the record and field', () => {
    const { quads, warnings } = mapWith('Master of Arts - MA', 'UBC Theses and Dissertations');
    const degree = iris.recordDegree('1.0000001');
    expect(degree.value).toBe('http://localhost:8080/id/degree/1.0000001-degree');
    expect(objects(quads, thesis, n('bibo:degree'))).toEqual([degree]);
    expect(objects(quads, degree, n('rdfs:label'))).toEqual([lit('Master of Arts - MA')]);
    expect(objects(quads, degree, n('schema:alternateName'))).toEqual([lit('MA')]);
    expect(warnings).toEqual([expect.objectContaining({
      code: 'TL_ERR_NOT_IN_AUTHORITY', severity: 'warning', recordId: '1.0000001', file: 'records/full.txt', line: 40, field: 'degree',
    })]);
    expect(warnings[0]!.message).toContain('Master of Arts - MA');
  });

  it.each([['UBC Theses and Dissertations'], ['ubc theses and dissertations']])('collection %j is the authority collection', (name) => {
    const { quads, warnings } = mapWith('PhD', name);
    const collection = n('@id/collection/ubc-theses-and-dissertations');
    expect(objects(quads, thesis, n('dcterms:isPartOf'))).toEqual([collection]);
    expect(objects(quads, collection, n('dcterms:title'))).toEqual([DataFactory.literal('UBC Theses and Dissertations', 'en')]);
    expect(objects(quads, collection, n('rdf:type'))).toEqual([n('dcmitype:Collection')]);
    expect(warnings).toEqual([]);
  });

  it('gives a collection the file does not list a record-scoped IRI and a warning', () => {
    const { quads, warnings } = mapWith('PhD', 'Some Other Collection');
    const collection = iris.recordCollection('1.0000001');
    expect(objects(quads, thesis, n('dcterms:isPartOf'))).toEqual([collection]);
    expect(objects(quads, collection, n('dcterms:title'))).toEqual([lit('Some Other Collection')]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'TL_ERR_NOT_IN_AUTHORITY', recordId: '1.0000001', line: 41, field: 'collection' })]);
  });
});

describe('identifiers: DOI and handle', () => {
  it.each([
    ['10.14288/1.0449833', 'https://doi.org/10.14288/1.0449833'],
    ['10.1000/a<b>#c d', 'https://doi.org/10.1000/a%3Cb%3E%23c%20d'],
    ['10.1002/(SICI)1097-4571', 'https://doi.org/10.1002/(SICI)1097-4571'],
  ])('DOI %s → %s', (doi, iri) => {
    expect(doiIri(doi).value).toBe(iri);
    expect(isAbsoluteIri(doiIri(doi).value)).toBe(true);
  });

  it.each([
    ['http://hdl.handle.net/2429/12345', '2429/12345'],
    ['https://hdl.handle.net/2429/12345', '2429/12345'],
    ['https://example.org/2429/12345', undefined],
    ['http://hdl.handle.net/', undefined],
  ])('handle of %s', (uri, handle) => {
    expect(handleOf(uri)).toBe(handle);
  });
});
