// The JSON-LD context: ontology/context.jsonld agrees with jsonldContext(), covers vocab.ts, and compacts our data without loss.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import { Parser, Writer, type Quad } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { prefixes } from '../../../src/core/vocab.ts';
import { DEFAULT_CONTEXT_BASE, jsonldContext, readContextFile, renderContextFile } from '../../../src/core/jsonld-context.ts';
import { map } from '../../../pipeline/map.ts';
import { fullRecord, iris, readTurtle, seedRecord, testAuthority } from './helpers.ts';

const CONTEXT_FILE = 'ontology/context.jsonld';
const ONTOLOGY_FILE = 'ontology/thesis-lod.ttl';

function nquads(quads: Quad[]): string {
  const writer = new Writer({ format: 'N-Quads' });
  writer.addQuads(quads);
  let out = '';
  writer.end((err, text) => { if (err) throw err; out = text; });
  return out;
}

async function roundTrip(quads: Quad[], base: string): Promise<{ doc: Record<string, unknown>; back: Quad[] }> {
  const context = jsonldContext(base);
  const expanded = await jsonld.fromRDF(nquads(quads), { format: 'application/n-quads' });
  const doc = (await jsonld.compact(expanded, { '@context': context } as jsonld.ContextDefinition)) as Record<string, unknown>;
  const text = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { format: 'application/n-quads' })) as unknown as string;
  return { doc, back: new Parser({ format: 'N-Quads' }).parse(text) };
}

describe('JSON-LD context', () => {
  it('ontology/context.jsonld is jsonldContext() for the default base (regenerate with renderContextFile())', () => {
    expect(readFileSync(CONTEXT_FILE, 'utf8')).toBe(renderContextFile());
    expect(readContextFile(CONTEXT_FILE)).toEqual({ '@context': jsonldContext(DEFAULT_CONTEXT_BASE) });
  });

  it.each([DEFAULT_CONTEXT_BASE, 'https://theses.example.org/lod/'])('declares every prefix of vocab.ts for base %s', (base) => {
    const context = jsonldContext(base);
    for (const [prefix, ns] of Object.entries(prefixes(base))) expect(context[prefix], prefix).toBe(ns);
    expect(context.tl).toBe(`${base}ontology#`);
  });

  it('maps tl: terms only to terms the ontology declares', () => {
    const base = DEFAULT_CONTEXT_BASE;
    const declared = new Set(readTurtle(ONTOLOGY_FILE, base).map((q) => q.subject.value));
    const used = Object.values(jsonldContext(base)).flatMap((d) => (typeof d === 'string' ? [d] : typeof d === 'object' ? [d['@id']] : []));
    const ours = used.filter((id) => id.startsWith('tl:'));
    expect(ours.length).toBeGreaterThan(5);
    for (const id of ours) expect(declared.has(`${base}ontology#${id.slice(3)}`), id).toBe(true);
  });

  it('compacts the seed to short typed terms', async () => {
    const { doc } = await roundTrip(map(seedRecord(), iris, testAuthority()), iris.base);
    const graph = doc['@graph'] as Record<string, unknown>[];
    const thesis = graph.find((node) => node.id === `${iris.base}id/thesis/1.0449833`)!;
    expect(thesis.title).toBe(seedRecord().title!.value);
    expect(thesis.issued).toBe('2025');
    expect(thesis.available).toBe('2025-08-22');
    expect(thesis.graduationDate).toBe('2025-11');
    expect(thesis.license).toBe('https://creativecommons.org/licenses/by-nc-nd/4.0/');
    expect(thesis.language).toBe('iso639:eng');
    expect(thesis.authorList).toEqual([`${iris.base}id/person/li-yi`]);
    expect(thesis.type).toEqual(['Thesis', 'bibo:Thesis']);
  });

  it.each([
    ['the seed', () => map(seedRecord(), iris, testAuthority())],
    ['a full record', () => map(fullRecord(), iris, testAuthority())],
  ])('loses nothing on %s: RDF → compacted JSON-LD → RDF is isomorphic', async (_name, make) => {
    const quads = make();
    const { back } = await roundTrip(quads, iris.base);
    expect(back.length).toBe(quads.length);
    expect(isomorphic(back, quads)).toBe(true);
  });
});
