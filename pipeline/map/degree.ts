// The degree a thesis supports: the authority file's degree (its id assigned once), else a degree scoped to the record.
import type { NamedNode } from 'n3';
import { ERR_NOT_IN_AUTHORITY, type Problem } from '../../src/core/errors.ts';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, rdfs, schema, bibo, vivo } from '../../src/core/vocab.ts';
import type { Authority, Located, ThesisRecord } from '../types.ts';
import { labelLiteral, type Emitter } from './emit.ts';

/**
 * The degree resource of a record's degree name. A degree of the authority file is described in the authority
 * graph; the record repeats only its class and label (the same terms), so the record graph validates and reads
 * alone. A name the file does not list gets `B id/degree/{itemId}-degree`, described here, and a warning naming
 * the record and field: an IRI is never minted from a label, since a corrected label would change it.
 */
export function emitDegree(out: Emitter, iris: Iris, authority: Authority, record: ThesisRecord, degree: Located<string>, warnings?: Problem[]): NamedNode {
  const name = degree.value.trim();
  const known = authority.degreeByLabel(name);
  if (known) {
    const node = iris.degree(known.id);
    out.add(node, rdf('type'), bibo('ThesisDegree'));
    out.add(node, rdfs('label'), labelLiteral(known.prefLabel));
    return node;
  }
  const node = iris.recordDegree(record.id);
  out.add(node, rdf('type'), bibo('ThesisDegree'));
  out.add(node, rdf('type'), vivo('AcademicDegree'));
  out.text(node, rdfs('label'), name);
  out.text(node, schema('name'), name);
  // UBC writes "Full name - Abbreviation"; the abbreviation is how people cite the degree.
  const abbr = /\s[-\u2013]\s([^-\u2013]{1,20})$/.exec(name)?.[1]?.trim();
  if (abbr) out.text(node, schema('alternateName'), abbr);
  warnings?.push(notListed('degree', name, node, record, degree.line));
  return node;
}

/** The warning for a degree or collection the authority file does not list. */
export function notListed(field: 'degree' | 'collection', name: string, node: NamedNode, record: ThesisRecord, line?: number): Problem {
  const where = { recordId: record.id, file: record.source.file, line: line ?? record.source.line, field };
  return ERR_NOT_IN_AUTHORITY(
    `${field} "${name}" is not among the authority file's ${field === 'degree' ? 'degrees' : 'collections'}; ` +
    `published as ${node.value}, scoped to this record (add it to data/entities to give every record one IRI for it)`,
    where,
  ).toProblem('warning');
}
