// /dataset: DCAT-AP 3.0.1 conformance as served (checksums and sizes added), partitions, services, the summary page, one triple count.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import rdf from '@zazuko/env-node';
import type { FastifyInstance } from 'fastify';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '../../src/core/vocab.ts';
import { builtDist, testApp } from '../helpers/app.ts';
import { parse, triplesOf, unique } from '../helpers/rdf.ts';

const B = 'http://localhost:8080/';
const SPDX = 'http://spdx.org/rdf/terms#';
const SHAPES = path.resolve('../shared/standards/dcat-ap/dcat-ap-3.0.1-SHACL.ttl');
let app: FastifyInstance;
let dist: string;
let served: Quad[];
const objectsOf = (s: string, p: string) => served.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

beforeAll(async () => {
  dist = await builtDist();
  app = await testApp({ distDir: dist });
  served = await parse((await app.inject({ url: '/dataset', headers: { accept: 'text/turtle' } })).body, 'ttl', B);
}, 180_000);
afterAll(async () => { await app?.close(); });

describe('the served dataset description', () => {
  it('gives every dump and gzip variant a distribution with media type, byte size and spdx:checksum that match the files', async () => {
    const dists = objectsOf(`${B}dataset#dataset`, `${NS.dcat}distribution`).map((o) => o.value);
    expect(dists).toHaveLength(10);
    for (const dist of dists) {
      const url = objectsOf(dist, `${NS.dcat}downloadURL`)[0]!.value;
      const bytes = await readFile(path.join(dist_(), 'dumps', url.replace(`${B}dumps/`, '')));
      expect(objectsOf(dist, `${NS.dcat}mediaType`)).toHaveLength(1);
      expect(Number(objectsOf(dist, `${NS.dcat}byteSize`)[0]!.value)).toBe(bytes.length);
      const sum = objectsOf(dist, `${SPDX}checksum`)[0]!.value;
      expect(objectsOf(sum, `${SPDX}algorithm`)[0]!.value).toBe(`${SPDX}checksumAlgorithm_sha256`);
      expect(objectsOf(sum, `${SPDX}checksumValue`)[0]!.value).toBe(createHash('sha256').update(bytes).digest('hex'));
      if (url.endsWith('.gz')) expect(objectsOf(dist, `${NS.dcat}compressFormat`)[0]!.value).toBe('https://www.iana.org/assignments/media-types/application/gzip');
    }
  });

  it('names the OAI-PMH base URL and the change feed, example resources, and class and property partitions with counts', () => {
    const services = objectsOf(`${B}dataset#dataset`, `${NS.rdfs}seeAlso`).map((o) => o.value);
    expect(services.flatMap((s) => objectsOf(s, `${NS.dcat}endpointURL`).map((o) => o.value)).sort()).toEqual([`${B}changes`, `${B}oai`]);
    expect(objectsOf(`${B}dataset#dataset`, `${NS.void}exampleResource`).map((o) => o.value)).toContain(`${B}id/thesis/1.0449833`);
    const thesisPart = objectsOf(`${B}dataset#dataset`, `${NS.void}classPartition`).find((p) => objectsOf(p.value, `${NS.void}class`)[0]?.value === `${NS.schema}Thesis`);
    expect(objectsOf(thesisPart!.value, `${NS.void}entities`)[0]!.value).toBe('1');
    expect(objectsOf(`${B}dataset#dataset`, `${NS.void}propertyPartition`).length).toBeGreaterThan(20);
  });

  describe.skipIf(!existsSync(SHAPES))('DCAT-AP 3.0.1 (skipped: ../shared/standards/dcat-ap is absent)', () => {
    it('has no sh:Violation, the served additions included', async () => {
      const shapes = new Parser().parse(readFileSync(SHAPES, 'utf8'));
      const report = await new SHACLValidator(rdf.dataset(shapes), { factory: rdf }).validate(rdf.dataset(served.map((q) => rdf.quad(q.subject, q.predicate, q.object))));
      const violations = report.results.filter((r) => r.severity?.value === `${NS.sh}Violation`)
        .map((r) => `${r.focusNode?.value} ${r.path?.value} ${r.sourceConstraintComponent?.value} ${r.value?.value ?? ''}`);
      expect(violations).toEqual([]);
      // The check is real: the checksums are in what was validated.
      expect(served.some((q) => q.predicate.value === `${SPDX}checksum`)).toBe(true);
    });
  });
});

describe('one triple count', () => {
  it('is the same on the home page, in VoID and on the dataset page, and counts the dataset\'s distinct triples without its description', async () => {
    const nq = await parse(await readFile(path.join(dist, 'dumps', 'dataset.nq'), 'utf8'), 'nq');
    const expected = unique(triplesOf(nq.filter((q) => q.graph.value !== `${B}graph/dataset`))).length;
    const inVoid = Number(objectsOf(`${B}dataset#dataset`, `${NS.void}triples`)[0]!.value);
    expect(inVoid).toBe(expected);
    const shown = expected.toLocaleString('en-US');
    expect((await app.inject('/')).body).toContain(`<strong>${shown}</strong> triples`);
    expect((await app.inject({ url: '/dataset', headers: { accept: 'text/html' } })).body).toContain(`<strong>${shown}</strong> triples`);
    // And a scholar gets the same number from /sparql with the example that documents it.
    const query = await readFile(path.resolve('sparql/examples/12-dataset-triple-count.rq'), 'utf8');
    const res = await app.inject({ method: 'POST', url: '/sparql', payload: query, headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(Number((res.json() as { results: { bindings: { triples: { value: string } }[] } }).results.bindings[0]!.triples.value)).toBe(expected);
  });
});

describe('the dataset page', () => {
  it('leads with the summary (what, how big, licence, how to get it), then the partitions as one table', async () => {
    const res = await app.inject({ url: '/dataset', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    const at = (s: string) => { const i = body.indexOf(s); expect(i, s).toBeGreaterThan(-1); return i; };
    expect(at('How big')).toBeLessThan(at('Licence'));
    expect(at('Licence')).toBeLessThan(at('How to get it'));
    expect(at('How to get it')).toBeLessThan(at('Classes and properties'));
    expect(body.match(/<table class="partitions"/g)).toHaveLength(1);
    expect(body).toContain('<code>schema:Thesis</code>');
    for (const href of ['/dumps/', '/changes', '/oai?verb=Identify', '/sparql', '/dataset.ttl']) expect(body, href).toContain(`href="${href}"`);
  });
});

function dist_(): string {
  return dist;
}
