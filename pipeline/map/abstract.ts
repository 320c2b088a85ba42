// The abstract: a literal on the thesis, and a resource of its own that the link stage's annotations target.
import type { NamedNode } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, dcterms, schema } from '../../src/core/vocab.ts';
import type { Emitter } from './emit.ts';
import type { OwnTerms } from './terms.ts';

/**
 * dcterms:abstract and schema:abstract on the thesis; the abstract resource (tl:Abstract) holds the same text
 * as rdf:value and schema:text, the exact string annotation offsets count code points in; the licence, when
 * known, is the thesis's (abstracts stay under their thesis's licence).
 */
export function emitAbstract(out: Emitter, iris: Iris, tl: OwnTerms, recordId: string, thesis: NamedNode, text: string, licence: NamedNode | undefined): void {
  if (text.trim() === '') return;
  out.text(thesis, dcterms('abstract'), text);
  out.text(thesis, schema('abstract'), text);
  const node = iris.abstract(recordId);
  out.add(thesis, tl.hasAbstract, node);
  out.add(node, rdf('type'), tl.Abstract);
  out.text(node, rdf('value'), text);
  out.text(node, schema('text'), text);
  out.add(node, dcterms('isPartOf'), thesis);
  if (licence) out.add(node, dcterms('license'), licence);
}
