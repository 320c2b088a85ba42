// personFor, organizationByLabel, conceptByLabel, degreeByLabel and collectionByLabel on the real authority file: what the map stage relies on.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuthority } from '../../../pipeline/authority.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { Iris } from '../../../src/core/iri.ts';

let authority: Authority;
beforeAll(async () => {
  authority = await loadAuthority('data', new Iris('http://localhost:8080/'));
});

describe('personFor', () => {
  it.each([
    ['1.0449833', 'creator', 'Li, Yi', 'li-yi'],
    ['1.0449833', 'creator', '  li,   YI ', 'li-yi'],
    ['1.0449833', 'supervisor', 'Li, Yi', undefined],
    ['1.0000001', 'creator', 'Li, Yi', undefined],
    ['1.0449833', 'creator', 'Li, Y.', undefined],
  ] as const)('record %s, %s "%s" → %s', (record, role, name, expected) => {
    expect(authority.personFor(record, role, name)?.id).toBe(expected);
  });
});

describe('organizationByLabel', () => {
  it.each([
    ['University of British Columbia', 'ubc'],
    ['university of british columbia', 'ubc'],
    ['The University of British Columbia', 'ubc'],
    ['University of  British\u00A0Columbia.', 'ubc'],
    ['UBC', 'ubc'],
    ['Vancouver : University of British Columbia Library', 'ubc-library'],
    ['University of British Columbia Library', 'ubc-library'],
    ["China's First Automobile Works", 'faw'],
    ['China’s First Automobile Work', 'faw'],
    ['CHINA‘S FIRST AUTOMOBILE WORK', 'faw'],
    ['Volkswagen', 'volkswagen'],
    ['Завод имени Лихачева', 'zil'],
    ['Moscow', undefined],
    ['Simon Fraser University', undefined],
    ['', undefined],
  ] as const)('"%s" → %s', (label, expected) => {
    expect(authority.organizationByLabel(label)?.id).toBe(expected);
  });
});

describe('conceptByLabel', () => {
  it.each([
    ['Cold War history', 'cold-war-history'],
    ['cold war history', 'cold-war-history'],
    ['Automotive industry', 'automobile-industry'],
    ['Sino‑Soviet relations', 'sino-soviet-relations'],
    ['Technology transfer', 'technology-transfer'],
    ['Cold War', undefined],
    ['China', undefined],
  ] as const)('"%s" → %s', (label, expected) => {
    expect(authority.conceptByLabel(label)?.id).toBe(expected);
  });
});

describe('degreeByLabel: the names records give degrees reach the id assigned once', () => {
  it.each([
    ['Doctor of Philosophy - PhD', 'doctor-of-philosophy-phd'],
    ['Doctor of Philosophy', 'doctor-of-philosophy-phd'],
    ['doctor of philosophy \u2013 phd', 'doctor-of-philosophy-phd'],
    ['PhD', 'doctor-of-philosophy-phd'],
    ['Ph.D.', 'doctor-of-philosophy-phd'],
    ['Master of Arts - MA', 'master-of-arts-ma'],
    ['Master of Science - MSc', 'master-of-science-msc'],
    ['Master of Applied Science - MASc', 'master-of-applied-science-masc'],
    ['Master of Arts in Basket Weaving - MABW', undefined],
    ['Doctor', undefined],
  ] as const)('"%s" → %s', (label, expected) => {
    expect(authority.degreeByLabel(label)?.id).toBe(expected);
  });

  it('states each degree\'s abbreviation and level', () => {
    expect(authority.degreeByLabel('PhD')).toMatchObject({ abbreviation: 'PhD', level: 'doctoral', prefLabel: { value: 'Doctor of Philosophy', lang: 'en' } });
    expect(authority.degreeByLabel('MASc')).toMatchObject({ abbreviation: 'MASc', level: 'master' });
  });
});

describe('collectionByLabel', () => {
  it.each([
    ['UBC Theses and Dissertations', 'ubc-theses-and-dissertations'],
    ['ubc theses and dissertations', 'ubc-theses-and-dissertations'],
    ['UBC Retrospective Theses Digitization Project', 'ubc-retrospective-theses-digitization-project'],
    ['Some Other Collection', undefined],
  ] as const)('"%s" → %s', (label, expected) => {
    expect(authority.collectionByLabel(label)?.id).toBe(expected);
  });
});
