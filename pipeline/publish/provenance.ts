// PROV provenance of one record graph, dated from the ledger so that a rebuild of unchanged inputs writes the same bytes.
import { DataFactory, type NamedNode, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import type { Iris } from '../../src/core/iri.ts';
import { dcterms, foaf, prov, rdf, rdfs, schema, xsd } from '../../src/core/vocab.ts';
import type { LedgerEntry } from '../ledger.ts';
import { isAbsoluteIri } from '../map/identifiers.ts';
import type { ThesisRecord } from '../types.ts';

const { quad, literal, namedNode } = DataFactory;

/** The build activity of a date: `B dataset#build-2025-08-22T000000Z` (colons are not allowed in our fragments). */
export function buildActivity(iris: Iris, date: string): NamedNode {
  return iris.datasetPart(`build-${date.replace(/:/g, '')}`);
}

/**
 * The statements about a record's named graph: what it is about, when it was first published and last changed
 * (the ledger's dates), the build that produced this version of it, and the harvested record it was derived from.
 *
 * Provenance is about the description (the graph), not the work: the thesis is not derived from anything we
 * hold. The source is always `B id/source/{itemId}`, the item metadata as harvested (what the build actually
 * read), described here; when ingest knows the page it was harvested from (an Open Collections landing page),
 * that page is its dcterms:source. A DOI is never the source: it names the thesis itself (schema:sameAs).
 * The build activity is only named here; buildActivities describes it once, in the dataset graph, so that no
 * statement is repeated across record graphs.
 */
export function recordProvenance(iris: Iris, record: ThesisRecord, entry: LedgerEntry): Quad[] {
  const graph = iris.recordGraph(record.id);
  const thesis = iris.thesis(record.id);
  const source = iris.source(record.id);
  const modified = literal(entry.lastModified, xsd('dateTime'));
  const out: Quad[] = [];
  const add = (s: Quad_Subject, p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, graph));
  add(graph, rdf('type'), prov('Entity'));
  add(graph, foaf('primaryTopic'), thesis);
  add(graph, dcterms('isPartOf'), iris.dataset());
  add(graph, dcterms('issued'), literal(entry.firstPublished, xsd('dateTime')));
  add(graph, dcterms('modified'), modified);
  add(graph, prov('generatedAtTime'), modified);
  add(graph, prov('wasGeneratedBy'), buildActivity(iris, entry.lastModified));
  add(graph, prov('wasDerivedFrom'), source);

  add(source, rdf('type'), prov('Entity'));
  add(source, rdfs('label'), literal(`Harvested record of thesis ${record.id}`, 'en'));
  add(source, rdfs('comment'), literal(`Item metadata in the ${record.format} format, read from ${record.source.file} in the build's data folder.`, 'en'));
  add(source, foaf('primaryTopic'), thesis);
  const landing = record.landingPage?.trim();
  if (landing && isAbsoluteIri(landing)) {
    const page = namedNode(landing);
    add(source, dcterms('source'), page);
    add(page, rdf('type'), schema('WebPage'));
    add(page, schema('about'), thesis);
  }
  return out;
}

/** The build activities the record graphs name (one per distinct ledger date), for the dataset graph, in date order. */
export function buildActivities(iris: Iris, dates: Iterable<string>): Quad[] {
  const graph = iris.graph('dataset');
  const out: Quad[] = [];
  for (const date of [...new Set(dates)].sort()) {
    const activity = buildActivity(iris, date);
    out.push(
      quad(activity, rdf('type'), prov('Activity'), graph),
      quad(activity, rdfs('label'), literal(`thesis-lod build of ${date}`, 'en'), graph),
      quad(activity, prov('endedAtTime'), literal(date, xsd('dateTime')), graph),
    );
  }
  return out;
}

/**
 * When each graph that is not a record (authority, ontology) last changed, stated in the dataset graph: pages show the
 * authority's labels, so their Last-Modified must move when only the authority file changes (the ledger's date).
 */
export function sharedGraphDates(iris: Iris, dates: Iterable<[name: 'authority' | 'ontology', lastModified: string]>): Quad[] {
  const graph = iris.graph('dataset');
  return [...dates].map(([name, date]) => quad(iris.graph(name), dcterms('modified'), literal(date, xsd('dateTime')), graph));
}
