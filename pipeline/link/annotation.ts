// One mention as a W3C Web Annotation: every node has its own IRI (hash parts of the annotation), no blank nodes.
import { DataFactory, type NamedNode, type Quad, type Quad_Object } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { dcterms, oa, prov, rdf, xsd } from '../../src/core/vocab.ts';
import type { MatchText } from './text.ts';
import { quoteOf } from './text.ts';

const { literal, quad } = DataFactory;

/** Code points of context kept either side of the quote (TextQuoteSelector prefix/suffix). */
export const QUOTE_CONTEXT = 32;

/** What an annotation needs beyond its span: the record, the entity it identifies, the agent that made it, the graph. */
export interface AnnotationContext {
  iris: Iris;
  itemId: string;
  text: MatchText;
  agent: NamedNode;
  graph: NamedNode;
}

/**
 * The annotation of one mention: motivated by oa:identifying (the body is the entity the span refers to, not
 * a tag describing it), targeting a SpecificResource on the abstract with a quote and a position selector
 * (two ways to find the same span); dcterms:creator and prov:wasAttributedTo name the linker.
 */
export function annotationQuads(ctx: AnnotationContext, entity: NamedNode, start: number, end: number): Quad[] {
  const { iris, itemId, graph } = ctx;
  const out: Quad[] = [];
  const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, graph));
  const ann = iris.annotation(itemId, start, end);
  const target = iris.annotationPart(itemId, start, end, 'target');
  const quote = iris.annotationPart(itemId, start, end, 'quote');
  const position = iris.annotationPart(itemId, start, end, 'position');
  const q = quoteOf(ctx.text, start, end, QUOTE_CONTEXT);

  add(ann, rdf('type'), oa('Annotation'));
  add(ann, oa('motivatedBy'), oa('identifying'));
  add(ann, oa('hasBody'), entity);
  add(ann, oa('hasTarget'), target);
  add(ann, dcterms('creator'), ctx.agent);
  add(ann, prov('wasAttributedTo'), ctx.agent);
  add(target, rdf('type'), oa('SpecificResource'));
  add(target, oa('hasSource'), iris.abstract(itemId));
  add(target, oa('hasSelector'), quote);
  add(target, oa('hasSelector'), position);
  add(quote, rdf('type'), oa('TextQuoteSelector'));
  add(quote, oa('exact'), literal(q.exact));
  // An empty prefix or suffix (a mention at the very start or end) is left out rather than written as "".
  if (q.prefix) add(quote, oa('prefix'), literal(q.prefix));
  if (q.suffix) add(quote, oa('suffix'), literal(q.suffix));
  add(position, rdf('type'), oa('TextPositionSelector'));
  add(position, oa('start'), literal(String(start), xsd('nonNegativeInteger')));
  add(position, oa('end'), literal(String(end), xsd('nonNegativeInteger')));
  return out;
}
