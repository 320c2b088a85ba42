// The collection a record belongs to: the authority file's collection (its id assigned once), else one scoped to the record.
import type { NamedNode } from 'n3';
import type { Problem } from '../../src/core/errors.ts';
import type { Iris } from '../../src/core/iri.ts';
import { rdf, rdfs, dcterms, dcmitype, schema } from '../../src/core/vocab.ts';
import type { Authority, Located, ThesisRecord } from '../types.ts';
import { notListed } from './degree.ts';
import { labelLiteral, type Emitter } from './emit.ts';

/**
 * The collection resource of a record's collection name. A collection of the authority file is described in the
 * authority graph; the record repeats only its class and title (the same terms). A name the file does not list
 * gets `B id/collection/{itemId}-collection`, described here, and a warning naming the record and field.
 */
export function emitCollection(out: Emitter, iris: Iris, authority: Authority, record: ThesisRecord, collection: Located<string>, warnings?: Problem[]): NamedNode {
  const name = collection.value.trim();
  const known = authority.collectionByLabel(name);
  if (known) {
    const node = iris.collection(known.id);
    out.add(node, rdf('type'), dcmitype('Collection'));
    out.add(node, dcterms('title'), labelLiteral(known.prefLabel));
    return node;
  }
  const node = iris.recordCollection(record.id);
  out.add(node, rdf('type'), dcmitype('Collection'));
  out.add(node, rdf('type'), schema('Collection'));
  out.text(node, dcterms('title'), name);
  out.text(node, schema('name'), name);
  out.text(node, rdfs('label'), name);
  warnings?.push(notListed('collection', name, node, record, collection.line));
  return node;
}
