// Builds the authority graph: each entity's types, labels, links, relations and dates, the concept schemes, merge notes, degrees and collections.
import { DataFactory, type NamedNode, type Quad, type Quad_Object } from 'n3';
import type { EntityKind, Iris } from '../../src/core/iri.ts';
import { dcterms, own, owl, rdf, rdfs, schema, skos, xsd } from '../../src/core/vocab.ts';
import type { TypedDate } from '../types.ts';
import { labelLiteral } from '../map/emit.ts';
import type { AuthorityFileEntries, EntityEntry } from './read-file.ts';
import { catalogueQuads } from './catalogues.ts';
import { RELATIONS } from './relations.ts';

const { literal, namedNode, quad } = DataFactory;

/** The class every entity of a kind has, before the file's own `types`. */
export const KIND_CLASS: Record<EntityKind, NamedNode> = {
  person: schema('Person'),
  organization: schema('Organization'),
  place: schema('Place'),
  event: schema('Event'),
  concept: skos('Concept'),
};

function dateLit(d: TypedDate) {
  return literal(d.value, xsd(d.datatype));
}

/**
 * The authority graph's quads, in graph `B graph/authority`. Labelling: every entity gets rdfs:label and
 * skos:prefLabel/skos:altLabel (SKOS labels apply to any resource and keep the one-preferred-label rule);
 * things (not concepts) also get schema:name/schema:alternateName for schema.org consumers.
 */
export function authorityQuads(all: AuthorityFileEntries, iris: Iris): Quad[] {
  const g = iris.graph('authority');
  const out: Quad[] = [];
  const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, g));
  const byId = new Map(all.entities.map((e) => [e.id, e]));
  const iriOf = (id: string) => iris.entity(byId.get(id)!.kind, id);

  for (const s of all.schemes) {
    const scheme = iris.entity('concept', s.id);
    add(scheme, rdf('type'), skos('ConceptScheme'));
    add(scheme, rdfs('label'), labelLiteral(s.prefLabel));
    add(scheme, skos('prefLabel'), labelLiteral(s.prefLabel));
    // DCAT-AP (which the dataset description follows) requires a dcterms:title on every skos:ConceptScheme.
    add(scheme, dcterms('title'), labelLiteral(s.prefLabel));
    if (s.description) add(scheme, dcterms('description'), labelLiteral(s.description));
  }
  for (const e of all.entities) {
    const subject = iris.entity(e.kind, e.id);
    entityQuads(e, subject, iris, add);
    for (const r of e.relations) {
      const def = RELATIONS[r.name]!;
      const p = def.property(iris.base);
      add(subject, p, iriOf(r.target));
      if (def.symmetric) add(iriOf(r.target), p, subject);
    }
  }
  for (const m of all.merged) {
    const [fromKind, fromId] = m.from.split('/') as [EntityKind, string];
    const [toKind, toId] = m.to.split('/') as [EntityKind, string];
    add(iris.entity(toKind, toId), dcterms('replaces'), iris.entity(fromKind, fromId));
  }
  catalogueQuads(all, iris, add);
  return dedupe(out);
}

type Add = (s: NamedNode, p: NamedNode, o: Quad_Object) => void;

function entityQuads(e: EntityEntry, s: NamedNode, iris: Iris, add: Add): void {
  const isConcept = e.kind === 'concept';
  add(s, rdf('type'), KIND_CLASS[e.kind]);
  for (const t of e.types) add(s, rdf('type'), namedNode(t));
  add(s, rdfs('label'), labelLiteral(e.prefLabel));
  add(s, skos('prefLabel'), labelLiteral(e.prefLabel));
  for (const l of e.altLabels) add(s, skos('altLabel'), labelLiteral(l));
  if (!isConcept) {
    add(s, schema('name'), labelLiteral(e.prefLabel));
    for (const l of e.altLabels) add(s, schema('alternateName'), labelLiteral(l));
  }
  if (e.description) add(s, isConcept ? skos('definition') : schema('description'), labelLiteral(e.description));
  // owl:sameAs claims identity, which holds for things; a concept only matches another scheme's concept.
  for (const iri of e.sameAs) add(s, isConcept ? skos('exactMatch') : owl('sameAs'), namedNode(iri));
  if (e.startDate) add(s, schema('startDate'), dateLit(e.startDate));
  if (e.endDate) add(s, schema('endDate'), dateLit(e.endDate));
  if (e.period) add(s, own(iris.base)('period'), labelLiteral(e.period));
  if (e.familyName) add(s, schema('familyName'), literal(e.familyName));
  if (e.givenName) add(s, schema('givenName'), literal(e.givenName));
  if (isConcept && e.scheme) {
    const scheme = iris.entity('concept', e.scheme);
    add(s, skos('inScheme'), scheme);
    // The schemes are flat lists of topics: a concept without a broader one is a top concept.
    if (!e.relations.some((r) => r.name === 'broader')) {
      add(s, skos('topConceptOf'), scheme);
      add(scheme, skos('hasTopConcept'), s);
    }
  }
}

// Symmetric relations stated from both sides would otherwise give the same quad twice.
function dedupe(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const key = `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? `${q.object.language}|${q.object.datatype.value}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
