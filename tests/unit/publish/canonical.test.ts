// Canonical form of a graph (stable blank-node labels, no duplicates, grouped subjects) and the union of shared and record graphs.
import { DataFactory, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { Iris } from '../../../src/core/iri.ts';
import { blankPrefix, canonicalize, contentHash, quadKey } from '../../../pipeline/publish/canonical.ts';
import { RECORD, SHARED, Union } from '../../../pipeline/publish/union.ts';

const { quad, namedNode, blankNode, literal } = DataFactory;
const iris = new Iris('http://localhost:8080/');
const G = iris.recordGraph('1.1');
const type = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const p = (local: string) => namedNode(`http://purl.org/dc/terms/${local}`);

describe('canonicalize', () => {
  const thesis = iris.thesis('1.1');
  const input = (b1: string, b2: string): Quad[] => [
    quad(thesis, p('title'), literal('T')),
    quad(blankNode(b1), p('x'), blankNode(b2)),
    quad(thesis, type, namedNode('http://schema.org/Thesis')),
    quad(thesis, p('creator'), blankNode(b1)),
    quad(thesis, p('title'), literal('T')),
  ];

  it('relabels blank nodes by first appearance, whatever their counters were, and puts every quad in the graph', () => {
    const a = canonicalize(input('n3-17', 'n3-99'), G, 'rX_x');
    const b = canonicalize(input('other', 'labels'), G, 'rX_x');
    expect(a.map(quadKey)).toEqual(b.map(quadKey));
    expect(a.every((q) => q.graph.equals(G))).toBe(true);
    expect(a.filter((q) => q.subject.termType === 'BlankNode').map((q) => [q.subject.value, q.object.value])).toEqual([['rX_x0', 'rX_x1']]);
  });

  it('drops duplicates and groups each subject with rdf:type first', () => {
    const out = canonicalize(input('a', 'b'), G, 'r_x');
    expect(out.map((q) => `${q.subject.value} ${q.predicate.value.split(/[/#]/).pop()}`)).toEqual([
      `${thesis.value} type`, `${thesis.value} title`, `${thesis.value} creator`, 'r_x0 x',
    ]);
  });

  it('hashes content regardless of statement order, and differently when a value changes', () => {
    const a = canonicalize(input('a', 'b'), G, 'r_x');
    expect(contentHash([...a].reverse())).toBe(contentHash(a));
    const changed = canonicalize([...input('a', 'b'), quad(thesis, p('title'), literal('T2'))], G, 'r_x');
    expect(contentHash(changed)).not.toBe(contentHash(a));
  });

  it.each([
    ['1.0449833', 'r1.0449833_x'],
    ['a_b', 'ra_ub_x'],
    ['a~b', 'ra_tb_x'],
  ])('makes blank-node prefix of %s a label that is also an XML name: %s', (id, expected) => {
    expect(blankPrefix('r', id)).toBe(expected);
    expect(`${expected}0`).toMatch(/^[A-Za-z_][\w.-]*$/);
  });

  it('keeps prefixes of different ids apart even when escapes could meet', () => {
    const ids = ['a_u', 'a__u', 'a_', 'a~', 'a_t', 'a_x1', 'a'];
    expect(new Set(ids.map((id) => blankPrefix('r', id))).size).toBe(ids.length);
  });
});

describe('Union', () => {
  const thesisType = (id: string) => quad(iris.thesis(id), type, namedNode('http://schema.org/Thesis'));
  const title = quad(iris.collection('c'), p('title'), literal('C'));

  it('writes a shared graph’s statements once, and a record’s repeat of one not at all, counting each once', () => {
    const union = new Union(iris);
    expect(union.add([title], SHARED)).toHaveLength(1);
    expect(union.add([thesisType('1.1'), title], RECORD)).toEqual([thesisType('1.1')]);
    expect(union.add([thesisType('1.2'), title], RECORD)).toEqual([thesisType('1.2')]);
    const counts = union.snapshot();
    expect(counts.triples).toBe(3);
    expect(counts.distinctSubjects).toBe(3);
    expect(counts.entities).toBe(3);
    expect(counts.classes.get('http://schema.org/Thesis')).toBe(2);
    expect(union.add([quad(iris.datasetPart('x'), p('title'), literal('D'))], SHARED, false)).toHaveLength(1);
    expect(union.snapshot().triples).toBe(3);
  });

  it('remembers nothing of a record: its statements about an outside subject are de-duplicated within the record only', () => {
    const union = new Union(iris);
    const page = quad(namedNode('https://open.library.ubc.ca/items/1.1'), type, namedNode('http://schema.org/WebPage'));
    expect(union.add([page, page, thesisType('1.1')], RECORD)).toEqual([page, thesisType('1.1')]);
    // A later record stating the same (which records do not do: outside subjects are their own) is not checked against it.
    expect(union.add([page], RECORD)).toEqual([page]);
    // …whereas a shared graph's statements are remembered for the whole build.
    expect(union.add([title], SHARED)).toHaveLength(1);
    expect(union.add([title], SHARED)).toHaveLength(0);
    expect(union.add([title], RECORD)).toHaveLength(0);
  });

  it('counts a record’s subject that a shared graph describes once, and a shared class membership once', () => {
    const union = new Union(iris);
    const moscow = iris.entity('place', 'moscow');
    union.add([quad(moscow, type, namedNode('http://schema.org/City'))], SHARED);
    union.add([quad(moscow, type, namedNode('http://schema.org/City')), quad(moscow, p('title'), literal('M'))], RECORD);
    expect(union.snapshot()).toMatchObject({ triples: 2, distinctSubjects: 1, entities: 1 });
    expect(union.snapshot().classes.get('http://schema.org/City')).toBe(1);
  });
});
