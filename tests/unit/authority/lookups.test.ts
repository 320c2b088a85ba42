// personFor, organizationByLabel and conceptByLabel on the real authority file: what the map stage relies on.
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
