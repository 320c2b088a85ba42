// The one reader of (s, p) values and of rdf:Lists: strict and lenient lists, cycles, broken cells, values by RDF term.
import { describe, expect, it } from 'vitest';
import { DataFactory, Store, type Term } from 'n3';
import { distinctTerms, readList, RDF_FIRST, RDF_NIL, RDF_REST, termKey, valuesOf } from '../../../src/core/rdf-read.ts';

const { namedNode, blankNode, literal, quad } = DataFactory;
const ex = (l: string) => namedNode(`http://example.org/${l}`);

/** A store holding `cells`: [cell label, first (or none), rest label or 'nil' (or none)]. */
function listStore(cells: [string, string | undefined, string | undefined][]): Store {
  const store = new Store();
  for (const [c, first, rest] of cells) {
    if (first) store.addQuad(blankNode(c), namedNode(RDF_FIRST), ex(first));
    if (rest) store.addQuad(blankNode(c), namedNode(RDF_REST), rest === 'nil' ? namedNode(RDF_NIL) : blankNode(rest));
  }
  return store;
}

function read(store: Store, head: Term, lenient = false): string[] | undefined {
  return readList<Term>(head, {
    first: (c) => store.getObjects(c, namedNode(RDF_FIRST), null)[0],
    rest: (c) => store.getObjects(c, namedNode(RDF_REST), null)[0],
    isNil: (t) => t.value === RDF_NIL,
    isCell: (t) => t.termType === 'BlankNode',
    key: termKey,
  }, lenient)?.map((t) => t.value.replace('http://example.org/', ''));
}

describe('readList', () => {
  const table: [string, [string, string | undefined, string | undefined][], string, string[] | undefined, string[] | undefined][] = [
    ['a proper list', [['l1', 'a', 'l2'], ['l2', 'b', 'nil']], 'l1', ['a', 'b'], ['a', 'b']],
    ['a cycle ends it', [['l1', 'a', 'l2'], ['l2', 'b', 'l1']], 'l1', ['a', 'b'], ['a', 'b']],
    ['a cell without rdf:first: ends it (strict) or is skipped (lenient)', [['l1', 'a', 'l2'], ['l2', undefined, 'l3'], ['l3', 'c', 'nil']], 'l1', ['a'], ['a', 'c']],
    ['a head without rdf:first is no list (strict)', [['l1', undefined, 'l2'], ['l2', 'b', 'nil']], 'l1', undefined, ['b']],
    ['a missing rdf:rest ends it', [['l1', 'a', undefined]], 'l1', ['a'], ['a']],
  ];
  it.each(table)('%s', (_name, cells, head, strict, lenient) => {
    const store = listStore(cells);
    expect(read(store, blankNode(head))).toEqual(strict);
    expect(read(store, blankNode(head), true)).toEqual(lenient);
  });

  it('rdf:nil is the empty list; an IRI is no list when strict', () => {
    expect(read(new Store(), namedNode(RDF_NIL))).toEqual([]);
    expect(read(new Store(), ex('x'))).toBeUndefined();
  });
});

describe('valuesOf', () => {
  const s = ex('s');
  const quads = [
    quad(s, ex('p'), literal('x', 'en')), quad(s, ex('p'), literal('x', 'fr')), quad(s, ex('p'), literal('x', 'en')),
    quad(s, ex('p'), literal('x')), quad(s, ex('p'), ex('x')), quad(ex('other'), ex('p'), literal('y')), quad(s, ex('q'), literal('z')),
  ];
  it('gives the distinct objects of (s, p) in first-seen order, a literal\'s language and datatype counting', () => {
    expect(valuesOf(quads, s, ex('p')).map(termKey)).toEqual([literal('x', 'en'), literal('x', 'fr'), literal('x'), ex('x')].map(termKey));
    expect(valuesOf(quads, s, 'http://example.org/q').map((t) => t.value)).toEqual(['z']);
  });
  it('distinctTerms tells a literal from an IRI of the same text', () => {
    expect(distinctTerms([literal('http://example.org/x'), ex('x'), namedNode('http://example.org/x')])).toHaveLength(2);
  });
});
