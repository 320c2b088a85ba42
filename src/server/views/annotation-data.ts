// Reads one Web Annotation from the store: what it identifies, the quoted words with their context, and where they are.
import { DataFactory, type Term } from 'n3';
import type { QuadStore } from '../store.ts';
import { NS } from '../../core/vocab.ts';

const { namedNode } = DataFactory;
const oa = (local: string) => namedNode(`${NS.oa}${local}`);

/** An annotation as a page shows it; every field is optional because harvested or hand-made data may lack any. */
export interface AnnotationData {
  /** The entity the annotation identifies (oa:hasBody). */
  body?: string;
  /** The text resource it targets (the abstract). */
  source?: string;
  /** The thesis that text is part of. */
  thesis?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  /** Code-point span in the source text. */
  start?: number;
  end?: number;
  motivation?: string;
}

/** The first object of (s, p) in any graph, or undefined. */
export function firstObject(store: QuadStore, s: Term, p: Term): Term | undefined {
  for (const q of store.readQuads(s, p, null, null)) return q.object;
  return undefined;
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
