// The authority file's degrees and collections: checks, lookups by the names records give them, and their triples.
import { DataFactory, type NamedNode, type Quad_Object } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { bibo, dcmitype, dcterms, rdf, rdfs, schema, skos, vivo } from '../../src/core/vocab.ts';
import type { AuthorityCollection, AuthorityDegree, Label } from '../types.ts';
import { labelLiteral } from '../map/emit.ts';
import { normaliseLabel } from './normalise.ts';
import type { AuthorityFileEntries, CollectionEntry, DegreeEntry } from './read-file.ts';
import type { At } from './yaml-reader.ts';

const { literal } = DataFactory;

/**
 * The names a record may give a degree: its labels, its abbreviation, and UBC's "Full name - Abbreviation"
 * form ("Doctor of Philosophy - PhD"), so the file need not spell that form out for every degree.
 */
export function degreeNames(d: AuthorityDegree): string[] {
  return [d.prefLabel.value, ...d.altLabels.map((l) => l.value), d.abbreviation, `${d.prefLabel.value} - ${d.abbreviation}`];
}

/** The names a record may give a collection: its labels. */
export function collectionNames(c: AuthorityCollection): string[] {
  return [c.prefLabel.value, ...c.altLabels.map((l) => l.value)];
}

/** Throws the first duplicate id or shared name among the degrees, then among the collections: one name, one IRI. */
export function checkCatalogues(all: AuthorityFileEntries): void {
  checkUnique('degree', all.degrees, degreeNames);
  checkUnique('collection', all.collections, collectionNames);
}

function checkUnique<T extends { id: string; at: At }>(kind: string, entries: T[], names: (e: T) => string[]): void {
  const ids = new Map<string, T>();
  const labels = new Map<string, T>();
  for (const e of entries) {
    const first = ids.get(e.id);
    if (first) throw e.at.get('id').error(`duplicate ${kind} id "${e.id}" (first used at ${first.at.file}:${first.at.line})`);
    ids.set(e.id, e);
    for (const name of names(e)) {
      const key = normaliseLabel(name);
      const other = labels.get(key);
      if (other && other.id !== e.id) throw e.at.error(`name "${name}" is also a name of ${kind} "${other.id}" (${other.at.file}:${other.at.line}); one name, one ${kind}`);
      labels.set(key, e);
    }
  }
}

/** A lookup by normalised name over the entries. */
export function byName<T>(entries: T[], names: (e: T) => string[]): (label: string) => T | undefined {
  const index = new Map<string, T>();
  for (const e of entries) for (const name of names(e)) index.set(normaliseLabel(name), e);
  return (label) => index.get(normaliseLabel(label));
}

/** Strips the loader's bookkeeping (positions) from a degree, for the contract's AuthorityDegree. */
export function publicDegree({ at: _at, ...d }: DegreeEntry): AuthorityDegree {
  return d;
}

/** Strips the loader's bookkeeping from a collection. */
export function publicCollection({ at: _at, ...c }: CollectionEntry): AuthorityCollection {
  return c;
}

type Add = (s: NamedNode, p: NamedNode, o: Quad_Object) => void;

/**
 * The authority graph's statements about degrees and collections. A record graph repeats only a degree's
 * class and rdfs:label and a collection's class and title (see pipeline/map/degree.ts, collection.ts): the
 * same terms as here, so the triple dumps write them once.
 */
export function catalogueQuads(all: AuthorityFileEntries, iris: Iris, add: Add): void {
  for (const d of all.degrees) {
    const s = iris.degree(d.id);
    add(s, rdf('type'), bibo('ThesisDegree'));
    add(s, rdf('type'), vivo('AcademicDegree'));
    // A degree is the credential schema.org describes; educationalLevel is one of its properties.
    add(s, rdf('type'), schema('EducationalOccupationalCredential'));
    labels(add, s, d.prefLabel, d.altLabels);
    add(s, schema('alternateName'), literal(d.abbreviation));
    add(s, schema('educationalLevel'), literal(d.level));
  }
  for (const c of all.collections) {
    const s = iris.collection(c.id);
    add(s, rdf('type'), dcmitype('Collection'));
    add(s, rdf('type'), schema('Collection'));
    add(s, dcterms('title'), labelLiteral(c.prefLabel));
    labels(add, s, c.prefLabel, c.altLabels);
    if (c.description) add(s, dcterms('description'), labelLiteral(c.description));
  }
}

// Labels as the entities have them: rdfs:label and SKOS for any consumer, schema.org names for the web.
function labels(add: Add, s: NamedNode, pref: Label, alts: Label[]): void {
  add(s, rdfs('label'), labelLiteral(pref));
  add(s, skos('prefLabel'), labelLiteral(pref));
  add(s, schema('name'), labelLiteral(pref));
  for (const l of alts) {
    add(s, skos('altLabel'), labelLiteral(l));
    add(s, schema('alternateName'), labelLiteral(l));
  }
}
