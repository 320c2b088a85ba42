// The relations an authority entry may state, each with the property it becomes and the kinds it joins.
import type { NamedNode } from 'n3';
import type { EntityKind } from '../../src/core/iri.ts';
import { own, schema, skos } from '../../src/core/vocab.ts';

export interface RelationDef {
  property: (base: string) => NamedNode;
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** Symmetric relations are published in both directions, so either entity's document shows them. */
  symmetric?: boolean;
}

const THINGS = ['person', 'organization', 'place', 'event'] as const;

/** Relations by the key used under `relations:` in the authority file. Ours (tl:) are defined in ontology/thesis-lod.ttl. */
export const RELATIONS: Record<string, RelationDef> = {
  locatedIn: { property: () => schema('location'), from: ['organization', 'event', 'person'], to: ['place'] },
  containedInPlace: { property: () => schema('containedInPlace'), from: ['place'], to: ['place'] },
  parentOrganization: { property: () => schema('parentOrganization'), from: ['organization'], to: ['organization'] },
  establishedWithHelpFrom: { property: (b) => own(b)('establishedWithHelpFrom'), from: ['organization'], to: ['organization', 'person'] },
  partner: { property: (b) => own(b)('partner'), from: ['organization'], to: ['organization'], symmetric: true },
  involves: { property: (b) => own(b)('involves'), from: ['event'], to: THINGS },
  broader: { property: () => skos('broader'), from: ['concept'], to: ['concept'] },
  related: { property: () => skos('related'), from: ['concept'], to: ['concept'], symmetric: true },
};
