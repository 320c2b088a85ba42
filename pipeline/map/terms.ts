// Our own ontology's terms for a deployment base, made once per base (the map stage runs per record).
import type { NamedNode } from 'n3';
import { own } from '../../src/core/vocab.ts';

/** The `tl:` terms the map stage writes; each is declared with a label and comment in ontology/thesis-lod.ttl. */
export interface OwnTerms {
  Abstract: NamedNode;
  supervisor: NamedNode;
  provider: NamedNode;
  degreeGrantor: NamedNode;
  program: NamedNode;
  campus: NamedNode;
  scholarlyLevel: NamedNode;
  graduationDate: NamedNode;
  hasAbstract: NamedNode;
  aggregatedSourceRepository: NamedNode;
}

const cache = new Map<string, OwnTerms>();

/** The `tl:` terms for a base IRI, cached so that the hot path makes no new objects. */
export function ownTerms(base: string): OwnTerms {
  let terms = cache.get(base);
  if (!terms) {
    const tl = own(base);
    terms = {
      Abstract: tl('Abstract'),
      supervisor: tl('supervisor'),
      provider: tl('provider'),
      degreeGrantor: tl('degreeGrantor'),
      program: tl('program'),
      campus: tl('campus'),
      scholarlyLevel: tl('scholarlyLevel'),
      graduationDate: tl('graduationDate'),
      hasAbstract: tl('hasAbstract'),
      aggregatedSourceRepository: tl('aggregatedSourceRepository'),
    };
    cache.set(base, terms);
  }
  return terms;
}
