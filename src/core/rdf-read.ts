// Reading RDF the same way everywhere: the distinct values of (s, p), and the items of an rdf:List, over any store.
import type { Quad, Term } from 'n3';
import { NS } from './vocab.ts';

/** rdf:first, rdf:rest and rdf:nil, as strings made once. */
export const RDF_FIRST = `${NS.rdf}first`;
export const RDF_REST = `${NS.rdf}rest`;
export const RDF_NIL = `${NS.rdf}nil`;

/** A key two terms share exactly when they are the same RDF term (a literal's language and datatype count). */
export function termKey(t: Term): string {
  if (t.termType !== 'Literal') return `${t.termType[0]}${t.value}`;
  const lit = t as Term & { language: string; datatype: { value: string } };
  return `L${t.value}\u0000${lit.language}\u0000${lit.language ? '' : lit.datatype.value}`;
}

/** Terms without repeats, in first-seen order. */
export function distinctTerms(terms: Iterable<Term>): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const t of terms) {
    const k = termKey(t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

/** The values of (s, p) among some statements: the distinct objects, in first-seen order. `p` may be an IRI string. */
export function valuesOf(quads: Iterable<Quad>, s: Term, p: Term | string): Term[] {
  const predicate = typeof p === 'string' ? p : p.value;
  const objects: Term[] = [];
  for (const q of quads) if (q.predicate.value === predicate && q.subject.equals(s)) objects.push(q.object);
  return distinctTerms(objects);
}

/** How a store hands out list cells: a cell's rdf:first and rdf:rest, what rdf:nil is, what may be a cell (a blank node). */
export interface ListAccess<T> {
  first(cell: T): T | undefined;
  rest(cell: T): T | undefined;
  isNil(t: T): boolean;
  isCell(t: T): boolean;
  /** What identifies a cell for cycle detection (default: the value itself; give one for terms, which are not interned). */
  key?(t: T): unknown;
}

/**
 * The items of an rdf:List from its head, in order; a cycle or a cell without rdf:rest ends it. Strict (the default):
 * undefined when the head is no list (neither nil nor a cell, or a first cell without rdf:first), and a later cell
 * without rdf:first ends the list. Lenient (an author list, where every named author counts): any head is walked and a
 * cell without rdf:first is skipped.
 */
export function readList<T>(head: T, access: ListAccess<T>, lenient = false): T[] | undefined {
  if (!lenient && !access.isNil(head) && !access.isCell(head)) return undefined;
  const key = access.key ?? ((t: T) => t);
  const items: T[] = [];
  const seen = new Set<unknown>();
  let cell: T | undefined = head;
  while (cell !== undefined && !access.isNil(cell) && !seen.has(key(cell))) {
    seen.add(key(cell));
    const item = access.first(cell);
    if (item !== undefined) items.push(item);
    else if (!lenient) return seen.size === 1 ? undefined : items;
    cell = access.rest(cell);
  }
  return items;
}
