// The thesis page's schema.org JSON-LD against schema.org's own definitions (@vocabulary/schema): every type and property exists, each property is used on a type of its domain, each embedded node is of a type its range allows.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { testApp } from '../helpers/app.ts';
import { catalogDist } from './resolve-dist.ts';

const S = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const SUBCLASS = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

/** schema.org as the tests read it: classes with their superclasses, properties with domains and ranges. */
interface Vocabulary {
  classes: Map<string, Set<string>>;
  domains: Map<string, Set<string>>;
  ranges: Map<string, Set<string>>;
}

async function vocabulary(): Promise<Vocabulary> {
  const file = createRequire(import.meta.url).resolve('@vocabulary/schema/schema.nq');
  const quads = new Parser({ format: 'N-Quads' }).parse(await readFile(file, 'utf8'));
  const classes = new Map<string, Set<string>>();
  const domains = new Map<string, Set<string>>();
  const ranges = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v?: string) => { if (!m.has(k)) m.set(k, new Set()); if (v) m.get(k)!.add(v); };
  for (const q of quads) {
    const [s, p, o] = [q.subject.value, q.predicate.value, q.object.value];
    if (p === RDF_TYPE && (o === 'http://www.w3.org/2000/01/rdf-schema#Class' || o === `${S}DataType`)) add(classes, s);
    if (p === SUBCLASS) add(classes, s, o);
    if (p === RDF_TYPE && o === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#Property') add(domains, s);
    if (p === `${S}domainIncludes`) add(domains, s, o);
    if (p === `${S}rangeIncludes`) add(ranges, s, o);
  }
  return { classes, domains, ranges };
}

/** A class and all its superclasses. */
function ancestors(v: Vocabulary, type: string): Set<string> {
  const out = new Set<string>();
  const todo = [type];
  while (todo.length) {
    const t = todo.pop()!;
    if (out.has(t)) continue;
    out.add(t);
    for (const up of v.classes.get(t) ?? []) todo.push(up);
  }
  return out;
}

/** Every problem of an expanded node tree: unknown types and properties, a property off its domain, a node outside its range. */
function problems(v: Vocabulary, node: Record<string, unknown>, path = '$'): string[] {
  const out: string[] = [];
  const types = ((node['@type'] as string[] | undefined) ?? []);
  for (const t of types) if (!v.classes.has(t)) out.push(`${path}: no type ${t} in schema.org`);
  const all = new Set(types.flatMap((t) => [...ancestors(v, t)]));
  for (const [key, values] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    if (!v.domains.has(key)) {
      out.push(`${path}: no property ${key} in schema.org`);
      continue;
    }
    const domain = v.domains.get(key)!;
    if (types.length && ![...domain].some((d) => all.has(d))) out.push(`${path}: ${key} is not a property of ${types.join(', ')} (its domain: ${[...domain].join(', ')})`);
    for (const [i, value] of (values as Record<string, unknown>[]).entries()) {
      const inner = value['@type'] as string[] | undefined;
      if (inner?.length) {
        const range = v.ranges.get(key) ?? new Set();
        const innerAll = new Set(inner.flatMap((t) => [...ancestors(v, t)]));
        if (![...range].some((r) => innerAll.has(r))) out.push(`${path}.${key}[${i}]: a ${inner.join(', ')} is outside ${key}'s range (${[...range].join(', ')})`);
        out.push(...problems(v, value, `${path}.${key}[${i}]`));
      }
    }
  }
  return out;
}

let app: FastifyInstance;
let vocab: Vocabulary;

beforeAll(async () => {
  [app, vocab] = await Promise.all([catalogDist().then((distDir) => testApp({ distDir })), vocabulary()]);
});
afterAll(async () => app?.close());

/** The thesis node of a page's JSON-LD block, expanded (inline context: nothing fetched). */
async function thesisNode(id: string): Promise<{ compact: Record<string, unknown>; expanded: Record<string, unknown> }> {
  const res = await app.inject({ url: `/doc/thesis/${id}`, headers: { accept: 'text/html' } });
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)?.[1];
  expect(block, 'the page embeds JSON-LD').toBeDefined();
  const compact = JSON.parse(block!) as Record<string, unknown>;
  const [expanded] = await jsonld.expand(compact, { documentLoader: async (url: string) => { throw new Error(`fetched ${url}`); } } as unknown as jsonld.Options.Expand);
  return { compact, expanded: expanded as Record<string, unknown> };
}

describe('schema.org JSON-LD of thesis pages', () => {
  it('the vocabulary is read (a check that could not fail otherwise)', () => {
    expect(vocab.classes.has(`${S}Thesis`)).toBe(true);
    expect([...vocab.domains.get(`${S}inSupportOf`)!]).toEqual([`${S}Thesis`]);
    expect(problems(vocab, { '@type': [`${S}Person`], [`${S}inSupportOf`]: [{ '@value': 'PhD' }] })).toHaveLength(1);
    expect(problems(vocab, { '@type': [`${S}Thesis`], [`${S}colour`]: [{ '@value': 'red' }] })).toHaveLength(1);
  });

  it.each(['1.0449833', '1.0412345', '1.0435001', '1.0435002'])('thesis %s: every type and property is schema.org\'s and used on its domain', async (id) => {
    const { expanded } = await thesisNode(id);
    expect(problems(vocab, expanded)).toEqual([]);
  });

  it('is completed from the data: sourceOrganization, inSupportOf, educationalLevel, url, the DOI as a PropertyValue', async () => {
    const { compact } = await thesisNode('1.0412345');
    expect(compact.inSupportOf).toBe('Doctor of Philosophy - PhD');
    expect(compact.educationalLevel).toBe('Doctoral');
    expect(compact.sourceOrganization).toBeDefined();
    expect(compact.url).toBe('http://localhost:8080/doc/thesis/1.0412345');
    expect(compact.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'DOI', value: '10.14288/1.0412345', url: 'https://doi.org/10.14288/1.0412345' });
    const withPage = await thesisNode('1.0435002');
    expect(withPage.compact.url).toBe('https://open.library.ubc.ca/collections/ubctheses/24/items/1.0435002');
  });
});
