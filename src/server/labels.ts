// A label index over the store: the human name of any IRI in one map lookup, with language preference.
import type { Literal } from 'n3';
import type { QuadStore } from './store.ts';
import { NS } from '../core/vocab.ts';

// Priority of labelling properties: a curated preferred label beats a generic one, a name beats a title.
const LABEL_PREDICATES = [
  `${NS.skos}prefLabel`,
  `${NS.rdfs}label`,
  `${NS.schema}name`,
  `${NS.dcterms}title`,
  `${NS.foaf}name`,
];

interface Candidate {
  rank: number;
  literal: Literal;
  /** The literal's language tag, lower-cased once here (an n3 literal computes it from its id at every read). */
  language: string;
}

/** Label lookup built once at load: subject IRI → its labelling literals, best first. */
export class Labels {
  private readonly bySubject: Map<string, Candidate[]>;

  private constructor(bySubject: Map<string, Candidate[]>) {
    this.bySubject = bySubject;
  }

  /** Indexes every labelling triple of the store (all graphs; duplicates across graphs kept once). */
  static index(store: QuadStore): Labels {
    const map = new Map<string, Candidate[]>();
    LABEL_PREDICATES.forEach((predicate, rank) => {
      for (const q of store.readQuads(null, predicate, null, null)) {
        if (q.subject.termType !== 'NamedNode' || q.object.termType !== 'Literal') continue;
        const list = map.get(q.subject.value) ?? [];
        const lit = q.object as Literal;
        if (!list.some((c) => c.literal.equals(lit))) list.push({ rank, literal: lit, language: lit.language.toLowerCase() });
        map.set(q.subject.value, list);
      }
    });
    return new Labels(map);
  }

  /** The best label literal: a requested language first, then an untagged one, then any; within each, by property priority. */
  literal(iri: string, langs: readonly string[] = ['en']): Literal | undefined {
    const list = this.bySubject.get(iri);
    if (!list?.length) return undefined;
    // Lists are built predicate by predicate in rank order, so they are already best-first.
    for (const lang of langs) {
      const wanted = lang.toLowerCase();
      const hit = list.find((c) => c.language === wanted || (c.language.length > wanted.length && c.language[wanted.length] === '-' && c.language.startsWith(wanted)));
      if (hit) return hit.literal;
    }
    return (list.find((c) => c.language === '') ?? list[0]!).literal;
  }

  /** The best label as a string, or undefined when the IRI has none. */
  get(iri: string, langs?: readonly string[]): string | undefined {
    return this.literal(iri, langs)?.value;
  }

  /** Every label literal of an IRI (all properties, all languages), for search and alternative names. */
  all(iri: string): Literal[] {
    return (this.bySubject.get(iri) ?? []).map((c) => c.literal);
  }

  /** How many IRIs have a label. */
  get size(): number {
    return this.bySubject.size;
  }
}
