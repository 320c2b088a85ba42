// Puts one graph's quads in their published form: stable blank-node labels, no duplicates, a fixed order, a content hash.
import { createHash } from 'node:crypto';
import { DataFactory, Writer, type BlankNode, type NamedNode, type Quad, type Quad_Object, type Quad_Subject, type Term } from 'n3';
import { NS } from '../../src/core/vocab.ts';

const { quad, blankNode } = DataFactory;
const RDF_TYPE = `${NS.rdf}type`;
const lineWriter = new Writer({ format: 'N-Quads' });

/**
 * The blank-node label prefix for a graph: `r{recordId}` for a record, `g{name}` for the other graphs.
 * Labels must be Turtle labels and XML NCNames (rdf:nodeID), so `_` and `~` are escaped and `_x`
 * separates the counter: the mapping stays injective and two records never share a label.
 */
export function blankPrefix(kind: 'r' | 'g', id: string): string {
  return `${kind}${id.replace(/[_~]/g, (c) => (c === '_' ? '_u' : '_t'))}_x`;
}

/** One quad as an N-Quads line without the newline: the key for de-duplication and hashing. */
export function quadKey(q: Quad): string {
  return lineWriter.quadToString(q.subject, q.predicate, q.object, q.graph).trimEnd();
}

/** A triple (graph ignored) as a key. */
export function tripleKey(q: Quad): string {
  return lineWriter.quadToString(q.subject, q.predicate, q.object).trimEnd();
}

/**
 * Returns the quads as published in `graph`: blank nodes relabelled `{prefix}{n}` in order of first
 * appearance (the map's n3 counters depend on everything built before, so they are not stable), exact
 * duplicates dropped, and each subject's statements grouped, rdf:type first, so Turtle reads well.
 */
export function canonicalize(quads: Iterable<Quad>, graph: NamedNode, prefix: string): Quad[] {
  return canonicalizeKeyed(quads, graph, prefix).quads;
}

/** A graph in canonical form with each quad's triple key (tripleKey), which hashing, the union and N-Triples all reuse. */
export interface KeyedQuads {
  quads: Quad[];
  keys: string[];
  /** The keys as a set (no key repeats). */
  keySet: Set<string>;
}

/** canonicalize, keeping the key it computes for each quad (every quad is in `graph`, so the triple decides). */
export function canonicalizeKeyed(quads: Iterable<Quad>, graph: NamedNode, prefix: string): KeyedQuads {
  const labels = new Map<string, BlankNode>();
  const relabel = <T extends Term>(t: T): T => {
    if (t.termType !== 'BlankNode') return t;
    let b = labels.get(t.value);
    if (!b) {
      b = blankNode(`${prefix}${labels.size}`);
      labels.set(t.value, b);
    }
    return b as unknown as T;
  };
  const seen = new Set<string>();
  type Part = { quads: Quad[]; keys: string[] };
  const bySubject = new Map<string, { types: Part; rest: Part }>();
  for (const q of quads) {
    const out = quad(relabel(q.subject) as Quad_Subject, q.predicate, relabel(q.object) as Quad_Object, graph);
    const key = tripleKey(out);
    if (seen.has(key)) continue;
    seen.add(key);
    const subjectKey = `${out.subject.termType}:${out.subject.value}`;
    let group = bySubject.get(subjectKey);
    if (!group) {
      group = { types: { quads: [], keys: [] }, rest: { quads: [], keys: [] } };
      bySubject.set(subjectKey, group);
    }
    const part = out.predicate.value === RDF_TYPE ? group.types : group.rest;
    part.quads.push(out);
    part.keys.push(key);
  }
  const result: KeyedQuads = { quads: [], keys: [], keySet: seen };
  for (const { types, rest } of bySubject.values()) {
    for (const part of [types, rest]) {
      for (let i = 0; i < part.quads.length; i++) {
        result.quads.push(part.quads[i]!);
        result.keys.push(part.keys[i]!);
      }
    }
  }
  return result;
}

/** SHA-256 of a graph's content, independent of statement order: what the ledger compares between builds. */
export function contentHash(quads: Iterable<Quad>): string {
  const lines: string[] = [];
  for (const q of quads) lines.push(tripleKey(q));
  return hashKeys(lines);
}

/** contentHash from the triple keys of the statements. */
export function hashKeys(keys: readonly string[]): string {
  const lines = [...keys];
  lines.sort();
  return createHash('sha256').update(lines.length > 0 ? `${lines.join('\n')}\n` : '').digest('hex');
}
