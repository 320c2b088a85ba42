// The collection a record belongs to: a dcmitype:Collection resource with an id from a small table.
import type { NamedNode } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, rdfs, dcterms, dcmitype, schema } from '../../src/core/vocab.ts';
import type { Emitter } from './emit.ts';
import { slugify } from './slug.ts';

// Collection ids are assigned here once (like authority ids), so renaming a collection changes no IRI.
// A collection not in the table gets the slug of its name (documented in README), until it is added here.
const COLLECTIONS: { id: string; names: string[] }[] = [
  { id: 'ubc-theses-and-dissertations', names: ['UBC Theses and Dissertations'] },
  { id: 'ubc-retrospective-theses-digitization-project', names: ['UBC Retrospective Theses Digitization Project'] },
];

const BY_NAME = new Map<string, string>(COLLECTIONS.flatMap((c) => c.names.map((n) => [n.toLowerCase(), c.id] as [string, string])));

/** The collection id for a name: from the table, else its slug; undefined when neither gives one. */
export function collectionId(name: string): string | undefined {
  return BY_NAME.get(name.trim().toLowerCase()) ?? slugify(name);
}

/** Writes the collection resource (types and name) and returns its IRI, or undefined for a name that makes no id. */
export function emitCollection(out: Emitter, iris: Iris, name: string): NamedNode | undefined {
  const id = collectionId(name);
  if (!id) return undefined;
  const node = iris.collection(id);
  out.add(node, rdf('type'), dcmitype('Collection'));
  out.add(node, rdf('type'), schema('Collection'));
  out.text(node, dcterms('title'), name);
  out.text(node, schema('name'), name);
  out.text(node, rdfs('label'), name);
  return node;
}
