// Canonical form of a graph (stable blank-node labels, no duplicates, grouped subjects) and the union's record scope.
import { DataFactory, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { Iris } from '../../../src/core/iri.ts';
import { blankPrefix, canonicalize, contentHash, quadKey } from '../../../pipeline/publish/canonical.ts';
import { recordScope, Union } from '../../../pipeline/publish/union.ts';

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

describe('recordScope', () => {
  const scope = recordScope(iris, '1.1');
  it.each([
    [iris.thesis('1.1').value, true],
    [iris.abstract('1.1').value, true],
    [iris.recordGraph('1.1').value, true],
    [iris.annotation('1.1', 3, 9).value, true],
    [`${iris.annotation('1.1', 3, 9).value}#target`, true],
    [iris.recordPerson('1.1', 'creator', 1).value, true],
    [iris.thesis('1.10').value, false],
    [iris.recordPerson('1.10', 'creator', 1).value, false],
    [iris.entity('place', 'moscow').value, false],
    [iris.collection('ubc-theses').value, false],
    ['https://doi.org/10.14288/1.1', false],
  ])('%s is record-scoped: %s', (iri, expected) => {
    expect(scope(namedNode(iri))).toBe(expected);
  });
  it('treats blank nodes as the record’s own', () => {
    expect(scope(blankNode('r1.1_x0'))).toBe(true);
  });
});

describe('Union', () => {
  it('passes record statements through and repeats of shared statements only once, counting each once', () => {
    const union = new Union(iris);
    const shared = quad(iris.collection('c'), p('title'), literal('C'));
    const rec = (id: string) => [quad(iris.thesis(id), type, namedNode('http://schema.org/Thesis')), shared];
    expect(union.add(rec('1.1'), recordScope(iris, '1.1'))).toHaveLength(2);
    expect(union.add(rec('1.2'), recordScope(iris, '1.2'))).toHaveLength(1);
    const counts = union.snapshot();
    expect(counts.triples).toBe(3);
    expect(counts.distinctSubjects).toBe(3);
    expect(counts.entities).toBe(3);
    expect(counts.classes.get('http://schema.org/Thesis')).toBe(2);
    expect(union.add([quad(iris.datasetPart('x'), p('title'), literal('D'))], () => false, false)).toHaveLength(1);
    expect(union.snapshot().triples).toBe(3);
  });
});
