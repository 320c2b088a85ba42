// The loader's triples for a small authority file, compared by graph isomorphism with the expected TriG.
import { readFileSync } from 'node:fs';
import { Parser, type Quad } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';
import { authorityFromText } from '../../../pipeline/authority.ts';
import { Iris } from '../../../src/core/iri.ts';

const BASE = 'http://localhost:8080/';
const show = (q: Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify(q.object.value) + (q.object.language ? `@${q.object.language}` : ` ^^${q.object.datatype.value}`) : q.object.value}`;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/entities/${name}`, import.meta.url), 'utf8');

describe('authority triples', () => {
  const authority = authorityFromText(fixture('mini.yaml'), new Iris(BASE), 'entities/mini.yaml');

  it('are isomorphic to tests/fixtures/entities/mini-expected.trig', () => {
    const expected = new Parser({ baseIRI: BASE, format: 'application/trig' }).parse(fixture('mini-expected.trig'));
    const missing = expected.filter((e) => !authority.quads.some((q) => q.equals(e)));
    const extra = authority.quads.filter((q) => !expected.some((e) => e.equals(q)));
    expect({ missing: missing.map(show), extra: extra.map(show) }).toEqual({ missing: [], extra: [] });
    expect(isomorphic(authority.quads, expected)).toBe(true);
  });

  it('keep the contract fields for the other stages', () => {
    const labour = authority.entities.get('labour');
    expect(labour).toMatchObject({ kind: 'concept', scheme: 'topics', subjectOf: ['1.0000001'], match: true });
    expect(authority.entities.get('acme')?.altLabels).toEqual([{ value: 'ACME', lang: 'en' }, { value: '阿克米', lang: 'zh' }]);
    expect(authority.entities.get('ada')?.prefLabel).toEqual({ value: 'Lovelace, Ada' });
    expect(authority.merged.get('organization/acme-inc')).toBe('organization/acme');
    expect(authority.withdrawn.get('place/shelbyville')).toBe('never existed');
    expect(authority.degreeByLabel('Doctor of Philosophy - PhD')).toEqual({
      id: 'phd', prefLabel: { value: 'Doctor of Philosophy', lang: 'en' }, altLabels: [{ value: 'Ph.D.', lang: 'en' }], abbreviation: 'PhD', level: 'doctoral',
    });
    expect(authority.collectionByLabel('Thèses et mémoires')?.id).toBe('theses');
  });

  it('are the same on every load (deterministic order)', () => {
    const again = authorityFromText(fixture('mini.yaml'), new Iris(BASE), 'entities/mini.yaml');
    expect(again.quads.map(show)).toEqual(authority.quads.map(show));
  });
});
