// The rewrite onto a store generation: graph names under its prefix, the default graph its group, ?g bound to the dataset's names, nothing else named.
import { describe, expect, it } from 'vitest';
import sparqljs from 'sparqljs';
import { DataFactory } from 'n3';
import { Generation, publicIri } from '../../../src/store-external/generation.ts';
import { bindTerms, toStoreQuery, withValues } from '../../../src/store-external/rewrite.ts';

const gen = new Generation('g1');
const G = 'http://localhost:8080/graph/thesis/1';
const rewrite = (q: string, dataset?: { defaults: string[]; named: string[] }) =>
  toStoreQuery(new sparqljs.Parser().parse(q), gen, dataset && { defaults: dataset.defaults.map((d) => DataFactory.namedNode(d)), named: dataset.named.map((d) => DataFactory.namedNode(d)) });

describe('toStoreQuery', () => {
  it.each([
    ['no dataset: each default-graph triple pattern matches in a graph of the generation', 'SELECT * WHERE { ?s ?p ?o . ?o ?q ?r }', ['GRAPH ?tlStoreGraph1 { ?s ?p ?o. }', 'GRAPH ?tlStoreGraph2 { ?o ?q ?r. }', 'STRSTARTS(STR(?tlStoreGraph2), "urn:x-thesis-lod:gen:g1:")'], ['FROM']],
    ['no dataset, a property path (it may cross graphs): the default graph is the generation\'s group', 'SELECT * WHERE { ?s <http://x/p>/<http://x/q> ?o }', ['FROM <urn:x-thesis-lod:gen:g1>'], ['FROM NAMED', 'GRAPH']],
    ['FROM names the generation\'s graph', `SELECT * FROM <${G}> WHERE { ?s ?p ?o }`, [`FROM <urn:x-thesis-lod:gen:g1:${G}>`], ['FROM <urn:x-thesis-lod:gen:g1>\n']],
    ['FROM NAMED alone: an empty default graph', `SELECT * FROM NAMED <${G}> WHERE { GRAPH ?g { ?s ?p ?o } }`, ['FROM <urn:x-thesis-lod:empty>', `FROM NAMED <urn:x-thesis-lod:gen:g1:${G}>`], []],
    ['GRAPH <g> through a hidden variable equal to the generation\'s graph', `SELECT * WHERE { GRAPH <${G}> { ?s ?p ?o } }`, ['GRAPH ?tlStoreGraph1', `(?tlStoreGraph1 = <urn:x-thesis-lod:gen:g1:${G}>)`], [`GRAPH <${G}>`]],
    ['GRAPH ?g kept to the generation and bound to the public name', 'SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }', ['STRSTARTS(STR(?tlStoreGraph1), "urn:x-thesis-lod:gen:g1:")', 'BIND(IRI(SUBSTR(STR(?tlStoreGraph1), 25 )) AS ?g)'], ['GRAPH ?g']],
    ['GRAPH inside EXISTS, OPTIONAL and a subquery', 'SELECT * WHERE { OPTIONAL { GRAPH ?a { ?s ?p ?o } } FILTER EXISTS { GRAPH ?b { ?s ?p ?o } } { SELECT ?s WHERE { GRAPH ?c { ?s ?p ?o } } } }', ['tlStoreGraph1', 'tlStoreGraph2', 'tlStoreGraph3'], ['GRAPH ?a', 'GRAPH ?b', 'GRAPH ?c']],
  ])('%s', (_name, query, present, absent) => {
    const text = rewrite(query);
    for (const p of present) expect(text).toContain(p);
    for (const a of absent) expect(text).not.toContain(a);
  });

  it('the protocol\'s dataset replaces the query\'s own', () => {
    const text = rewrite(`SELECT * FROM <http://elsewhere/x> WHERE { ?s ?p ?o }`, { defaults: [G], named: [] });
    expect(text).toContain(`FROM <urn:x-thesis-lod:gen:g1:${G}>`);
    expect(text).not.toContain('http://elsewhere');
  });

  it('a substring offset that lands on the public name', () => {
    const stored = gen.graph(G).value;
    expect(stored.slice(gen.prefix.length)).toBe(G);
    expect(publicIri(stored)).toBe(G);
    expect(publicIri(G)).toBe(G);
    expect(gen.prefix.length + 1).toBe(25);
  });

  it('binds values through the tree: a literal cannot break out, an IRI no IRIREF may hold is refused', () => {
    const q = new sparqljs.Parser().parse('ASK WHERE { ?s ?p ?o }');
    const text = new sparqljs.Generator().stringify(withValues(q, 'p', [DataFactory.literal('"} ; DROP ALL ; #')]));
    expect((new sparqljs.Parser().parse(text) as sparqljs.AskQuery).where).toHaveLength(2);
    expect(() => bindTerms(q, { s: DataFactory.namedNode('http://x/a> ?p ?o } ; DROP ALL ; #') })).toThrow(/not an IRI/);
    expect(() => withValues(q, 's', [DataFactory.namedNode('http://x/a b')])).toThrow(/not an IRI/);
  });
});
