// The validate stage: SHACL shapes on good and bad fixtures, on the map output, message format, and speed per record.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataFactory, Parser, type Quad } from 'n3';
import { createValidator, type Validator } from '../../../pipeline/validate.ts';
import { map } from '../../../pipeline/map.ts';
import { readUbcOcText } from '../../../pipeline/ingest/ubc-oc-text.ts';
import type { Problem } from '../../../src/core/errors.ts';
import { Iris } from '../../../src/core/iri.ts';
import { fullRecord, seedRecord, testAuthority } from '../map/helpers.ts';
import { loadAuthority } from '../../../pipeline/authority.ts';
import { createLinker } from '../../../pipeline/link.ts';

const BASE = 'http://localhost:8080/';
const iris = new Iris(BASE);
const fixture = (name: string, base = BASE): Quad[] =>
  new Parser({ baseIRI: base }).parse(readFileSync(`tests/fixtures/shacl/${name}`, 'utf8'));

/** What a test expects of a problem: severity, path as messages show it, and the end of the focus node. */
type Expected = [severity: Problem['severity'], path: string, focusEnds: string];
const summary = (problems: Problem[]): Expected[] =>
  problems.map((p) => [p.severity, p.path ?? '', (p.focusNode ?? '').replace(/^<|>$/g, '').replace(BASE, '')] as Expected)
    .sort((a, b) => a.join().localeCompare(b.join()));

let validator: Validator;
beforeAll(async () => { validator = await createValidator(BASE); });

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
    ['annotation-missing-selector.ttl', [
      ['error', 'oa:hasBody', 'id/annotation/1.0000003-16-22'],
      ['error', 'oa:hasTarget', 'id/annotation/1.0000003-16-22'],
    ]],
  ])('%s', (name, expected) => {
    expect(summary(validator.validate(fixture(name), 'r1'))).toEqual(expected);
  });

  it('a missing licence is only a warning: nothing else is wrong with that record', () => {
    const problems = validator.validate(fixture('no-licence.ttl'), 'r1');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems).toHaveLength(1);
  });

  it('reads `record id: focus node, path, message` and says where', () => {
    const [problem] = validator.validate(fixture('missing-title.ttl'), '1.0000002');
    expect(problem).toEqual({
      code: 'TL_ERR_SHACL',
      severity: 'error',
      message: `1.0000002: <${BASE}id/thesis/1.0000002>, dcterms:title, a thesis needs exactly one title`,
      recordId: '1.0000002',
      focusNode: `<${BASE}id/thesis/1.0000002>`,
      path: 'dcterms:title',
    });
  });

  it('names the offending value', () => {
    const [problem] = validator.validate(fixture('bad-doi.ttl'), '1.0000002');
    expect(problem!.message).toContain('(value "https://doi.org/10.14288/1.0000002")');
  });

  it('validates quads in a named graph as the runner holds them', () => {
    const graph = iris.recordGraph('1.0000002');
    const inGraph = fixture('missing-title.ttl').map((q) => DataFactory.quad(q.subject, q.predicate, q.object, graph));
    expect(summary(validator.validate(inGraph, 'r1'))).toEqual([['error', 'dcterms:title', 'id/thesis/1.0000002']]);
  });

  it('keeps no state between records', () => {
    expect(validator.validate(fixture('two-titles.ttl'), 'r1')).toHaveLength(1);
    expect(validator.validate(fixture('good-minimal.ttl'), 'r2')).toEqual([]);
    expect(validator.validate([], 'empty')).toEqual([]);
  });

  it('uses the deployment base for our terms', async () => {
    const other = 'https://theses.example.org/lod/';
    const elsewhere = await createValidator(other);
    expect(elsewhere.validate(fixture('good-thesis.ttl', other), 'r1')).toEqual([]);
    // Parsed on another base, tl:Abstract is not the class the shapes know: the abstract check fails.
    expect(elsewhere.validate(fixture('good-thesis.ttl', BASE), 'r1').length).toBeGreaterThan(0);
  });
});

describe('validate: the map output', () => {
  it.each([
    ['the seed (hand-made)', () => map(seedRecord(), iris, testAuthority())],
    ['a fully filled record', () => map(fullRecord(), iris, testAuthority())],
  ])('%s conforms', (_name, make) => {
    expect(validator.validate(make(), 'r')).toEqual([]);
  });

  it('the ingested seed after map and link (real authority file, annotations) conforms', async () => {
    const ingested = readUbcOcText({ bytes: readFileSync('data/records/000_c3e6baa23fe2ff11.txt'), file: 'records/000_c3e6baa23fe2ff11.txt' });
    if (!ingested.ok) throw new Error('seed not ingested');
    const authority = await loadAuthority('data', iris);
    const quads = [...map(ingested.record, iris, authority), ...createLinker(authority, iris).link(ingested.record)];
    expect(quads.filter((q) => q.object.value === 'http://www.w3.org/ns/oa#Annotation').length).toBeGreaterThan(5);
    expect(validator.validate(quads, ingested.record.id)).toEqual([]);
  });

  it('the authority graph conforms too (people and organisations named, concepts with a preferred label)', async () => {
    const authority = await loadAuthority('data', iris);
    expect(authority.quads.length).toBeGreaterThan(0);
    expect(validator.validate(authority.quads, 'authority')).toEqual([]);
  });

  it('the ingested seed conforms, and validation takes a few ms per record', () => {
    const ingested = readUbcOcText({ bytes: readFileSync('data/records/000_c3e6baa23fe2ff11.txt'), file: 'records/000_c3e6baa23fe2ff11.txt' });
    if (!ingested.ok) throw new Error('seed not ingested');
    const quads = map(ingested.record, iris, testAuthority());
    expect(validator.validate(quads, ingested.record.id)).toEqual([]);
    for (let i = 0; i < 50; i++) validator.validate(quads, 'warm-up');
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i++) validator.validate(quads, ingested.record.id);
    const msPerRecord = (performance.now() - start) / runs;
    console.log(`validate: ${msPerRecord.toFixed(2)} ms/record on the seed (${quads.length} quads)`);
    expect(msPerRecord).toBeLessThan(25);
  });
});
