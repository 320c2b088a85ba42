// The validate stage on what the pipeline makes: the map output, the seed after ingest → map → link, the authority graph, and its speed.
import { beforeAll, describe, expect, it } from 'vitest';
import { map } from '../../../pipeline/map.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { createValidator, type Validator } from '../../../pipeline/validate.ts';
import { fullRecord, seedRecord, testAuthority } from '../map/helpers.ts';
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

  it('the ingested seed validates in a few ms per record', async () => {
    const record = ingestedSeed();
    const quads = seedQuads(record, authority);
    for (let i = 0; i < 30; i++) await validator.validate(quads, 'warm-up');
    const runs = 100;
    const start = performance.now();
    for (let i = 0; i < runs; i++) await validator.validate(quads, record.id);
    const msPerRecord = (performance.now() - start) / runs;
    console.log(`validate: ${msPerRecord.toFixed(2)} ms/record on the seed after map and link (${quads.length} quads)`);
    // rdf-validate-shacl took 15-25 ms here; shacl-engine takes 3-5 ms on a quiet machine. The bound leaves
    // room for a loaded one while still failing if validation goes back to the old cost.
    expect(msPerRecord).toBeLessThan(15);
  });
});
