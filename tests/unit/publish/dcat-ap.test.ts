// The dataset description against DCAT-AP 3.0.1's SHACL shapes (../shared/standards/dcat-ap): licence and rights of the distributions.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import rdf from '@zazuko/env-node';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { describeDataset } from '../../../pipeline/describe.ts';
import { DUMP_FORMATS } from '../../../pipeline/publish/index.ts';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';

const SHAPES = path.resolve('../shared/standards/dcat-ap/dcat-ap-3.0.1-SHACL.ttl');
const present = existsSync(SHAPES);
const iris = new Iris('http://localhost:8080/');

describe.skipIf(!present)('DCAT-AP 3.0.1 shapes on the description (skipped: ../shared/standards/dcat-ap is absent)', () => {
  it('finds nothing wrong with dcterms:license and dcterms:rights (licence documents, a rights statement resource)', async () => {
    const quads = describeDataset({
      iris, metadataLicense: 'https://creativecommons.org/publicdomain/zero/1.0/', dumps: DUMP_FORMATS, examples: [],
      counts: { triples: 1, distinctSubjects: 1, entities: 1, properties: new Map([[`${NS.dcterms}title`, 1]]), classes: new Map() },
    });
    const shapes = new Parser().parse(readFileSync(SHAPES, 'utf8'));
    const report = await new SHACLValidator(rdf.dataset(shapes), { factory: rdf }).validate(rdf.dataset(quads.map((q) => rdf.quad(q.subject, q.predicate, q.object))));
    const about = (p: string) => report.results.filter((r) => r.path?.value === `${NS.dcterms}${p}`).map((r) => `${r.focusNode?.value} ${r.sourceConstraintComponent?.value}`);
    expect(about('license')).toEqual([]);
    expect(about('rights')).toEqual([]);
    // The check is real: the distributions do carry both properties.
    expect(quads.filter((q) => q.subject.value.includes('#dump-') && /(license|rights)$/.test(q.predicate.value))).toHaveLength(DUMP_FORMATS.length * 2);
  });
});
