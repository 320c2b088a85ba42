// The embedded store's reads for pages, over the union's triple ids: lists, annotations, mentions, creators, glosses.
import { DataFactory, type Quad, type Term } from 'n3';
import { NS } from '../../core/vocab.ts';
import { distinctTerms, readList, RDF_FIRST, RDF_NIL, RDF_REST, type ListAccess } from '../../core/rdf-read.ts';
import { annotationsOn } from '../describe.ts';
import type { AnnotationData, Label, Mention } from './description.ts';
import { ANY, firstObject, objectIds, type TripleIds } from './triple-ids.ts';

const { namedNode, quad } = DataFactory;
const IS_PART_OF = `${NS.dcterms}isPartOf`;
const AUTHOR_LIST = `${NS.bibo}authorList`;
const CREATOR = `${NS.dcterms}creator`;
const COMMENT = `${NS.rdfs}comment`;
// The Web Annotation terms read here, as strings made once (so each lookup hashes a string it has hashed before).
const OA = {
  end: `${NS.oa}end`,
  exact: `${NS.oa}exact`,
  hasBody: `${NS.oa}hasBody`,
  hasSelector: `${NS.oa}hasSelector`,
  hasSource: `${NS.oa}hasSource`,
  hasTarget: `${NS.oa}hasTarget`,
  motivatedBy: `${NS.oa}motivatedBy`,
  prefix: `${NS.oa}prefix`,
  start: `${NS.oa}start`,
  suffix: `${NS.oa}suffix`,
} as const;

/** How rdf:List cells are read over the union's triple ids (for the project's one list reader, src/core/rdf-read.ts). */
function listAccess(ids: TripleIds): ListAccess<number> {
  const first = ids.vocab(RDF_FIRST);
  const rest = ids.vocab(RDF_REST);
  const nil = ids.vocab(RDF_NIL);
  return {
    first: (cell) => firstObject(ids, cell, first),
    rest: (cell) => firstObject(ids, cell, rest),
    isNil: (t) => t === nil,
    isCell: (t) => ids.term(t).termType === 'BlankNode',
  };
}

/** The items of an rdf:List (stops at a cycle or a broken cell), or undefined when `head` is not a list. */
export function listItems(ids: TripleIds, head: number): number[] | undefined {
  return readList(head, listAccess(ids));
}

/** The distinct objects of (s, p), first-seen order. */
function objects(ids: TripleIds, s: number | undefined, p: number | undefined): Term[] {
  return distinctTerms(objectIds(ids, s, p).map((o) => ids.term(o)));
}

/** An author list's items, skipping a cell with no item (a creator list is read leniently: every named author counts). */
function authorItems(ids: TripleIds, head: number): Term[] {
  return readList(head, listAccess(ids), true)!.map((item) => ids.term(item));
}

/** The creators in order: bibo:authorList when given, else dcterms:creator ordered by record position (`…-creator-2`). */
export function creatorsInOrder(ids: TripleIds, thesis: number): string[] {
  const list = firstObject(ids, thesis, ids.vocab(AUTHOR_LIST));
  if (list !== undefined) {
    const items = authorItems(ids, list).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
    if (items.length) return items;
  }
  const position = (iri: string) => Number(/-creator-(\d+)$/.exec(iri)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return objects(ids, thesis, ids.vocab(CREATOR)).map((t) => t.value).sort((a, b) => position(a) - position(b));
}

/**
 * A statement whose subject is a cell of an rdf:List (`_:b rdf:first <person>`) read as what it means: the list's owner
 * links here by the list's property (the thesis's bibo:authorList). Other statements are kept as they are.
 */
export function throughLists(ids: TripleIds, q: Quad): Quad {
  if (q.subject.termType !== 'BlankNode' || q.predicate.value !== RDF_FIRST) return q;
  const first = ids.vocab(RDF_FIRST);
  const rest = ids.vocab(RDF_REST);
  let cell = ids.id(q.subject);
  if (cell === undefined) return q;
  const seen = new Set<number>();
  while (rest !== undefined && !seen.has(cell)) {
    seen.add(cell);
    const prev: number | undefined = ids.match(ANY, rest, cell)[0];
    if (prev === undefined) break;
    cell = ids.subject(prev);
  }
  const owner = ids.match(ANY, ANY, cell).find((t) => ids.predicate(t) !== first && ids.predicate(t) !== rest);
  return owner === undefined ? q : quad(ids.term(ids.subject(owner)) as Quad['subject'], ids.term(ids.predicate(owner)) as Quad['predicate'], q.object);
}

/** The value of a literal id, or undefined for any other term. */
function literalValue(ids: TripleIds, id: number | undefined): string | undefined {
  if (id === undefined) return undefined;
  const t = ids.term(id);
  return t.termType === 'Literal' ? t.value : undefined;
}

/** The id of the IRI a term's value names: the term's own for an IRI, else a lookup (a literal or blank node naming one). */
function asIri(ids: TripleIds, id: number): number | undefined {
  const t = ids.term(id);
  return t.termType === 'NamedNode' ? id : ids.id(namedNode(t.value));
}

/** Collects an annotation's body, target source, selectors and thesis by following its triples (no IRI arithmetic). */
export function readAnnotation(ids: TripleIds, annotation: number | undefined): AnnotationData {
  const out: AnnotationData = {};
  const value = (s: number | undefined, p: string) => {
    const o = s === undefined ? undefined : firstObject(ids, s, ids.vocab(p));
    return o === undefined ? undefined : ids.term(o).value;
  };
  out.body = value(annotation, OA.hasBody);
  out.motivation = value(annotation, OA.motivatedBy);
  const target = firstObject(ids, annotation, ids.vocab(OA.hasTarget));
  if (target === undefined) return out;
  const source = firstObject(ids, target, ids.vocab(OA.hasSource));
  out.source = source === undefined ? undefined : ids.term(source).value;
  for (const sel of objectIds(ids, target, ids.vocab(OA.hasSelector))) {
    const text = (p: keyof typeof OA) => literalValue(ids, firstObject(ids, sel, ids.vocab(OA[p])));
    out.exact ??= text('exact');
    out.prefix ??= text('prefix');
    out.suffix ??= text('suffix');
    const start = Number(text('start'));
    const end = Number(text('end'));
    if (out.start === undefined && Number.isInteger(start) && Number.isInteger(end) && end > start) [out.start, out.end] = [start, end];
  }
  if (out.source) out.thesis = value(asIri(ids, source!), IS_PART_OF);
  return out;
}

/** The mentions annotated on an abstract resource, in text order (a span that is not a positive range is left out). */
export function mentionsOf(ids: TripleIds, abstract: number): Mention[] {
  const out: Mention[] = [];
  const value = (s: number, p: string) => {
    const o = firstObject(ids, s, ids.vocab(p));
    return o === undefined ? undefined : ids.term(o).value;
  };
  for (const a of annotationsOn(ids, abstract)) {
    const entity = value(a, OA.hasBody);
    const targetId = firstObject(ids, a, ids.vocab(OA.hasTarget));
    // The target and its selectors are read as the IRIs their values name (they are hash IRIs of the annotation).
    if (!entity || targetId === undefined || !ids.term(targetId).value) continue;
    const target = asIri(ids, targetId);
    let start: number | undefined;
    let end: number | undefined;
    let exact: string | undefined;
    for (const o of objectIds(ids, target, ids.vocab(OA.hasSelector))) {
      const sel = asIri(ids, o);
      if (sel === undefined) continue;
      const s = value(sel, OA.start);
      const e = value(sel, OA.end);
      if (s !== undefined && e !== undefined) [start, end] = [Number(s), Number(e)];
      exact ??= value(sel, OA.exact);
    }
    if (start === undefined || end === undefined || !Number.isInteger(start) || !(end > start)) continue;
    out.push({ start, end, entity, exact });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** The first literal of (s, p) with its language, or undefined. */
export function firstLiteral(ids: TripleIds, s: number | undefined, p: string): Label | undefined {
  for (const o of objectIds(ids, s, ids.vocab(p))) {
    const t = ids.term(o);
    if (t.termType === 'Literal') return { value: t.value, language: t.language };
  }
  return undefined;
}

/** A property's gloss in the data: its first rdfs:comment in English or untagged (our vocabulary graph states them). */
export function commentOf(ids: TripleIds, property: number | undefined): string | undefined {
  for (const o of objectIds(ids, property, ids.vocab(COMMENT))) {
    const t = ids.term(o);
    if (t.termType === 'Literal' && (t.language === 'en' || t.language === '')) return t.value;
  }
  return undefined;
}
