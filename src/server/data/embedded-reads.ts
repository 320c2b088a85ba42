// The embedded store's reads for pages, over the synchronous union QuadStore: lists, annotations, mentions, creators, glosses.
import { DataFactory, type NamedNode, type Quad, type Term } from 'n3';
import type { QuadStore } from '../store.ts';
import { NS } from '../../core/vocab.ts';
import { annotationsOn } from '../describe.ts';
import type { AnnotationData, Label, Mention } from './description.ts';

const { namedNode, quad } = DataFactory;
const oa = (local: string) => namedNode(`${NS.oa}${local}`);
const RDF_FIRST = namedNode(`${NS.rdf}first`);
const RDF_REST = namedNode(`${NS.rdf}rest`);
const RDF_NIL = `${NS.rdf}nil`;

/** The first object of (s, p) in any graph, or undefined. */
export function firstObject(store: QuadStore, s: Term, p: Term): Term | undefined {
  for (const q of store.readQuads(s, p, null, null)) return q.object;
  return undefined;
}

/** The items of an rdf:List (stops at a cycle or a broken cell), or undefined when `head` is not a list. */
export function listItems(store: QuadStore, head: Term): Term[] | undefined {
  if (head.termType !== 'BlankNode' && head.value !== RDF_NIL) return undefined;
  const items: Term[] = [];
  const seen = new Set<string>();
  let cell: Term | undefined = head;
  while (cell && cell.value !== RDF_NIL) {
    if (seen.has(cell.value)) return items;
    seen.add(cell.value);
    const item = firstObject(store, cell, RDF_FIRST);
    if (!item) return seen.size === 1 ? undefined : items;
    items.push(item);
    cell = firstObject(store, cell, RDF_REST);
  }
  return items;
}

/** The distinct objects of (s, p), first-seen order. */
function objects(store: QuadStore, s: Term, p: NamedNode): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const q of store.readQuads(s, p, null, null)) {
    const k = `${q.object.termType}${q.object.value}`;
    if (!seen.has(k)) out.push(q.object);
    seen.add(k);
  }
  return out;
}

/** An author list's items, skipping a cell with no item (a creator list is read leniently: every named author counts). */
function authorItems(store: QuadStore, head: Term): Term[] {
  const items: Term[] = [];
  const seen = new Set<string>();
  let cell: Term | undefined = head;
  while (cell && cell.value !== RDF_NIL && !seen.has(cell.value)) {
    seen.add(cell.value);
    const first = objects(store, cell, RDF_FIRST)[0];
    if (first) items.push(first);
    cell = objects(store, cell, RDF_REST)[0];
  }
  return items;
}

/** The creators in order: bibo:authorList when given, else dcterms:creator ordered by record position (`…-creator-2`). */
export function creatorsInOrder(store: QuadStore, thesis: NamedNode): string[] {
  const list = objects(store, thesis, namedNode(`${NS.bibo}authorList`))[0];
  if (list) {
    const items = authorItems(store, list).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
    if (items.length) return items;
  }
  const position = (iri: string) => Number(/-creator-(\d+)$/.exec(iri)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return objects(store, thesis, namedNode(`${NS.dcterms}creator`)).map((t) => t.value).sort((a, b) => position(a) - position(b));
}

/**
 * A statement whose subject is a cell of an rdf:List (`_:b rdf:first <person>`) read as what it means: the list's owner
 * links here by the list's property (the thesis's bibo:authorList). Other statements are kept as they are.
 */
export function throughLists(store: QuadStore, q: Quad): Quad {
  if (q.subject.termType !== 'BlankNode' || !q.predicate.equals(RDF_FIRST)) return q;
  let cell: Term = q.subject;
  const seen = new Set<string>();
  while (!seen.has(cell.value)) {
    seen.add(cell.value);
    const prev: Quad | undefined = [...store.readQuads(null, RDF_REST, cell, null)][0];
    if (!prev) break;
    cell = prev.subject;
  }
  const owner = [...store.readQuads(null, null, cell, null)].find((o) => !o.predicate.equals(RDF_FIRST) && !o.predicate.equals(RDF_REST));
  return owner ? quad(owner.subject, owner.predicate, q.object) : q;
}

/** Collects an annotation's body, target source, selectors and thesis by following its triples (no IRI arithmetic). */
export function readAnnotation(store: QuadStore, iri: string): AnnotationData {
  const a = namedNode(iri);
  const out: AnnotationData = {};
  out.body = firstObject(store, a, oa('hasBody'))?.value;
  out.motivation = firstObject(store, a, oa('motivatedBy'))?.value;
  const target = firstObject(store, a, oa('hasTarget'));
  if (!target) return out;
  out.source = firstObject(store, target, oa('hasSource'))?.value;
  for (const q of store.readQuads(target, oa('hasSelector'), null, null)) {
    const sel = q.object;
    const text = (p: string) => {
      const o = firstObject(store, sel, oa(p));
      return o?.termType === 'Literal' ? o.value : undefined;
    };
    out.exact ??= text('exact');
    out.prefix ??= text('prefix');
    out.suffix ??= text('suffix');
    const start = Number(text('start'));
    const end = Number(text('end'));
    if (out.start === undefined && Number.isInteger(start) && Number.isInteger(end) && end > start) [out.start, out.end] = [start, end];
  }
  if (out.source) out.thesis = firstObject(store, namedNode(out.source), namedNode(`${NS.dcterms}isPartOf`))?.value;
  return out;
}

/** The mentions annotated on an abstract resource, in text order (a span that is not a positive range is left out). */
export function mentionsOf(store: QuadStore, abstract: NamedNode): Mention[] {
  const out: Mention[] = [];
  const value = (s: Term | string, p: NamedNode) => firstObject(store, typeof s === 'string' ? namedNode(s) : s, p)?.value;
  for (const a of annotationsOn(store, abstract)) {
    const entity = value(a, oa('hasBody'));
    const target = value(a, oa('hasTarget'));
    if (!entity || !target) continue;
    let start: number | undefined;
    let end: number | undefined;
    let exact: string | undefined;
    for (const q of store.readQuads(namedNode(target), oa('hasSelector'), null, null)) {
      const sel = q.object.value;
      const s = value(sel, oa('start'));
      const e = value(sel, oa('end'));
      if (s !== undefined && e !== undefined) [start, end] = [Number(s), Number(e)];
      exact ??= value(sel, oa('exact'));
    }
    if (start === undefined || end === undefined || !Number.isInteger(start) || !(end > start)) continue;
    out.push({ start, end, entity, exact });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** The first literal of (s, p) with its language, or undefined. */
export function firstLiteral(store: QuadStore, s: Term, p: string): Label | undefined {
  for (const q of store.readQuads(s, namedNode(p), null, null)) if (q.object.termType === 'Literal') return { value: q.object.value, language: q.object.language };
  return undefined;
}

/** A property's gloss in the data: its first rdfs:comment in English or untagged (our vocabulary graph states them). */
export function commentOf(store: QuadStore, iri: string): string | undefined {
  for (const q of store.readQuads(namedNode(iri), namedNode(`${NS.rdfs}comment`), null, null)) {
    if (q.object.termType === 'Literal' && (q.object.language === 'en' || q.object.language === '')) return q.object.value;
  }
  return undefined;
}
