// How results are shown: terms as prefixed names, property paths in SPARQL syntax, severities as error or warning.
import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type { PathStep } from 'shacl-engine';
import { severityOf, showPath, showTerm } from '../../../pipeline/validate/report.ts';
import { NS } from '../../../src/core/vocab.ts';
import { BASE } from './helpers.ts';

const { namedNode, literal, blankNode } = DataFactory;
const step = (iris: string[], more: Partial<PathStep> = {}): PathStep =>
  ({ quantifier: 'one', start: 'subject', end: 'object', predicates: iris.map((i) => namedNode(i)), ...more });

describe('validate report', () => {
  it.each<[string, PathStep[] | null, string]>([
    ['no path (a node shape)', null, '-'],
    ['one predicate', [step([`${NS.dcterms}title`])], 'dcterms:title'],
    ['an inverse', [step([`${NS.dcterms}isPartOf`], { start: 'object', end: 'subject' })], '^dcterms:isPartOf'],
    ['a sequence', [step([`${NS.oa}hasSelector`]), step([`${NS.rdf}type`])], 'oa:hasSelector/rdf:type'],
    ['an alternative', [step([`${NS.schema}name`, `${NS.foaf}name`])], '(schema:name|foaf:name)'],
    ['a repetition', [step([`${NS.skos}broader`], { quantifier: 'zeroOrMore' })], 'skos:broader*'],
    ['our own term', [step([`${BASE}ontology#supervisor`])], 'tl:supervisor'],
  ])('shows %s', (_name, path, shown) => {
    expect(showPath(path, BASE)).toBe(shown);
  });

  it.each([
    [namedNode('https://example.org/x'), '<https://example.org/x>'],
    [blankNode('b1'), '_:b1'],
    [literal('x'.repeat(70)), JSON.stringify(`${'x'.repeat(60)}…`)],
    [undefined, '-'],
  ])('shows the term %s as %s', (term, shown) => {
    expect(showTerm(term, BASE)).toBe(shown);
  });

  it('treats sh:Violation (or no severity) as an error, anything else as a warning', () => {
    expect(severityOf(namedNode(`${NS.sh}Violation`))).toBe('error');
    expect(severityOf(undefined)).toBe('error');
    expect(severityOf(namedNode(`${NS.sh}Warning`))).toBe('warning');
    expect(severityOf(namedNode(`${NS.sh}Info`))).toBe('warning');
  });
});
