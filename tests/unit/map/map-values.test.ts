// The map stage's value tables: languages, licences, names, slugs, DOIs, handles and collections.
import { describe, expect, it } from 'vitest';
import { bcp47FromIso6392, isIso6392, locLanguageIri } from '../../../pipeline/map/languages.ts';
import { licenceFromRights, licenceFromUri } from '../../../pipeline/map/rights.ts';
import { splitName } from '../../../pipeline/map/people.ts';
import { slugify } from '../../../pipeline/map/slug.ts';
import { degreeId } from '../../../pipeline/map/degree.ts';
import { doiIri, handleOf, isAbsoluteIri } from '../../../pipeline/map/identifiers.ts';
import { collectionId } from '../../../pipeline/map/collection.ts';

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

describe('ids: slugs for degrees and collections', () => {
  it.each([
    ['Doctor of Philosophy - PhD', 'doctor-of-philosophy-phd'],
    ['Master of Arts - MA', 'master-of-arts-ma'],
    ['Maîtrise ès arts', 'maitrise-es-arts'],
    ['  Doctor of Education – EdD ', 'doctor-of-education-edd'],
  ])('degree %j → %s', (name, id) => {
    expect(degreeId(name)).toBe(id);
  });

  it.each(['一汽', '---', ''])('no slug for %j', (name) => {
    expect(slugify(name)).toBeUndefined();
  });

  it.each([
    ['UBC Theses and Dissertations', 'ubc-theses-and-dissertations'],
    ['ubc theses and dissertations', 'ubc-theses-and-dissertations'],
    ['Some Other Collection', 'some-other-collection'],
  ])('collection %j → %s', (name, id) => {
    expect(collectionId(name)).toBe(id);
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
