// The contract between pipeline stages: what ingest yields, what map/link read, what publish writes.
import type { Quad } from 'n3';
import type { Problem } from '../src/core/errors.ts';
import type { EntityKind } from '../src/core/iri.ts';

/** Where a record (or a value of it) came from: a file under DATA_DIR and the line it starts on. */
export interface SourceRef {
  /** Path relative to DATA_DIR, with forward slashes (data/records/x.txt → records/x.txt). */
  file: string;
  line?: number;
}

/** A date at the precision the source states: 2025 → gYear, 2025-11 → gYearMonth, 2025-08-22 → date. */
export interface TypedDate {
  value: string;
  datatype: 'gYear' | 'gYearMonth' | 'date' | 'dateTime';
}

/** One field value with the line it stood on (for messages). */
export interface Located<T> {
  value: T;
  line?: number;
}

/** A thesis record as ingest reads it, whatever the input format: plain values, nothing RDF yet. */
export interface ThesisRecord {
  /** The repository's item id (1.0449833), used in IRIs. */
  id: string;
  /** Input format name (`ubc-oc-text`, `oai_dc`). */
  format: string;
  source: SourceRef;
  /** SHA-256 (hex) of the record's source bytes, for the ledger. */
  contentHash: string;
  title?: Located<string>;
  alternativeTitles: Located<string>[];
  /** Personal names as written ("Li, Yi"), in order. */
  creators: Located<string>[];
  supervisors: Located<string>[];
  contributors: Located<string>[];
  publishers: Located<string>[];
  dateIssued?: Located<TypedDate>;
  dateAvailable?: Located<TypedDate>;
  graduationDate?: Located<TypedDate>;
  /** The abstract as published; paragraphs joined by "\n". Typographic quotes kept. */
  abstract?: Located<string>;
  /** Description field (paragraphs joined by "\n"). */
  description?: Located<string>;
  genres: Located<string>[];
  types: Located<string>[];
  /** ISO 639-2 codes (eng), checked by ingest. */
  languages: Located<string>[];
  provider?: Located<string>;
  rights?: Located<string>;
  rightsUri?: Located<string>;
  /** Bare DOI (10.14288/1.0449833). */
  doi?: Located<string>;
  /** Handle or other persistent URI of the item (http://hdl.handle.net/2429/…). */
  uris: Located<string>[];
  degree?: Located<string>;
  program?: Located<string>;
  affiliations: Located<string>[];
  degreeGrantor?: Located<string>;
  campus?: Located<string>;
  scholarLevel?: Located<string>;
  aggregatedSource?: Located<string>;
  /** Collection name (UBC Theses and Dissertations). */
  collection?: Located<string>;
  subjects: Located<string>[];
  /** The landing page the record was harvested from, when known. */
  landingPage?: string;
}

/** What ingest yields for each record it finds: a record, or a rejection that says where and why. */
export type Ingested =
  // warnings: notices that reject nothing (an unknown field label, …), for the build report.
  | { ok: true; record: ThesisRecord; warnings?: Problem[] }
  // deleted: the source says the record was deleted (OAI-PMH status="deleted"); its single problem is a
  // warning, so a runner may mark the id withdrawn instead of counting a rejection.
  | { ok: false; id?: string; source: SourceRef; errors: Problem[]; deleted?: true };

/** A label with an optional language tag. */
export interface Label {
  value: string;
  lang?: string;
}

/** One entity of the curated authority file. */
export interface AuthorityEntity {
  id: string;
  kind: EntityKind;
  /** Extra rdf:types as IRIs (schema:Corporation, …) beyond the kind's default. */
  types: string[];
  prefLabel: Label;
  altLabels: Label[];
  description?: Label;
  /** owl:sameAs targets (things) or skos:exactMatch targets (concepts), as IRIs. */
  sameAs: string[];
  /** Records this person is named on, and as what: how a record's name reaches this entity. */
  names?: { record: string; role: 'creator' | 'supervisor' | 'contributor'; name: string }[];
  /** Whether the linker looks for this entity's labels in abstracts (default true). */
  match: boolean;
  /** Longer names holding one of the labels that name something else ("Vancouver Island"): never linked. */
  notMentions?: string[];
  /** Places: region names that may follow a label after a comma and still mean this place ("British Columbia"). */
  qualifiers?: string[];
  /** Concepts: the id of their skos:ConceptScheme (its IRI is `B id/concept/{scheme}`). */
  scheme?: string;
  /** Concepts: the record ids this concept is a subject of (dcterms:subject, schema:about), as the authority file assigns them. */
  subjectOf?: string[];
}

/** Degree levels the authority file states (schema:educationalLevel): the ISCED 2011 levels 6–8 by name. */
export type DegreeLevel = 'bachelor' | 'master' | 'doctoral';

/** A degree of the authority file (`B id/degree/{id}`): its id assigned once, the labels records write it with. */
export interface AuthorityDegree {
  id: string;
  /** "Doctor of Philosophy". */
  prefLabel: Label;
  /** Other names records use ("Doctor of Philosophy - PhD" is also matched as prefLabel - abbreviation). */
  altLabels: Label[];
  /** How the degree is cited: PhD, MA, MSc. */
  abbreviation: string;
  level: DegreeLevel;
}

/** A collection of the authority file (`B id/collection/{id}`): its id assigned once, its names. */
export interface AuthorityCollection {
  id: string;
  prefLabel: Label;
  altLabels: Label[];
  description?: Label;
}

/** The authority file, loaded: entities, their triples, and the ids the server redirects or marks gone. */
export interface Authority {
  entities: Map<string, AuthorityEntity>;
  /** Triples of the authority file (entities, relations, links), for the authority graph. */
  quads: Quad[];
  /** Old `kind/id` → new `kind/id`. */
  merged: Map<string, string>;
  /** `kind/id` → reason, for 410 Gone. */
  withdrawn: Map<string, string>;
  /** The authority entity a record's name refers to, if the file says so. */
  personFor(recordId: string, role: 'creator' | 'supervisor' | 'contributor', name: string): AuthorityEntity | undefined;
  /** An organisation (publisher, grantor, provider, affiliation) by one of its labels, normalised. */
  organizationByLabel(label: string): AuthorityEntity | undefined;
  /** A concept by label (subjects). */
  conceptByLabel(label: string): AuthorityEntity | undefined;
  /** A degree by the name a record gives it (a label, the abbreviation, or "prefLabel - abbreviation"), normalised. */
  degreeByLabel(label: string): AuthorityDegree | undefined;
  /** A collection by one of its names, normalised. */
  collectionByLabel(label: string): AuthorityCollection | undefined;
}

/** The link stage, built once per authority (pipeline/link.ts createLinker), then applied to each record. */
export interface Linker {
  /** The record's mentions (Web Annotations), schema:mentions and authority-assigned subjects, in the record's graph. */
  link(record: ThesisRecord): Quad[];
  /** Describes the linker as a prov:SoftwareAgent (the annotations' creator), once per dataset: for `B graph/dataset`. */
  agentQuads(): Quad[];
}
