// The five dumps: each parsed back with a real parser and compared by isomorphism; checksums, graphs, determinism.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataFactory, Parser, type NamedNode, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Iris } from '../../../src/core/iri.ts';
import { jsonldContext } from '../../../src/core/jsonld-context.ts';
import { blankPrefix, canonicalize } from '../../../pipeline/publish/canonical.ts';
import { DumpFile } from '../../../pipeline/publish/dump-file.ts';
import { DUMP_FORMATS, Publisher, dumpsDir } from '../../../pipeline/publish/index.ts';
import { RECORD, SHARED } from '../../../pipeline/publish/union.ts';
import { readAllDumps, type DumpExt } from './read-dumps.ts';
import { isomorphic, triplesOf, unique } from '../../helpers/rdf.ts';

const { namedNode } = DataFactory;
const BASE = 'http://localhost:8080/';
const iris = new Iris(BASE);
const FIXTURE = path.join(import.meta.dirname, '../../fixtures/publish/graphs.trig');

/** The fixture's graphs, canonical, in file order: authority first, then the records. */
async function fixtureGraphs(): Promise<{ graph: NamedNode; quads: Quad[]; recordId?: string }[]> {
  const quads = new Parser({ format: 'TriG' }).parse(await readFile(FIXTURE, 'utf8'));
  const names = [...new Set(quads.map((q) => q.graph.value))];
  return names.map((name) => {
    const graph = namedNode(name);
    const recordId = name.startsWith(`${BASE}graph/thesis/`) ? name.slice(`${BASE}graph/thesis/`.length) : undefined;
    const prefix = recordId ? blankPrefix('r', recordId) : blankPrefix('g', 'authority');
    return { graph, recordId, quads: canonicalize(quads.filter((q) => q.graph.value === name), graph, prefix) };
  });
}

async function publishFixture(distDir: string) {
  const publisher = await Publisher.open(distDir, iris, jsonldContext(BASE));
  const graphs = await fixtureGraphs();
  for (const { graph, quads, recordId } of graphs) await publisher.publish(graph, quads, recordId ? RECORD : SHARED);
  return { graphs, dumps: await publisher.close(), counts: publisher.counts() };
}

describe('publish: the five dumps', () => {
  let tmp: string;
  let result: Awaited<ReturnType<typeof publishFixture>>;
  let read: Awaited<ReturnType<typeof readAllDumps>>;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'publish-'));
    result = await publishFixture(path.join(tmp, 'a'));
    read = await readAllDumps(dumpsDir(path.join(tmp, 'a')));
  });
  afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

  it('keeps every input graph whole in the N-Quads, one named graph each', () => {
    for (const { graph, quads } of result.graphs) {
      expect(isomorphic(read.nq.filter((q) => q.graph.equals(graph)), quads), graph.value).toBe(true);
    }
    expect(new Set(read.nq.map((q) => q.graph.value))).toEqual(new Set(result.graphs.map((g) => g.graph.value)));
  });

  it.each(['ttl', 'nt', 'jsonld', 'rdf'] as const)('%s parses back isomorphic to the union of the graphs', (ext: DumpExt) => {
    const expected = triplesOf(result.graphs.flatMap((g) => g.quads));
    expect(read[ext].every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
    expect(isomorphic(read[ext], expected)).toBe(true);
  });

  it('writes a statement of the authority graph that both records repeat once in the triple dumps (and once per graph in the N-Quads)', async () => {
    const nt = await readFile(path.join(dumpsDir(path.join(tmp, 'a')), 'dataset.nt'), 'utf8');
    const line = `<${BASE}id/collection/ubc-theses> <http://www.w3.org/2000/01/rdf-schema#label> "UBC Theses and Dissertations"@en .`;
    expect(nt.split('\n').filter((l) => l === line)).toHaveLength(1);
    expect(read.nq.filter((q) => q.subject.value === `${BASE}id/collection/ubc-theses` && q.predicate.value.endsWith('label'))).toHaveLength(3);
    expect(read.nt).toHaveLength(unique(read.nt).length);
  });

  it('keeps literals byte for byte through every syntax (typographic quotes, CR LF, astral characters)', () => {
    const title = 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)';
    const description = 'First paragraph with “quotes” & <markup> ]]> and a tab\there.\nSecond paragraph.\r\nThird after CRLF.';
    for (const ext of ['ttl', 'nt', 'nq', 'jsonld', 'rdf'] as const) {
      const values = read[ext].filter((q) => q.object.termType === 'Literal').map((q) => q.object.value);
      expect(values, ext).toContain(title);
      expect(values, ext).toContain(description);
      expect(values, ext).toContain('An astral 𝄞 clef, a ZWJ 👩‍🔬 and "straight quotes"');
    }
  });

  it('writes a sha256sum line beside each dump that matches its bytes', async () => {
    expect(result.dumps.map((d) => d.ext)).toEqual(DUMP_FORMATS.map((f) => f.ext));
    for (const dump of result.dumps) {
      const bytes = await readFile(dump.file);
      const hex = createHash('sha256').update(bytes).digest('hex');
      expect(await readFile(dump.checksumFile, 'utf8')).toBe(`${hex}  dataset.${dump.ext}\n`);
      expect(dump.bytes).toBe(bytes.length);
    }
  });

  it('inlines the JSON-LD context (an object, not a URL) in one top-level document', async () => {
    const doc = JSON.parse(await readFile(path.join(dumpsDir(path.join(tmp, 'a')), 'dataset.jsonld'), 'utf8'));
    expect(Object.keys(doc)).toEqual(['@context', '@graph']);
    expect(typeof doc['@context']).toBe('object');
    expect(doc['@context'].tl).toBe(`${BASE}ontology#`);
  });

  it('declares our prefixes in Turtle and every namespace (one outside our prefixes too) up front in RDF/XML', async () => {
    const dir = dumpsDir(path.join(tmp, 'a'));
    expect(await readFile(path.join(dir, 'dataset.ttl'), 'utf8')).toMatch(/^@prefix rdf: <[^>]+>\.\n[^]*@prefix tl: <http:\/\/localhost:8080\/ontology#>\./);
    const xml = await readFile(path.join(dir, 'dataset.rdf'), 'utf8');
    const root = xml.slice(0, xml.indexOf('>', xml.indexOf('<rdf:RDF')));
    expect(root).toContain('xmlns:dcterms="http://purl.org/dc/terms/"');
    expect(root).toMatch(/xmlns:\w+="http:\/\/unknown\.example\/ns\/"/);
    expect(xml.match(/<rdf:RDF\b/g)).toHaveLength(1);
  });

  it('counts the union for VoID: triples, subjects, classes, properties', () => {
    const union = triplesOf(result.graphs.flatMap((g) => g.quads));
    expect(result.counts.triples).toBe(union.length);
    const subjects = new Set(union.map((q) => `${q.subject.termType}${q.subject.value}`));
    expect(result.counts.distinctSubjects).toBe(subjects.size);
    expect(result.counts.classes.get('http://schema.org/Thesis')).toBe(2);
    expect(result.counts.classes.get('http://schema.org/Collection')).toBe(1);
    expect(result.counts.properties.get('http://www.w3.org/2000/01/rdf-schema#label')).toBe(union.filter((q) => q.predicate.value.endsWith('#label')).length);
  });

  it('writes byte-identical dumps for the same graphs', async () => {
    const again = await publishFixture(path.join(tmp, 'b'));
    for (const [i, dump] of again.dumps.entries()) {
      expect(dump.sha256, dump.ext).toBe(result.dumps[i]!.sha256);
      expect(await readFile(dump.file)).toEqual(await readFile(result.dumps[i]!.file));
    }
  });
});

describe('DumpFile', () => {
  it('rejects instead of hanging when the file cannot be written', async () => {
    const dump = new DumpFile(path.join(os.tmpdir(), 'no-such-dir-for-thesis-lod', 'x.nt'));
    await expect((async () => {
      for (let i = 0; i < 10_000; i += 1) await dump.write('x'.repeat(1024));
      await dump.close();
    })()).rejects.toThrow(/ENOENT/);
  });
});
