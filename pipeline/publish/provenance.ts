// PROV provenance of one record graph, dated from the ledger so that a rebuild of unchanged inputs writes the same bytes.
import { DataFactory, type NamedNode, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { dcterms, foaf, prov, rdf, rdfs, xsd } from '../../src/core/vocab.ts';
import type { LedgerEntry } from '../ledger.ts';

const { quad, literal } = DataFactory;

/** The build activity of a date: `B dataset#build-2025-08-22T000000Z` (colons are not allowed in our fragments). */
export function buildActivity(iris: Iris, date: string): NamedNode {
  return iris.datasetPart(`build-${date.replace(/:/g, '')}`);
}

/**
 * The statements about a record's named graph: what it is about, when it was first published and
 * last changed (the ledger's dates), and the build that produced this version of it.
 */
export function recordProvenance(iris: Iris, recordId: string, entry: LedgerEntry): Quad[] {
  const graph = iris.recordGraph(recordId);
  const activity = buildActivity(iris, entry.lastModified);
  const modified = literal(entry.lastModified, xsd('dateTime'));
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, graph));
  add(graph, rdf('type'), prov('Entity'));
  add(graph, foaf('primaryTopic'), iris.thesis(recordId));
  add(graph, dcterms('isPartOf'), iris.dataset());
  add(graph, dcterms('issued'), literal(entry.firstPublished, xsd('dateTime')));
  add(graph, dcterms('modified'), modified);
  add(graph, prov('generatedAtTime'), modified);
  add(graph, prov('wasGeneratedBy'), activity);
  add(activity, rdf('type'), prov('Activity'));
  add(activity, rdfs('label'), literal(`thesis-lod build of ${entry.lastModified}`, 'en'));
  add(activity, prov('endedAtTime'), modified);
  return out;
}
