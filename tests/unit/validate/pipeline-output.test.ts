// The validate stage on what the pipeline makes: the map output, the seed after ingest → map → link, the authority graph, and agreement with the engine it replaced.
import { beforeAll, describe, expect, it } from 'vitest';
import { map } from '../../../pipeline/map.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { createValidator, type Validator } from '../../../pipeline/validate.ts';
import { fullRecord, seedRecord, testAuthority } from '../map/helpers.ts';
import { pipelineCheck, referenceCheck } from '../../../bench/validate.ts';
import { BASE, ingestedSeed, iris, realAuthority, seedQuads } from './helpers.ts';

let authority: Authority;
let validator: Validator;
beforeAll(async () => {
  authority = await realAuthority();
  // As the runner makes it: the authority graph answers for the entities records point to.
  validator = await createValidator(BASE, { authority: authority.quads });
});

describe('validate: the map output', () => {
  it.each([
    ['the seed (hand-made)', () => map(seedRecord(), iris, testAuthority())],
    ['a fully filled record', () => map(fullRecord(), iris, testAuthority())],
  ])('%s conforms', async (_name, make) => {
    expect(await validator.validate(make(), 'r')).toEqual([]);
  });

  it('the ingested seed after map and link (real authority file, annotations) conforms', async () => {
    const record = ingestedSeed();
    const quads = seedQuads(record, authority);
    expect(quads.filter((q) => q.object.value === 'http://www.w3.org/ns/oa#Annotation').length).toBeGreaterThan(5);
    expect(await validator.validate(quads, record.id)).toEqual([]);
  });

  it('the authority graph conforms too (people and organisations named, concepts with a preferred label)', async () => {
    expect(authority.quads.length).toBeGreaterThan(0);
    expect(await validator.validate(authority.quads, 'authority')).toEqual([]);
  });

  it('a broken annotation of the real seed is found among its hundreds of quads', async () => {
    const record = ingestedSeed();
    const quads = seedQuads(record, authority);
    const end = quads.find((q) => q.predicate.value === 'http://www.w3.org/ns/oa#end')!;
    const broken = quads.filter((q) => q !== end);
    const problems = await validator.validate(broken, record.id);
    expect(problems.map((p) => [p.focusNode, p.path])).toEqual([[`<${end.subject.value}>`, 'oa:end']]);
  });

  // Speed is measured by `npm run bench -- --validate`, never asserted here (a shared machine makes timings noise).
  it('finds the same problems as rdf-validate-shacl, the engine it replaced', async () => {
    const quads = seedQuads(ingestedSeed(), authority);
    const end = quads.find((q) => q.predicate.value === 'http://www.w3.org/ns/oa#end')!;
    const broken = quads.filter((q) => q !== end);
    // Record only on both sides: the reference engine has no authority lookup.
    const [reference, current] = [await referenceCheck(BASE), await pipelineCheck(BASE)];
    for (const input of [quads, broken]) {
      expect(await current(input, '1.0449833')).toEqual(await reference(input, '1.0449833'));
    }
  });
});
