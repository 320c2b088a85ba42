// The keyword and facet index made at build time (dist/search-index.json), read by the server's /search and /browse.
//
// For the runner, streaming:
//   const search = createSearchIndexWriter(iris, authority);   // authority optional: adds every entity to browse
//   for each published record: search.add(record, quadsOfThatRecord);
//   await search.write(distDir);                                // → distDir/search-index.json
//
// Per record it keeps only ids, labels and short fields (no abstract text beyond a snippet); the
// words live in a compact inverted index (src/server/site/text-index.ts: why not MiniSearch is said there).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from 'n3';
import { ENTITY_KINDS, type EntityKind, type Iris } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import { TextIndex, TextIndexBuilder, type TextIndexJson } from '../../src/server/site/text-index.ts';
import type { Authority, ThesisRecord } from '../types.ts';

/** File name of the index inside DIST_DIR. */
export const SEARCH_INDEX_FILE = 'search-index.json';
/** Format version; the server refuses an index it does not know. */
export const SEARCH_INDEX_VERSION = 2;
const SNIPPET_LENGTH = 280;

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

const LABEL_PREDICATES = [`${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.schema}name`, `${NS.foaf}name`];
const MENTIONS = `${NS.schema}mentions`;
const SUBJECT = `${NS.dcterms}subject`;

/** What the index takes from a record's quads (searchFacts), found in whichever thread published the record. */
export interface SearchFacts {
  /** Keys `kind/id` of the entities the thesis links to, in order of first link. */
  linked: string[];
  /** Of those, the ones it mentions (schema:mentions), in order. */
  mentioned: string[];
  /** Subject keys the graph states: `kind/id` of linked concepts, or the subject text. */
  subjects: string[];
  /** The label each linked entity has in the record, [key, label]. */
  labels: [string, string][];
}

/** The streaming writer `createSearchIndexWriter` returns. */
export interface SearchIndexWriter {
  /** Adds one published record with the quads of its graph. */
  add(record: ThesisRecord, quads: Quad[]): void;
  /** The same, with the facts of its quads found beforehand (searchFacts). */
  addFacts(record: ThesisRecord, facts: SearchFacts): void;
  /** Writes `distDir/search-index.json`; returns its path. */
  write(distDir: string): Promise<string>;
  /** The file's content as written (for tests and the runner's counts). */
  toJSON(): SearchIndexFile;
}

function entityKey(iris: Iris, iri: string): { key: string; kind: EntityKind; id: string } | undefined {
  const parsed = iris.parse(iri);
  if (!parsed || parsed.space !== 'id' || !(ENTITY_KINDS as readonly string[]).includes(parsed.kind)) return undefined;
  return { key: `${parsed.kind}/${parsed.id}`, kind: parsed.kind as EntityKind, id: parsed.id };
}

function snippet(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
  return `${flat.slice(0, cut > SNIPPET_LENGTH / 2 ? cut : SNIPPET_LENGTH)}…`;
}

/** Starts an index for a deployment's IRIs; with the authority, every authority entity appears in the browse lists. */
export function createSearchIndexWriter(iris: Iris, authority?: Authority): SearchIndexWriter {
  const text = new TextIndexBuilder();
  const records: SearchRecord[] = [];
  const entities = new Map<string, SearchEntity>();
  // Labels an entity is searched by (preferred and alternative, all scripts), from the authority.
  const searchLabels = new Map<string, string[]>();

  for (const e of authority?.entities.values() ?? []) {
    const key = `${e.kind}/${e.id}`;
    entities.set(key, { kind: e.kind, id: e.id, label: e.prefLabel.value, theses: 0 });
    searchLabels.set(key, [e.prefLabel.value, ...e.altLabels.map((l) => l.value)]);
  }

  function addFacts(record: ThesisRecord, facts: SearchFacts): void {
    const linked = facts.linked;
    const mentioned = facts.mentioned;
    const subjects = [...facts.subjects];
    const labelsInRecord = new Map(facts.labels);
    const entityLabels: string[] = [];
    for (const key of linked) {
      const [kind, id] = key.split('/') as [EntityKind, string];
      let entity = entities.get(key);
      if (!entity) {
        entity = { kind, id, label: labelsInRecord.get(key) ?? id, theses: 0 };
        entities.set(key, entity);
      }
      entity.theses += 1;
      entityLabels.push(...(searchLabels.get(key) ?? [entity.label]));
    }
    // A record whose subjects the graph does not state (as concepts or text) still facets by its own subject text.
    if (subjects.length === 0) subjects.push(...new Set(record.subjects.map((s) => s.value)));
    for (const s of subjects) if (!entities.has(s)) entityLabels.push(s);
    const title = record.title?.value ?? record.id;
    const names = [...record.creators, ...record.supervisors, ...record.contributors].map((n) => n.value);
    text.add(records.length, { title, names: names.join('\n'), labels: entityLabels.join('\n'), abstract: record.abstract?.value });
    records.push({
      id: record.id,
      title,
      year: record.dateIssued?.value.value.slice(0, 4),
      degree: record.degree?.value,
      program: record.program?.value,
      creators: record.creators.map((c) => c.value),
      subjects,
      entities: mentioned,
      snippet: snippet(record.abstract?.value),
    });
  }

  function toJSON(): SearchIndexFile {
    const sorted = [...entities.keys()].sort();
    return {
      version: SEARCH_INDEX_VERSION,
      base: iris.base,
      records,
      entities: Object.fromEntries(sorted.map((k) => [k, entities.get(k)!])),
      text: text.toJSON(),
    };
  }

  async function write(distDir: string): Promise<string> {
    const file = path.join(distDir, SEARCH_INDEX_FILE);
    await mkdir(distDir, { recursive: true });
    await writeFile(file, JSON.stringify(toJSON()));
    return file;
  }

  return { add: (record, quads) => addFacts(record, searchFacts(iris, record, quads)), addFacts, write, toJSON };
}

/** What the index reads in a record's quads: the entities the thesis links to and mentions, its subjects, their labels there. */
export function searchFacts(iris: Iris, record: ThesisRecord, quads: readonly Quad[]): SearchFacts {
  const thesis = iris.thesis(record.id).value;
  const linked = new Set<string>();
  const mentioned: string[] = [];
  const subjects: string[] = [];
  const labelsInRecord = new Map<string, string>();
  for (const q of quads) {
    if (q.object.termType === 'Literal' && LABEL_PREDICATES.includes(q.predicate.value)) {
      const found = entityKey(iris, q.subject.value);
      const lang = q.object.language;
      if (found && (!labelsInRecord.has(found.key) || lang === '' || lang === 'en')) labelsInRecord.set(found.key, q.object.value);
    }
    if (q.subject.value !== thesis) continue;
    if (q.predicate.value === SUBJECT && q.object.termType === 'Literal' && !subjects.includes(q.object.value)) subjects.push(q.object.value);
    if (q.object.termType !== 'NamedNode') continue;
    const found = entityKey(iris, q.object.value);
    if (!found) continue;
    linked.add(found.key);
    if (q.predicate.value === MENTIONS && !mentioned.includes(found.key)) mentioned.push(found.key);
    if (q.predicate.value === SUBJECT && !subjects.includes(found.key)) subjects.push(found.key);
  }
  return { linked: [...linked], mentioned, subjects, labels: [...labelsInRecord] };
}

/** Loads a written index's words for searching (the server's side of the format). */
export function loadSearchIndex(file: SearchIndexFile): TextIndex {
  if (file.version !== SEARCH_INDEX_VERSION) throw new TypeError(`search-index.json has version ${file.version}, this server reads ${SEARCH_INDEX_VERSION}: rebuild the dataset`);
  return new TextIndex(file.text);
}
