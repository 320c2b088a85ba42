// The union of all graphs, kept in bounded memory: which triples the triple-only dumps still need, and the VoID counts.
import type { Quad } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import { tripleKey } from './canonical.ts';

const RDF_TYPE = `${NS.rdf}type`;

/**
 * What kind of graph a publish call writes. `shared`: the authority, ontology and dataset graphs, whose triples
 * are remembered for the whole build (bounded by the entity index). `record`: one record's graph, de-duplicated
 * within itself and against the shared triples only, so memory never grows with the corpus. A record's
 * statements about a subject outside it (its landing page) stay its own: no other record states them, since
 * authority things (entities, degrees, collections) are described in the authority graph, not by records.
 */
export type Scope = 'shared' | 'record';

/** The authority, ontology and description graphs. */
export const SHARED: Scope = 'shared';
/** A record's own graph. */
export const RECORD: Scope = 'record';

/** The VoID figures of the dataset (its description graph excluded, since it cannot count itself). */
export interface UnionCounts {
  triples: number;
  distinctSubjects: number;
  /** Subjects that are things of ours (`B id/…`). */
  entities: number;
  properties: Map<string, number>;
  classes: Map<string, number>;
}

/** Counts with nothing in them. */
export function emptyCounts(): UnionCounts {
  return { triples: 0, distinctSubjects: 0, entities: 0, properties: new Map(), classes: new Map() };
}

/** Adds `delta` into `into`. */
export function mergeCounts(into: UnionCounts, delta: UnionCounts): void {
  into.triples += delta.triples;
  into.distinctSubjects += delta.distinctSubjects;
  into.entities += delta.entities;
  for (const [k, n] of delta.properties) into.properties.set(k, (into.properties.get(k) ?? 0) + n);
  for (const [k, n] of delta.classes) into.classes.set(k, (into.classes.get(k) ?? 0) + n);
}

/** Accumulates the union across graphs as they pass. */
export class Union {
  private readonly idSpace: string;
  private readonly sharedTriples = new Set<string>();
  // Subjects of the shared statements, counted or not (the description is not).
  private readonly sharedStatementSubjects = new Set<string>();
  private readonly sharedSubjects = new Set<string>();
  private readonly sharedTyped = new Set<string>();
  private readonly counts: UnionCounts = emptyCounts();

  constructor(iris: Iris) {
    this.idSpace = iris.idSpace();
  }

  /**
   * Takes one graph's canonical quads and returns the triples not yet in the union (what Turtle,
   * N-Triples, JSON-LD and RDF/XML must still write); counts them unless `count` is false.
   */
  add(quads: readonly Quad[], scope: Scope, count = true): Quad[] {
    return this.select(quads, quads.map(tripleKey), scope, count, this.counts).map((i) => quads[i]!);
  }

  /**
   * The same with the quads' triple keys (tripleKey) at hand: returns the positions of the fresh ones, counts them into
   * `into` (this union's own counts, or a record's, which a worker thread sends back and mergeCounts adds).
   * A record's statements are checked against the shared graphs only, so any thread holding them answers the same.
   * `distinct`: the caller knows no key repeats (a canonical graph), so a record's are not checked against each other.
   */
  select(quads: readonly Quad[], keys: readonly string[], scope: Scope, count: boolean, into: UnionCounts, distinct = false): number[] {
    const shared = scope === 'shared';
    const fresh: number[] = [];
    // A record's own sets live for this call only: what one record states cannot repeat in another.
    const localTriples = shared || distinct ? undefined : new Set<string>();
    const localSubjects = new Set<string>();
    const localTyped = new Set<string>();
    // Statements come grouped by subject: what depends on the subject alone is worked out once per group.
    let subject: Quad['subject'] | undefined;
    let subjectKey = '';
    let mayBeShared = false;
    let subjectCounted = false;
    for (let i = 0; i < quads.length; i++) {
      const q = quads[i]!;
      const key = keys[i]!;
      if (subject === undefined || (q.subject !== subject && !q.subject.equals(subject))) {
        subject = q.subject;
        subjectKey = `${subject.termType === 'BlankNode' ? '_:' : ''}${subject.value}`;
        // Only a subject some shared statement has can make a statement the union already holds.
        mayBeShared = shared || this.sharedStatementSubjects.has(subjectKey);
        subjectCounted = false;
      }
      if (mayBeShared && this.sharedTriples.has(key)) continue;
      if (shared) {
        this.sharedTriples.add(key);
        this.sharedStatementSubjects.add(subjectKey);
      } else if (localTriples) {
        if (localTriples.has(key)) continue;
        localTriples.add(key);
      }
      fresh.push(i);
      if (!count) continue;
      const c = into;
      c.triples += 1;
      c.properties.set(q.predicate.value, (c.properties.get(q.predicate.value) ?? 0) + 1);
      if (!subjectCounted) {
        subjectCounted = true;
        if (!this.sharedSubjects.has(subjectKey) && !localSubjects.has(subjectKey)) {
          (shared ? this.sharedSubjects : localSubjects).add(subjectKey);
          c.distinctSubjects += 1;
          if (q.subject.termType === 'NamedNode' && q.subject.value.startsWith(this.idSpace)) c.entities += 1;
        }
      }
      if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
        const typedKey = `${subjectKey} ${q.object.value}`;
        if (!this.sharedTyped.has(typedKey) && !localTyped.has(typedKey)) {
          (shared ? this.sharedTyped : localTyped).add(typedKey);
          c.classes.set(q.object.value, (c.classes.get(q.object.value) ?? 0) + 1);
        }
      }
    }
    return fresh;
  }

  /** Adds counts made elsewhere (a record serialised by a worker thread) to this union's. */
  merge(delta: UnionCounts): void {
    mergeCounts(this.counts, delta);
  }

  /** The counts so far. */
  snapshot(): UnionCounts {
    return { ...this.counts, properties: new Map(this.counts.properties), classes: new Map(this.counts.classes) };
  }
}
