// Organisations named on a record (publisher, grantor, provider, affiliation): authority entities, else record-scoped.
import type { NamedNode } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, rdfs, schema, foaf } from '../../src/core/vocab.ts';
import type { Authority, AuthorityEntity } from '../types.ts';
import type { Emitter } from './emit.ts';

export type OrgRole = 'publisher' | 'grantor' | 'provider' | 'affiliation';

/**
 * The authority entity an organisation label names. Open Collections writes some as "Place : Name"
 * ("Vancouver : University of British Columbia Library", a MARC 260-style imprint): when the whole label
 * is not known, the name after the last " : " is tried.
 */
export function findOrganization(authority: Authority, label: string): AuthorityEntity | undefined {
  const whole = authority.organizationByLabel(label);
  if (whole) return whole;
  const colon = label.lastIndexOf(' : ');
  return colon > 0 ? authority.organizationByLabel(label.slice(colon + 3)) : undefined;
}

/**
 * The IRI for an organisation label: the authority entity's, or one minted for this record, role and position
 * (described here with its name as written), so that an unknown name is never merged across records.
 */
export function organizationFor(out: Emitter, iris: Iris, authority: Authority, recordId: string, role: OrgRole, position: number, label: string): NamedNode {
  const entity = findOrganization(authority, label);
  if (entity) return iris.entity(entity.kind, entity.id);
  const org = iris.recordOrganization(recordId, role, position);
  out.add(org, rdf('type'), schema('Organization'));
  out.add(org, rdf('type'), foaf('Organization'));
  out.text(org, schema('name'), label);
  out.text(org, rdfs('label'), label);
  return org;
}
