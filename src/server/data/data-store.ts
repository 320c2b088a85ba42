// The one asynchronous interface between the server and its data: routes and views ask it, never a store directly.
import type { EntityKind, ThingKind } from '../../core/iri.ts';
import type { Limits, QueryAnswer, QueryJob } from '../sparql/execute.ts';
import type { ServiceJob } from '../sparql/messages.ts';
import type { Description, Label } from './description.ts';

/** Incoming links per page: a place mentioned by thousands of theses is listed 100 at a time. */
export const INCOMING_PAGE_SIZE = 100;

/** Whether the page parts of a description are wanted (not for RDF alone), and what else the page names. */
export interface PageOptions {
  /** False: only the RDF of the document (labels, lists, annotations and bylines left empty). Default true. */
  forPage?: boolean;
  /** IRIs the page names that the data does not (the terms a view names some rows by): labelled too. */
  alsoLabel?: readonly string[];
}

/** Which page of incoming links, how many a page, and the page parts. */
export interface DescribeOptions extends PageOptions {
  /** 1-based; a page past the last has no incoming links (the caller answers 404). */
  page?: number;
  /** Incoming links a page; 0 counts them and keeps none. */
  pageSize?: number;
}

/** What the store holds, counted cheaply. */
export interface StoreStats {
  /** Distinct triples served (the union of every graph), as the triple dumps hold them. */
  triples: number;
  /** Named graphs. */
  graphs: number;
}

/** Typed things of this base (`B id/…` with an rdf:type), counted by kind. */
export interface ThingCounts {
  theses: number;
  entities: Record<EntityKind, number>;
}

/** One typed thing of this base, with the date its data last changed when the data states one. */
export interface ThingEntry {
  kind: ThingKind;
  id: string;
  /** The record graph's dcterms:modified for a thesis, else the thing's own (as stated: a date or a dateTime). */
  modified?: string;
}

/** What the browse pages group theses by: dcterms:issued's year, schema:inSupportOf (a degree), tl:program (text), dcterms:isPartOf (a collection). */
export const THESIS_FACETS = ['year', 'degree', 'program', 'collection'] as const;
export type ThesisFacet = (typeof THESIS_FACETS)[number];

/** One value of a facet and how many theses have it: a year ("2025"), a degree or collection IRI, or a program's text. */
export interface FacetCount {
  value: string;
  /** The value's best label when it is an IRI that has one. */
  label?: Label;
  count: number;
}

/** Which theses to list: those with one facet value (all when none), a window of them. */
export interface ThesisListOptions {
  facet?: ThesisFacet;
  /** The value as thesisFacets gives it; required with `facet`. */
  value?: string;
  offset?: number;
  /** How many to return; default 100. */
  limit?: number;
}

/** One thesis of a list: enough for a line of a page (title, creators' names in order, date issued as stated). */
export interface ThesisSummary {
  iri: string;
  title?: Label;
  creators: string[];
  issued?: string;
}

/** How a SPARQL job runs: a signal that cancels it (a client that went away), and row or byte caps replacing the store's own. The time limit is the store's. */
export interface SparqlOptions {
  signal?: AbortSignal;
  limits?: Partial<Limits>;
}

/**
 * The server's data, asked asynchronously so that a store answering over the network (an external SPARQL store) fits
 * as well as the embedded one. IRIs are strings; a Description carries n3 terms, which every RDF writer here reads.
 */
export interface DataStore {
  /** True when some triple (of any graph) has this IRI as its subject: how the server knows a thing exists. */
  exists(iri: string): Promise<boolean>;
  /** A thing's document with one page of its incoming links, and everything its page shows. */
  describe(iri: string, options?: DescribeOptions): Promise<Description>;
  /** A document whose subjects are the document IRI and its hash parts as one named graph has them (B dataset, B ontology). */
  describeDocument(document: string, graph: string, options?: PageOptions): Promise<Description>;
  /** True when the dataset has a named graph of this name. */
  hasGraph(iri: string): Promise<boolean>;
  /** Every named graph's name. */
  graphNames(): Promise<string[]>;
  /** The best label (skos:prefLabel, rdfs:label, schema:name, dcterms:title, foaf:name; English first) of each IRI that has one. */
  labels(iris: Iterable<string>): Promise<Map<string, Label>>;
  /** Triples and graphs. */
  stats(): Promise<StoreStats>;
  /** Typed theses and entities by kind (what the home page counts when the build made no search index). */
  countThings(): Promise<ThingCounts>;
  /** Every typed thing of these kinds, with its last modification (what the sitemap lists). */
  listThings(kinds: readonly ThingKind[]): Promise<ThingEntry[]>;
  /**
   * The dcterms:modified each IRI states (in any graph; the latest when several), for those that state one: the build
   * dates a record graph (`B graph/thesis/{id}`) and the dataset (`B dataset#dataset`) from the ledger. A SPARQL store:
   * `SELECT ?s (MAX(STR(?m)) AS ?modified) WHERE { VALUES ?s { … } ?s dcterms:modified ?m } GROUP BY ?s`.
   */
  modified(iris: Iterable<string>): Promise<Map<string, string>>;
  /**
   * The values of one facet over every thesis (`B id/thesis/…` with an rdf:type), with their counts, most theses first
   * (years newest first); a thesis counts once per distinct value it has.
   */
  thesisFacets(facet: ThesisFacet): Promise<FacetCount[]>;
  /** Theses (all, or those with one facet value), newest dcterms:issued first, then by title; `total` counts them all. */
  listTheses(options?: ThesisListOptions): Promise<{ total: number; theses: ThesisSummary[] }>;
  /** Runs a SPARQL query (or the service description) within the store's limits; rejects with the catalogue's errors, or with the signal's reason once it aborts. */
  sparql(job: QueryJob | ServiceJob, options?: SparqlOptions): Promise<QueryAnswer>;
}
