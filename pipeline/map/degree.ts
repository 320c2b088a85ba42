// The degree a thesis supports: the name as text (schema:inSupportOf) and a degree resource shared by every record.
import type { NamedNode } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, rdfs, schema, bibo, vivo } from '../../src/core/vocab.ts';
import type { Emitter } from './emit.ts';
import { slugify } from './slug.ts';

/**
 * The degree id: the slug of the degree name as the repository writes it ("Doctor of Philosophy - PhD" →
 * "doctor-of-philosophy-phd"). Degree names are a closed list in the repository, so the same degree gets
 * the same IRI from every record.
 */
export function degreeId(name: string): string | undefined {
  return slugify(name);
}

/** Writes the degree resource (bibo:ThesisDegree, vivo:AcademicDegree, label, abbreviation) and returns its IRI. */
export function emitDegree(out: Emitter, iris: Iris, name: string): NamedNode | undefined {
  const id = degreeId(name);
  if (!id) return undefined;
  const node = iris.degree(id);
  out.add(node, rdf('type'), bibo('ThesisDegree'));
  out.add(node, rdf('type'), vivo('AcademicDegree'));
  out.text(node, rdfs('label'), name);
  out.text(node, schema('name'), name);
  // UBC writes "Full name - Abbreviation"; the abbreviation is how people cite the degree.
  const abbr = /\s[-\u2013]\s([^-\u2013]{1,20})$/.exec(name)?.[1]?.trim();
  if (abbr) out.text(node, schema('alternateName'), abbr);
  return node;
}
