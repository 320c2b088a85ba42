// The quad collector every map module writes through: it drops empty values so no field yields a triple when it is empty.
import { DataFactory, type NamedNode, type BlankNode, type Quad, type Literal } from 'n3';
import { NS } from '../../src/core/vocab.ts';
import type { Label } from '../types.ts';

const { quad, literal, namedNode } = DataFactory;

export type Subject = NamedNode | BlankNode;
export type ObjectTerm = NamedNode | BlankNode | Literal;

/** XSD datatypes the map stage writes, as IRIs. */
export type XsdType = 'string' | 'gYear' | 'gYearMonth' | 'date' | 'dateTime' | 'anyURI';

/** Collects quads for one record in the default graph (the runner moves them into the record's named graph). */
export class Emitter {
  readonly quads: Quad[] = [];

  /** Adds one triple. */
  add(s: Subject, p: NamedNode, o: ObjectTerm): void {
    this.quads.push(quad(s, p, o));
  }

  /** Adds a literal triple unless the value is empty or only whitespace (the "no triple for an empty field" rule). */
  text(s: Subject, p: NamedNode, value: string | undefined, datatypeOrLang?: XsdType | { lang: string }): void {
    if (value === undefined || value.trim() === '') return;
    this.add(s, p, makeLiteral(value, datatypeOrLang));
  }

  /**
   * The quads without repeats (a Type field "Text" repeats dcterms:type dcmitype:Text), grouped by subject in the
   * order subjects first appear, so writers print each resource in one block; within a subject, emission order.
   */
  unique(): Quad[] {
    const seen = new Set<string>();
    const bySubject = new Map<string, Quad[]>();
    for (const q of this.quads) {
      const key = `${q.subject.id} ${q.predicate.id} ${q.object.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const group = bySubject.get(q.subject.id);
      if (group) group.push(q);
      else bySubject.set(q.subject.id, [q]);
    }
    return [...bySubject.values()].flat();
  }

  /** Adds the same object under several predicates (dcterms + schema.org pairs). */
  each(s: Subject, ps: NamedNode[], o: ObjectTerm): void {
    for (const p of ps) this.add(s, p, o);
  }
}

/** A literal: plain xsd:string (written without a datatype), XSD-typed, or language-tagged. */
export function makeLiteral(value: string, datatypeOrLang?: XsdType | { lang: string }): Literal {
  if (datatypeOrLang === undefined || datatypeOrLang === 'string') return literal(value);
  if (typeof datatypeOrLang === 'object') return literal(value, datatypeOrLang.lang);
  return literal(value, namedNode(NS.xsd + datatypeOrLang));
}

/** The literal of an authority label: language-tagged when it has a language, else a plain string. */
export function labelLiteral(l: Label): Literal {
  return makeLiteral(l.value, l.lang ? { lang: l.lang } : undefined);
}
