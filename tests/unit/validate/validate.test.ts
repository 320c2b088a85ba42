// The validate stage on fixtures: each bad fixture yields exactly the problems it names, in the `record id: focus node, path, message` form.
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFactory, type Quad } from 'n3';
import { createValidator, type Validator } from '../../../pipeline/validate.ts';
import { dcterms, rdf, skos, xsd } from '../../../src/core/vocab.ts';
import { BASE, fixture, iris, realAuthority, summary, type Expected } from './helpers.ts';

const { literal, quad } = DataFactory;

let validator: Validator;
beforeAll(async () => { validator = await createValidator(BASE, { authority: (await realAuthority()).quads }); });

describe('validate: fixtures', () => {
  it.each<[string, Expected[]]>([
    ['good-thesis.ttl', []],
    ['good-minimal.ttl', []],
    ['missing-title.ttl', [['error', 'dcterms:title', 'id/thesis/1.0000002']]],
    ['two-titles.ttl', [['error', 'dcterms:title', 'id/thesis/1.0000002']]],
    ['bad-doi.ttl', [['error', 'bibo:doi', 'id/thesis/1.0000002']]],
    ['no-creator.ttl', [['error', 'dcterms:creator', 'id/thesis/1.0000002']]],
    ['no-licence.ttl', [['warning', 'dcterms:license', 'id/thesis/1.0000002']]],
    ['untyped-issued.ttl', [['error', 'dcterms:issued', 'id/thesis/1.0000002']]],
    ['bad-language.ttl', [['error', 'dcterms:language', 'id/thesis/1.0000002']]],
    ['person-without-name.ttl', [['error', '-', 'id/person/1.0000002-creator-2']]],
    ['concept-without-preflabel.ttl', [['error', 'skos:prefLabel', 'id/concept/x']]],
    ['annotation-bad-offsets.ttl', [['error', 'oa:start', 'id/annotation/1.0000003-20-16#position']]],
    ['annotation-empty-span.ttl', [['error', 'oa:start', 'id/annotation/1.0000003-16-16#position']]],
    ['annotation-missing-selector.ttl', [
      ['error', 'oa:hasBody', 'id/annotation/1.0000003-16-22'],
      ['error', 'oa:hasTarget', 'id/annotation/1.0000003-16-22'],
    ]],
    ['no-type.ttl', [['error', 'dcterms:type', 'id/thesis/1.0000002']]],
    ['creator-not-person.ttl', [['error', 'dcterms:creator', 'id/thesis/1.0000002']]],
    ['supervisor-not-person.ttl', [['error', 'tl:supervisor', 'id/thesis/1.0000002']]],
    ['creator-from-authority.ttl', []],
    ['abstract-two-theses.ttl', [
      ['error', 'dcterms:isPartOf', 'id/abstract/1.0000002'],
      ['error', 'dcterms:isPartOf', 'id/abstract/1.0000002'],
    ]],
    ['abstract-not-of-thesis.ttl', [['error', 'dcterms:isPartOf', 'id/abstract/1.0000002']]],
  ])('%s', async (name, expected) => {
    expect(summary(await validator.validate(fixture(name), 'r1'))).toEqual(expected);
  });

  it.each<[string, string]>([
    ['no-type.ttl', 'a thesis needs dcterms:type dcmitype:Text'],
    ['creator-not-person.ttl', `a creator must be a schema:Person (value <${BASE}id/organization/1.0000002-affiliation-1>)`],
    ['supervisor-not-person.ttl', `a supervisor must be a schema:Person (value <${BASE}id/person/1.0000002-supervisor-1>)`],
    ['abstract-not-of-thesis.ttl', `a bibo:Thesis of the record) (value <${BASE}id/collection/ubc-theses-and-dissertations>)`],
    ['annotation-empty-span.ttl', "a position selector's start must be less than its end (value \"16\")"],
  ])('%s says why: %s', async (name, why) => {
    const [problem] = await validator.validate(fixture(name), 'r1');
    expect(problem!.message).toContain(why);
  });

  it('an authority person is a Person only when the validator reads the authority graph', async () => {
    const alone = await createValidator(BASE);
    expect(summary(await alone.validate(fixture('creator-from-authority.ttl'), 'r1'))).toEqual([['error', 'dcterms:creator', 'id/thesis/1.0000002']]);
  });

  it('an authority organisation as creator fails even with the authority graph', async () => {
    const ubc = iris.entity('organization', 'ubc');
    const quads = fixture('creator-from-authority.ttl').map((q) =>
      q.object.value.endsWith('id/person/li-yi') ? quad(q.subject, q.predicate, ubc) : q);
    expect(summary(await validator.validate(quads, 'r1'))).toEqual([['error', 'dcterms:creator', 'id/thesis/1.0000002']]);
  });

  // Constraints the old fixtures never broke, each on a changed good-minimal.ttl: what to drop, what to add.
  const thesis = iris.thesis('1.0000002');
  const concept = iris.entity('concept', 'y');
  it.each<[string, (q: Quad) => boolean, Quad[], Expected[]]>([
    ['an empty title (sh:minLength)', (q) => q.predicate.equals(dcterms('title')),
      [quad(thesis, dcterms('title'), literal(''))], [['error', 'dcterms:title', 'id/thesis/1.0000002']]],
    ['an ill-formed gYearMonth (sh:datatype reads the lexical form)', (q) => q.predicate.equals(dcterms('issued')),
      [quad(thesis, dcterms('issued'), literal('2025-13', xsd('gYearMonth')))], [['error', 'dcterms:issued', 'id/thesis/1.0000002']]],
    ['two English preferred labels (sh:uniqueLang)', () => false,
      [quad(concept, rdf('type'), skos('Concept')), quad(concept, skos('prefLabel'), literal('Y', 'en')), quad(concept, skos('prefLabel'), literal('Why', 'en'))],
      [['error', 'skos:prefLabel', 'id/concept/y']]],
  ])('finds %s', async (_name, drop, add, expected) => {
    const quads = [...fixture('good-minimal.ttl').filter((q) => !drop(q)), ...add];
    expect(summary(await validator.validate(quads, 'r1'))).toEqual(expected);
  });

  it('a missing licence is only a warning: nothing else is wrong with that record', async () => {
    const problems = await validator.validate(fixture('no-licence.ttl'), 'r1');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('reads `record id: focus node, path, message` and says where', async () => {
    const [problem] = await validator.validate(fixture('missing-title.ttl'), '1.0000002');
    expect(problem).toEqual({
      code: 'TL_ERR_SHACL',
      severity: 'error',
      message: `1.0000002: <${BASE}id/thesis/1.0000002>, dcterms:title, a thesis needs exactly one title`,
      recordId: '1.0000002',
      focusNode: `<${BASE}id/thesis/1.0000002>`,
      path: 'dcterms:title',
    });
  });

  it('names the offending value', async () => {
    const [problem] = await validator.validate(fixture('bad-doi.ttl'), '1.0000002');
    expect(problem!.message).toContain('(value "https://doi.org/10.14288/1.0000002")');
  });

  it('validates quads in a named graph as the runner holds them', async () => {
    const graph = iris.recordGraph('1.0000002');
    const inGraph = fixture('missing-title.ttl').map((q) => quad(q.subject, q.predicate, q.object, graph));
    expect(summary(await validator.validate(inGraph, 'r1'))).toEqual([['error', 'dcterms:title', 'id/thesis/1.0000002']]);
  });

  it('keeps no state between records', async () => {
    expect(await validator.validate(fixture('two-titles.ttl'), 'r1')).toHaveLength(1);
    expect(await validator.validate(fixture('good-minimal.ttl'), 'r2')).toEqual([]);
    expect(await validator.validate([], 'empty')).toEqual([]);
    expect(await validator.validate(fixture('two-titles.ttl'), 'r3')).toHaveLength(1);
  });

  it('validates records concurrently without mixing them', async () => {
    const names = ['two-titles.ttl', 'good-minimal.ttl', 'no-type.ttl', 'good-thesis.ttl'];
    const counts = await Promise.all(names.map(async (n, i) => (await validator.validate(fixture(n), `r${i}`)).length));
    expect(counts).toEqual([1, 0, 1, 0]);
  });

  it('uses the deployment base for our terms', async () => {
    const other = 'https://theses.example.org/lod/';
    const elsewhere = await createValidator(other);
    expect(await elsewhere.validate(fixture('good-thesis.ttl', other), 'r1')).toEqual([]);
    // Parsed on another base, tl:Abstract is not the class the shapes know: the abstract check fails.
    expect((await elsewhere.validate(fixture('good-thesis.ttl', BASE), 'r1')).length).toBeGreaterThan(0);
  });
});
