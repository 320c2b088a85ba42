// The union of all graphs, kept in bounded memory: which triples the triple-only dumps still need, and the VoID counts.
import type { Quad, Term } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import { tripleKey } from './canonical.ts';

const RDF_TYPE = `${NS.rdf}type`;

/** Tells whether a subject belongs to one record alone (its thesis, abstract, annotations, record-scoped people, graph, blank nodes). */
export type Scope = (subject: Term) => boolean;

/** Nothing is record-scoped: for the authority, ontology and description graphs. */
export const SHARED: Scope = () => false;

/**
 * The scope of one record. Statements about these subjects cannot occur in another record, so they
 * need no memory to de-duplicate; only statements about shared things (authority entities,
 * collections, degrees) are remembered, which bounds memory by the entity index, not the corpus.
 */
export function recordScope(iris: Iris, recordId: string): Scope {
  const graph = iris.recordGraph(recordId).value;
  const prefix = `${recordId}-`;
  return (s) => {
    if (s.termType === 'BlankNode') return true;
    // Parts of a thing (an annotation's #target, #quote) belong where the thing belongs.
    const hash = s.value.indexOf('#');
    const iri = hash < 0 ? s.value : s.value.slice(0, hash);
    if (iri === graph) return true;
    const parsed = iris.parse(iri);
    if (!parsed) return false;
    if (parsed.kind === 'thesis' || parsed.kind === 'abstract') return parsed.id === recordId;
    // Record-scoped people, organisations and annotations are `{recordId}-…`; authority ids are slugs that never are.
    return parsed.id.startsWith(prefix);
  };
}

/** The VoID figures of the dataset (its description graph excluded, since it cannot count itself). */
export interface UnionCounts {
  triples: number;
  distinctSubjects: number;
  /** Subjects that are things of ours (`B id/…`). */
  entities: number;
  properties: Map<string, number>;
  classes: Map<string, number>;
}

/** Accumulates the union across graphs as they pass. */
export class Union {
  private readonly idSpace: string;
  private readonly sharedTriples = new Set<string>();
  private readonly sharedSubjects = new Set<string>();
  private readonly sharedTyped = new Set<string>();
  private readonly counts: UnionCounts = { triples: 0, distinctSubjects: 0, entities: 0, properties: new Map(), classes: new Map() };

  constructor(iris: Iris) {
    this.idSpace = iris.idSpace();
  }

  /**
   * Takes one graph's canonical quads and returns the triples not yet in the union (what Turtle,
   * N-Triples, JSON-LD and RDF/XML must still write); counts them unless `count` is false.
   */
  add(quads: readonly Quad[], scope: Scope, count = true): Quad[] {
    const fresh: Quad[] = [];
    const localSubjects = new Set<string>();
    const localTyped = new Set<string>();
    for (const q of quads) {
      const scoped = scope(q.subject);
      if (!scoped) {
        const key = tripleKey(q);
        if (this.sharedTriples.has(key)) continue;
        this.sharedTriples.add(key);
      }
      fresh.push(q);
      if (!count) continue;
      const c = this.counts;
      c.triples += 1;
      c.properties.set(q.predicate.value, (c.properties.get(q.predicate.value) ?? 0) + 1);
      const subjectKey = `${q.subject.termType === 'BlankNode' ? '_:' : ''}${q.subject.value}`;
      const subjects = scoped ? localSubjects : this.sharedSubjects;
      if (!subjects.has(subjectKey)) {
        subjects.add(subjectKey);
        c.distinctSubjects += 1;
        if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(this.idSpace)) c.entities += 1;
      }
      if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
        const typedKey = `${subjectKey} ${q.object.value}`;
        const typed = scoped ? localTyped : this.sharedTyped;
        if (!typed.has(typedKey)) {
          typed.add(typedKey);
          c.classes.set(q.object.value, (c.classes.get(q.object.value) ?? 0) + 1);
        }
      }
    }
    return fresh;
  }

  /** The counts so far. */
  snapshot(): UnionCounts {
    return { ...this.counts, properties: new Map(this.counts.properties), classes: new Map(this.counts.classes) };
  }
}
