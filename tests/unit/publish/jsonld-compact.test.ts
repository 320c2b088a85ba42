// The JSON-LD writer's compaction against jsonld.js's fromRDF + compact (what the dump used before): the same node objects, key for key.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { DataFactory, Parser, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';
import { jsonldContext } from '../../../src/core/jsonld-context.ts';
import { JsonLdCompactor, type JsonLdContext } from '../../../src/core/jsonld-compact.ts';
import { refuseRemoteContexts } from '../../../pipeline/publish/jsonld-dump.ts';
import { runBuild } from '../../../pipeline/run.ts';
import { isomorphic, parse, triplesOf } from '../../helpers/rdf.ts';
import { makeDataDir, SEED_TEXT, variant } from '../run/data-dir.ts';

const { quad, namedNode, blankNode, literal, defaultGraph } = DataFactory;
const BASE = 'http://localhost:8080/';
const context = jsonldContext(BASE);
const compactor = new JsonLdCompactor(context);
const FIXTURE = path.join(import.meta.dirname, '../../fixtures/publish/graphs.trig');

/** jsonld.js's node objects for the same triples: fromRDF, then compact against the context. */
async function reference(quads: readonly Quad[], ctx: JsonLdContext = context): Promise<Record<string, unknown>[]> {
  const triples = quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
  const expanded = await jsonld.fromRDF(triples as unknown as object);
  const options = { documentLoader: refuseRemoteContexts, skipExpansion: true } as unknown as jsonld.Options.Compact;
  const compacted = (await jsonld.compact(expanded, { '@context': ctx } as jsonld.ContextDefinition, options)) as Record<string, unknown>;
  delete compacted['@context'];
  if (Array.isArray(compacted['@graph'])) return compacted['@graph'] as Record<string, unknown>[];
  return Object.keys(compacted).length > 0 ? [compacted] : [];
}

/** Every named graph of a TriG or N-Quads text. */
function graphsOf(quads: Quad[]): Quad[][] {
  const by = new Map<string, Quad[]>();
  for (const q of quads) by.set(q.graph.value, [...(by.get(q.graph.value) ?? []), q]);
  return [...by.values()];
}

const s = (local: string) => namedNode(`${BASE}id/thing/${local}`);
const p = (iri: string) => namedNode(iri);
const rdf = (l: string) => namedNode(`http://www.w3.org/1999/02/22-rdf-syntax-ns#${l}`);
const bibo = (l: string) => namedNode(`http://purl.org/ontology/bibo/${l}`);
const dct = (l: string) => namedNode(`http://purl.org/dc/terms/${l}`);
const xsd = (l: string) => namedNode(`http://www.w3.org/2001/XMLSchema#${l}`);

// Small graphs for each rule of the algorithms: term selection by datatype and language, lists and what stops one folding.
const CASES: [string, Quad[]][] = [
  ['a typed literal that fits its term, and one that does not', [quad(s('a'), dct('issued'), literal('2025', xsd('gYear'))), quad(s('a'), dct('issued'), literal('2025-01-01T00:00:00Z', xsd('dateTime')))]],
  ['plain, tagged and typed literals on a simple term', [quad(s('a'), dct('title'), literal('T')), quad(s('a'), dct('title'), literal('Tt', 'en-CA')), quad(s('a'), dct('title'), literal('1', xsd('integer')))]],
  ['several types, one of them a term', [quad(s('a'), rdf('type'), p('http://schema.org/Thesis')), quad(s('a'), rdf('type'), bibo('Thesis')), quad(s('a'), rdf('type'), p('http://unknown.example/C'))]],
  ['IRIs as @id values: a prefix, no prefix, a prefix IRI itself', [quad(s('a'), dct('license'), p('http://schema.org/x')), quad(s('a'), dct('license'), p('https://creativecommons.org/licenses/by/4.0/')), quad(s('a'), dct('license'), p('http://schema.org/'))]],
  ['an object that is a term’s IRI, on a property without a term', [quad(s('a'), p('http://unknown.example/p'), p('http://schema.org/Thesis')), quad(s('a'), p('http://unknown.example/p'), s('b'))]],
  ['a literal on an @id-typed term', [quad(s('a'), dct('creator'), literal('Li, Yi')), quad(s('a'), dct('creator'), s('li'))]],
  ['a list on a @list term', [quad(s('a'), bibo('authorList'), blankNode('l0')), quad(blankNode('l0'), rdf('first'), s('x')), quad(blankNode('l0'), rdf('rest'), blankNode('l1')), quad(blankNode('l1'), rdf('first'), s('y')), quad(blankNode('l1'), rdf('rest'), rdf('nil'))]],
  ['an empty list', [quad(s('a'), bibo('authorList'), rdf('nil'))]],
  ['a list of literals on a property without a list term', [quad(s('a'), p('http://unknown.example/seq'), blankNode('l0')), quad(blankNode('l0'), rdf('first'), literal('one')), quad(blankNode('l0'), rdf('rest'), rdf('nil'))]],
  ['a list node typed rdf:List', [quad(s('a'), bibo('authorList'), blankNode('l0')), quad(blankNode('l0'), rdf('type'), rdf('List')), quad(blankNode('l0'), rdf('first'), s('x')), quad(blankNode('l0'), rdf('rest'), rdf('nil'))]],
  ['a list node with another statement (not folded)', [quad(s('a'), bibo('authorList'), blankNode('l0')), quad(blankNode('l0'), rdf('first'), s('x')), quad(blankNode('l0'), rdf('rest'), rdf('nil')), quad(blankNode('l0'), dct('title'), literal('odd'))]],
  ['a list node referenced twice (not folded)', [quad(s('a'), bibo('authorList'), blankNode('l0')), quad(s('b'), bibo('authorList'), blankNode('l0')), quad(blankNode('l0'), rdf('first'), s('x')), quad(blankNode('l0'), rdf('rest'), rdf('nil'))]],
  ['blank nodes as subjects and objects, sorted among IRIs', [quad(blankNode('z'), dct('title'), literal('Z')), quad(s('a'), dct('publisher'), blankNode('z')), quad(p('http://A.example/x'), dct('title'), literal('upper'))]],
  ['a node with nothing but an @id reference is left out', [quad(s('a'), dct('isPartOf'), s('b'))]],
];

describe('JsonLdCompactor: the same node objects as jsonld.js', () => {
  it.each(CASES)('%s', async (_name, quads) => {
    expect(compactor.nodes(quads)).toEqual(await reference(quads));
    expect(JSON.stringify(compactor.nodes(quads))).toBe(JSON.stringify(await reference(quads)));
  });

  it('on every graph of the publish fixture', async () => {
    const quads = new Parser({ format: 'TriG' }).parse(await readFile(FIXTURE, 'utf8'));
    for (const graph of graphsOf(quads)) expect(JSON.stringify(compactor.nodes(graph))).toBe(JSON.stringify(await reference(graph)));
  });

  describe('on every graph a build writes (ontology, authority, records, description)', () => {
    let tmp: string;
    let graphs: Quad[][];
    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'jsonld-compact-'));
      const dataDir = await makeDataDir(path.join(tmp, 'data'), { 'a.txt': SEED_TEXT, 'b.txt': variant({ id: '1.9000001', noRights: true }) });
      await runBuild(loadConfig({ dataDir, distDir: path.join(tmp, 'dist'), stateDir: path.join(tmp, 'state') }, {}), { buildDate: '2025-09-01', progress: false });
      graphs = graphsOf(new Parser({ format: 'N-Quads' }).parse(await readFile(path.join(tmp, 'dist/dumps/dataset.nq'), 'utf8')));
    });
    afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

    it('node for node, key for key', async () => {
      expect(graphs.length).toBe(5);
      for (const graph of graphs) expect(JSON.stringify(compactor.nodes(graph))).toBe(JSON.stringify(await reference(graph)));
    });
  });

  it('puts a second list of a @list term under the compact IRI, where jsonld.js would overwrite the first', async () => {
    const quads = [
      quad(s('a'), bibo('authorList'), blankNode('l0')), quad(blankNode('l0'), rdf('first'), s('x')), quad(blankNode('l0'), rdf('rest'), rdf('nil')),
      quad(s('a'), bibo('authorList'), blankNode('m0')), quad(blankNode('m0'), rdf('first'), s('y')), quad(blankNode('m0'), rdf('rest'), rdf('nil')),
    ];
    const [node] = compactor.nodes(quads);
    expect(node).toEqual({ id: s('a').value, authorList: [s('x').value], 'bibo:authorList': { '@list': [{ id: s('y').value }] } });
    const doc = JSON.stringify({ '@context': context, '@graph': [node] });
    expect(isomorphic(await parse(doc, 'jsonld'), triplesOf(quads))).toBe(true);
  });

  it.each([
    ['a default language', { '@language': 'en' }],
    ['@vocab', { '@vocab': 'http://schema.org/' }],
    ['a language map', { names: { '@id': 'http://schema.org/name', '@container': '@language' } }],
    ['a reverse property', { knownBy: { '@reverse': 'http://schema.org/knows' } }],
    ['a compact-IRI term', { 'schema:x': 'http://schema.org/x' }],
  ])('refuses a context with %s rather than write what jsonld.js would not', (_name, extra) => {
    expect(() => new JsonLdCompactor({ ...context, ...extra })).toThrow(/JSON-LD writer/);
  });
});
