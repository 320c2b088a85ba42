// The map stage on a record with every field filled, compared by graph isomorphism with tests/fixtures/map/full-record.ttl.
import { describe, expect, it } from 'vitest';
import { isomorphic } from 'rdf-isomorphic';
import type { Quad } from 'n3';
import { map } from '../../../pipeline/map.ts';
import { expectTriples, fullRecord, iris, lit, n, objects, readTurtle, testAuthority } from './helpers.ts';

const thesis = n('@id/thesis/1.0000001');
const FIXTURE = 'tests/fixtures/map/full-record.ttl';

/** Triples in one graph and not the other, as lines, for a readable failure. */
function difference(a: Quad[], b: Quad[]): string[] {
  const key = (q: Quad) => `${q.subject.termType === 'BlankNode' ? '_' : q.subject.value} ${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_' : q.object.id}`;
  const inB = new Set(b.map(key));
  return a.map(key).filter((k) => !inB.has(k));
}

describe('map: a fully filled record', () => {
  const quads = map(fullRecord(), iris, testAuthority());

  it('is isomorphic to the expected graph', () => {
    const expected = readTurtle(FIXTURE);
    expect({ extra: difference(quads, expected), missing: difference(expected, quads) }).toEqual({ extra: [], missing: [] });
    expect(isomorphic(quads, expected)).toBe(true);
  });

  it('keeps creators in order in the list', () => {
    const order: string[] = [];
    let cell = objects(quads, thesis, n('bibo:authorList'))[0]!;
    while (!cell.equals(n('rdf:nil'))) {
      order.push(objects(quads, cell, n('rdf:first'))[0]!.value);
      cell = objects(quads, cell, n('rdf:rest'))[0]!;
    }
    expect(order).toEqual([1, 2, 3].map((i) => `${iris.base}id/person/1.0000001-creator-${i}`));
  });

  it('lets the Rights URI field win over the rights text (normalised to https and a trailing slash)', () => {
    expect(objects(quads, thesis, n('dcterms:license'))).toEqual([n('<https://creativecommons.org/licenses/by/4.0/>')]);
  });

  it('writes the supervisor under tl:supervisor and its super-property', () => {
    const supervisor = n('@id/person/1.0000001-supervisor-1');
    expectTriples(quads, [[thesis, n('tl:supervisor'), supervisor], [thesis, n('dcterms:contributor'), supervisor]]);
  });

  it('makes the degree resource from the normalised degree name', () => {
    expectTriples(quads, [
      [thesis, n('schema:inSupportOf'), lit('Doctor of Philosophy - PhD')],
      [thesis, n('bibo:degree'), n('@id/degree/doctor-of-philosophy-phd')],
    ]);
  });

  it('gives the landing page as a page of the thesis, not as a source it was derived from (that is the record graph’s provenance)', () => {
    expect(objects(quads, thesis, n('schema:url'))).toEqual([n('<https://open.library.ubc.ca/collections/ubctheses/24/items/1.0000001>')]);
    expect(quads.filter((q) => q.predicate.equals(n('prov:wasDerivedFrom')))).toEqual([]);
  });

  it('writes each dcterms:type once even when the Type field repeats the default', () => {
    expect(objects(quads, thesis, n('dcterms:type')).filter((t) => t.equals(n('dcmitype:Text')))).toHaveLength(1);
  });
});
