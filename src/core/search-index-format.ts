// The format of DIST_DIR/search-index.json: written by the build (pipeline/publish/search-index.ts), read by the site's search and browse.
import type { EntityKind } from './iri.ts';
import { TextIndex, type TextIndexJson } from './text-index.ts';

/** File name of the index inside DIST_DIR. */
export const SEARCH_INDEX_FILE = 'search-index.json';
/** Format version; the server refuses an index it does not know. */
export const SEARCH_INDEX_VERSION = 2;

/** One thesis as the search page shows and filters it. */
export interface SearchRecord {
  id: string;
  title: string;
  year?: string;
  degree?: string;
  program?: string;
  /** Creator names as written ("Li, Yi"), in order. */
  creators: string[];
  /** Subject keys: `concept/{id}` for linked concepts, else the subject text itself. */
  subjects: string[];
  /** Keys `kind/id` of the entities the abstract mentions (schema:mentions). */
  entities: string[];
  /** The start of the abstract, for the result list. */
  snippet?: string;
}

/** An entity for browse lists and facet labels. */
export interface SearchEntity {
  kind: EntityKind;
  id: string;
  label: string;
  /** Theses linked to it in any role (mention, subject, creator, supervisor, organisation, …). */
  theses: number;
}

/** What dist/search-index.json holds. */
export interface SearchIndexFile {
  version: number;
  base: string;
  records: SearchRecord[];
  /** `kind/id` → entity, sorted by key. */
  entities: Record<string, SearchEntity>;
  /** Words of titles, names, entity labels and abstracts; document n is records[n]. */
  text: TextIndexJson;
}

/** Loads a written index's words for searching (the server's side of the format). */
export function loadSearchIndex(file: SearchIndexFile): TextIndex {
  if (file.version !== SEARCH_INDEX_VERSION) throw new TypeError(`search-index.json has version ${file.version}, this server reads ${SEARCH_INDEX_VERSION}: rebuild the dataset`);
  return new TextIndex(file.text);
}
