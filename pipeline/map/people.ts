// People named on a record: authority entities when the file says so, else persons scoped to this record.
import { DataFactory, type NamedNode, type BlankNode } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, schema, foaf } from '../../src/core/vocab.ts';
import type { Authority, Located } from '../types.ts';
import type { Emitter } from './emit.ts';

const { blankNode } = DataFactory;

export type Role = 'creator' | 'supervisor' | 'contributor';

import { splitName } from '../../src/core/person-name.ts';

export { splitName };

/**
 * The IRI of each named person of a role, in order. authority.personFor decides whether the name is a curated
 * entity (its triples live in the authority graph); otherwise the person is minted for this record and role only
 * and described here, so two records never share a person because their names match.
 */
export function emitPeople(out: Emitter, iris: Iris, authority: Authority, recordId: string, role: Role, names: Located<string>[]): NamedNode[] {
  const nodes: NamedNode[] = [];
  let position = 0;
  for (const { value } of names) {
    if (value.trim() === '') continue;
    position += 1;
    const entity = authority.personFor(recordId, role, value);
    if (entity) {
      nodes.push(iris.entity(entity.kind, entity.id));
      continue;
    }
    const person = iris.recordPerson(recordId, role, position);
    describePerson(out, person, value);
    nodes.push(person);
  }
  return nodes;
}

/** A record-scoped person: types, the name as written (schema + FOAF), and given/family names when the form allows. */
function describePerson(out: Emitter, person: NamedNode, name: string): void {
  out.add(person, rdf('type'), schema('Person'));
  out.add(person, rdf('type'), foaf('Person'));
  out.text(person, schema('name'), name);
  out.text(person, foaf('name'), name);
  const split = splitName(name);
  if (split) {
    out.text(person, schema('familyName'), split.family);
    out.text(person, schema('givenName'), split.given);
    out.text(person, foaf('familyName'), split.family);
    out.text(person, foaf('givenName'), split.given);
  }
}

/**
 * The creators in order as an rdf:List (bibo:authorList). Its cells are blank nodes with labels made from the
 * record id and position, so every build writes the same labels and no two records' lists share a cell.
 */
export function emitList(out: Emitter, recordId: string, name: string, items: NamedNode[]): BlankNode | NamedNode {
  if (items.length === 0) return rdf('nil');
  // Blank-node labels allow letters, digits, "_", "-" and inner "."; "~" (allowed in ids) is escaped, and "_" first so escapes cannot collide.
  const safe = recordId.replace(/_/g, '__').replace(/~/g, '_t');
  const cells = items.map((_, i) => blankNode(`${name}.${safe}.${i + 1}`));
  cells.forEach((cell, i) => {
    out.add(cell, rdf('first'), items[i]!);
    out.add(cell, rdf('rest'), cells[i + 1] ?? rdf('nil'));
  });
  return cells[0]!;
}
