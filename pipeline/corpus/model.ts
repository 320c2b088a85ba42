// The shapes the corpus generator passes around: its entities, its catalogues and one synthetic record.
import type { EntityKind } from '../../src/core/iri.ts';
import type { DegreeLevel } from '../types.ts';

/** A label as the authority file writes it: a value, and a language tag unless it is a name or in the file's language. */
export interface CorpusLabel {
  value: string;
  lang?: string;
}

/** One entity of the synthetic authority file (a subset of the format docs/authority-file.md describes). */
export interface CorpusEntity {
  id: string;
  kind: EntityKind;
  types: string[];
  prefLabel: CorpusLabel;
  altLabels: CorpusLabel[];
  description?: string;
  relations?: Record<string, string[]>;
  startDate?: string;
  endDate?: string;
  period?: string;
  familyName?: string;
  givenName?: string;
  scheme?: string;
  match: boolean;
  /** Concepts: the field group (index into FIELDS) they belong to. */
  field?: number;
  /** Faculty: the records (filled while records are written) whose supervisor name is this person. */
  names?: { record: string; role: 'supervisor'; name: string }[];
}

/** A degree of the catalogue, as the authority file lists it. */
export interface CorpusDegree {
  id: string;
  prefLabel: string;
  abbreviation: string;
  level: DegreeLevel;
  altLabels: string[];
}

/** A collection of the catalogue. */
export interface CorpusCollection {
  id: string;
  prefLabel: string;
  description: string;
}

/** A program a thesis is written in: its department and faculty (authority organisations) and the degrees it awards. */
export interface Program {
  name: string;
  /** Affiliation forms as UBC writes them: "History, Department of", "Arts, Faculty of". */
  unit: string;
  faculty: string;
  /** Index into FIELDS: which topics its theses are about. */
  field: number;
  /** Degree abbreviations, most common first. */
  degrees: readonly string[];
  campus?: string;
}

/** A mention the generator wrote into an abstract: the entity, and the label text it used. */
export interface PlantedMention {
  entityId: string;
  label: string;
}

/** The ways a record is deliberately broken, each of a kind ingest rejects with a clear error. */
export type BrokenKind = 'cut-off-table' | 'impossible-date' | 'unknown-language' | 'duplicate-id' | 'invalid-utf8' | 'missing-id';

/** One synthetic record, before it is written in either format. */
export interface CorpusRecord {
  index: number;
  id: string;
  title: string;
  alternativeTitle?: string;
  creators: string[];
  /** False: the item page leaves the Creator field empty and names the creators only on its header line. */
  creatorsInTable: boolean;
  supervisors: string[];
  /** The supervisors who are faculty of the authority file: the writer adds this record to their names: list. */
  facultySupervisors: CorpusEntity[];
  /** Sentences of the abstract, grouped into paragraphs. */
  paragraphs: string[][];
  mentions: PlantedMention[];
  issued: string;
  available: string;
  graduation: string;
  languages: string[];
  degree: CorpusDegree;
  program: Program;
  subjects: string[];
  collection: string;
  rights: string;
  rightsUri: string;
  handle?: string;
  campus: string;
  broken?: BrokenKind;
  /** duplicate-id: the id of the earlier record it repeats. */
  duplicateOf?: string;
}
