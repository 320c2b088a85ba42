// The dataset description (VoID + DCAT) of `B dataset#dataset`, in graph `B graph/dataset`, built once the counts are known.
import { DataFactory, type NamedNode, type Quad, type Quad_Object } from 'n3';
import type { Iris } from '../src/core/iri.ts';
import { dcat, dcterms, foaf, formats, prefixes, rdf, rdfs, shorten, voidNs, xsd, OWN_PREFIX } from '../src/core/vocab.ts';
import type { Label } from './types.ts';
import { sha256Hex } from './ingest/source-text.ts';
import { labelLiteral } from './map/emit.ts';
import type { UnionCounts } from './publish/union.ts';

const { quad, literal, namedNode } = DataFactory;

/** What the description states that the data itself cannot tell. */
export interface DescribeInput {
  iris: Iris;
  counts: UnionCounts;
  /** The metadata's own licence (Config.metadataLicense, CC0 by default). */
  metadataLicense: string;
  /** The publishing organisation (UBC Library in the authority file) and its preferred label, if known. */
  publisher?: { iri: NamedNode; name: Label };
  /** Dates from the ledger: the first publication and the newest change. */
  issued?: string;
  modified?: string;
  /** The dumps the description announces, by extension and media type. */
  dumps: readonly { ext: 'ttl' | 'nt' | 'nq' | 'jsonld' | 'rdf'; mediaType: string }[];
  /** A few typical things (the first theses published). */
  examples: readonly NamedNode[];
}

const TITLE = 'UBC theses as linked open data';
const DESCRIPTION =
  'Metadata of theses and dissertations from the University of British Columbia Library, with their abstracts, ' +
  'the people, organisations, places, events and concepts they name, and where each is mentioned in the abstracts.';
// Local names in the W3C format namespace (vocab.ts `formats`).
const FORMATS: Record<string, string> = { ttl: 'Turtle', nt: 'N-Triples', nq: 'N-Quads', jsonld: 'JSON-LD', rdf: 'RDF_XML' };
const FORMAT_NAMES: Record<string, string> = { ttl: 'Turtle', nt: 'N-Triples', nq: 'N-Quads', jsonld: 'JSON-LD', rdf: 'RDF/XML' };

const GZIP_MEDIA_TYPE = 'https://www.iana.org/assignments/media-types/application/gzip';

/**
 * The services beside the dumps, as DCAT data services serving the dataset: OAI-PMH (for harvesters) and the change
 * feed (IIIF Change Discovery 1.0, for aggregators); the dataset points to each with rdfs:seeAlso.
 */
function describeServices(input: DescribeInput, add: (s: NamedNode, p: NamedNode, o: Quad_Object) => void, ds: NamedNode): void {
  const { iris } = input;
  const services = [
    { part: 'oai-pmh', title: 'OAI-PMH 2.0 provider (oai_dc, ETD-MS, MARC 21, RDF)', endpoint: iris.oai(), spec: 'http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm' },
    { part: 'change-feed', title: 'Change feed: Create, Update and Delete activities (IIIF Change Discovery 1.0)', endpoint: iris.changes(), spec: 'https://iiif.io/api/discovery/1.0/' },
  ];
  for (const s of services) {
    const node = iris.datasetPart(s.part);
    add(ds, rdfs('seeAlso'), node);
    add(node, rdf('type'), dcat('DataService'));
    add(node, dcterms('title'), literal(s.title, 'en'));
    add(node, dcat('endpointURL'), s.endpoint);
    add(node, dcterms('conformsTo'), namedNode(s.spec));
    add(namedNode(s.spec), rdf('type'), dcterms('Standard'));
    add(node, dcat('servesDataset'), ds);
    add(node, dcterms('license'), namedNode(input.metadataLicense));
  }
}

function dateTime(value: string) {
  return literal(value, xsd('dateTime'));
}

function count(n: number) {
  return literal(String(n), xsd('integer'));
}

/** A stable fragment for a partition: `class-schema-Thesis`, or a hash when the IRI has no known prefix. */
function partFragment(kind: 'class' | 'property', iri: string, base: string): string {
  const short = shorten(iri, base);
  const local = short === iri ? sha256Hex(iri).slice(0, 16) : short.replace(':', '-');
  return `${kind}-${local}`;
}

/** The vocabularies a set of predicate and class IRIs come from, as the IRIs VoID expects (namespace, or `B ontology`). */
export function vocabulariesOf(iris: Iris, terms: Iterable<string>): NamedNode[] {
  const all = Object.entries(prefixes(iris.base)).sort((a, b) => b[1].length - a[1].length);
  const found = new Set<string>();
  for (const term of terms) {
    const hit = all.find(([, ns]) => term.startsWith(ns));
    if (hit) found.add(hit[0] === OWN_PREFIX ? iris.ontology().value : hit[1]);
  }
  return [...found].sort().map((v) => namedNode(v));
}

/** Builds the description graph: VoID counts and partitions, DCAT distributions, licence, publisher, dates. */
export function describeDataset(input: DescribeInput): Quad[] {
  const { iris, counts } = input;
  const graph = iris.graph('dataset');
  const out: Quad[] = [];
  const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, graph));
  const ds = iris.dataset();
  const doc = iris.datasetDoc();

  add(doc, rdf('type'), voidNs('DatasetDescription'));
  add(doc, dcterms('title'), literal(`Description of the dataset “${TITLE}”`, 'en'));
  add(doc, foaf('primaryTopic'), ds);

  add(ds, rdf('type'), voidNs('Dataset'));
  add(ds, rdf('type'), dcat('Dataset'));
  add(ds, dcterms('title'), literal(TITLE, 'en'));
  add(ds, dcterms('description'), literal(DESCRIPTION, 'en'));
  if (input.publisher) {
    // DCAT-AP checks the publisher's class (foaf:Agent, with a foaf:name) where the description is read: the
    // `B dataset` document serves this graph alone, so the publisher's FOAF view is stated here, not only in authority.
    const { iri, name } = input.publisher;
    add(ds, dcterms('publisher'), iri);
    add(iri, rdf('type'), foaf('Organization'));
    add(iri, rdf('type'), foaf('Agent'));
    add(iri, foaf('name'), labelLiteral(name));
  }
  // The licence covers the metadata; the rights statement says what it does not cover (the abstracts). DCAT
  // (and DCAT-AP's shapes) want dcterms:rights to be a dcterms:RightsStatement resource, not a literal: one
  // statement, a hash IRI, that the dataset and every distribution point to, since each dump holds abstracts too.
  const licence = namedNode(input.metadataLicense);
  const rights = iris.datasetPart('rights');
  add(ds, dcterms('license'), licence);
  add(ds, dcterms('rights'), rights);
  add(licence, rdf('type'), dcterms('LicenseDocument'));
  add(rights, rdf('type'), dcterms('RightsStatement'));
  add(rights, rdfs('label'), literal('Metadata under the dataset licence; abstracts under their thesis’s licence', 'en'));
  add(rights, dcterms('description'), literal(
    `The metadata in this dataset is published under ${input.metadataLicense}. Each thesis abstract ` +
    '(dcterms:abstract, schema:abstract and its abstract resource) stays under the licence of its thesis, ' +
    'which the thesis states with dcterms:license; it is not covered by the licence of the metadata.', 'en'));
  if (input.issued) add(ds, dcterms('issued'), dateTime(input.issued));
  if (input.modified) add(ds, dcterms('modified'), dateTime(input.modified));
  // Types DCAT-AP checks with sh:class; each follows from the property's rdfs:range (dcat:landingPage → foaf:Document,
  // dcat:mediaType → dcterms:MediaType, dcterms:format → dcterms:MediaTypeOrExtent), so stating them claims nothing new.
  add(ds, dcat('landingPage'), iris.home());
  add(iris.home(), rdf('type'), foaf('Document'));
  add(ds, voidNs('sparqlEndpoint'), iris.sparql());
  add(ds, voidNs('uriSpace'), literal(iris.idSpace()));
  for (const e of input.examples) add(ds, voidNs('exampleResource'), e);
  for (const v of vocabulariesOf(iris, [...counts.properties.keys(), ...counts.classes.keys()])) add(ds, voidNs('vocabulary'), v);

  // Counts of the union of all graphs except this description (which cannot count itself).
  add(ds, voidNs('triples'), count(counts.triples));
  add(ds, voidNs('entities'), count(counts.entities));
  add(ds, voidNs('distinctSubjects'), count(counts.distinctSubjects));
  add(ds, voidNs('properties'), count(counts.properties.size));
  add(ds, voidNs('classes'), count(counts.classes.size));
  for (const [cls, n] of [...counts.classes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const part = iris.datasetPart(partFragment('class', cls, iris.base));
    add(ds, voidNs('classPartition'), part);
    add(part, voidNs('class'), namedNode(cls));
    add(part, voidNs('entities'), count(n));
  }
  for (const [prop, n] of [...counts.properties].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const part = iris.datasetPart(partFragment('property', prop, iris.base));
    add(ds, voidNs('propertyPartition'), part);
    add(part, voidNs('property'), namedNode(prop));
    add(part, voidNs('triples'), count(n));
  }

  describeServices(input, add, ds);

  // One distribution per dump and per gzip variant. No checksum and no byte size here: each dump contains this very
  // description; the served description adds both (src/server/dataset/served-description.ts).
  const gzip = namedNode(GZIP_MEDIA_TYPE);
  for (const { ext, mediaType } of input.dumps) {
    const dist = iris.datasetPart(`dump-${ext}-gz`);
    add(ds, dcat('distribution'), dist);
    add(dist, rdf('type'), dcat('Distribution'));
    add(dist, dcterms('title'), literal(`${FORMAT_NAMES[ext]} dump, gzip-compressed`, 'en'));
    add(dist, dcat('downloadURL'), iris.dumpGzip(ext));
    add(dist, dcat('accessURL'), iris.dumpGzip(ext));
    const media = namedNode(`https://www.iana.org/assignments/media-types/${mediaType}`);
    add(dist, dcat('mediaType'), media);
    add(dist, dcat('compressFormat'), gzip);
    add(gzip, rdf('type'), dcterms('MediaType'));
    add(dist, dcterms('format'), formats(FORMATS[ext]!));
    add(dist, dcterms('license'), licence);
    add(dist, dcterms('rights'), rights);
  }
  for (const { ext, mediaType } of input.dumps) {
    const dump = iris.dump(ext);
    const dist = iris.datasetPart(`dump-${ext}`);
    add(ds, voidNs('dataDump'), dump);
    add(ds, dcat('distribution'), dist);
    add(dist, rdf('type'), dcat('Distribution'));
    add(dist, dcterms('title'), literal(`${FORMAT_NAMES[ext]} dump${ext === 'nq' ? ' (one named graph per record)' : ''}`, 'en'));
    add(dist, dcat('downloadURL'), dump);
    add(dist, dcat('accessURL'), dump);
    const media = namedNode(`https://www.iana.org/assignments/media-types/${mediaType}`);
    const format = formats(FORMATS[ext]!);
    add(dist, dcat('mediaType'), media);
    add(media, rdf('type'), dcterms('MediaType'));
    add(dist, dcterms('format'), format);
    add(format, rdf('type'), dcterms('MediaTypeOrExtent'));
    // DCAT-AP reads the licence from the distribution: the metadata's, with the same rights statement as the dataset.
    add(dist, dcterms('license'), licence);
    add(dist, dcterms('rights'), rights);
    add(ds, voidNs('feature'), format);
  }
  return out;
}
