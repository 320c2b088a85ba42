// The keyword and facet index made at build time (dist/search-index.json), read by the server's /search and /browse.
//
// For the runner, streaming:
//   const search = createSearchIndexWriter(iris, authority, { spillDir });   // authority optional: adds every entity to browse
//   for each published record: search.add(record, quadsOfThatRecord);     // or addFacts(record, searchFacts(...))
//   await search.write(distDir);                                            // → distDir/search-index.json
//
// Per record it keeps only ids, labels and short fields (no abstract text beyond a snippet); the
// words live in a compact inverted index (src/core/text-index.ts: why not MiniSearch is said there). The format, which
// the server reads, is src/core/search-index-format.ts.
// With `spillDir` the records go to a file there as they come and only the words stay in memory, a few bytes per
// (word, thesis) (text-postings.ts); the index file is written in pieces, so no string holds all of it.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from 'n3';
import { ENTITY_KINDS, type EntityKind, type Iris } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import {
  SEARCH_INDEX_FILE, SEARCH_INDEX_VERSION, type SearchEntity, type SearchIndexFile, type SearchRecord,
} from '../../src/core/search-index-format.ts';
import type { Authority, ThesisRecord } from '../types.ts';
import { PostingsBuilder } from './text-postings.ts';

export { loadSearchIndex, SEARCH_INDEX_FILE, SEARCH_INDEX_VERSION, type SearchEntity, type SearchIndexFile, type SearchRecord } from '../../src/core/search-index-format.ts';

const SNIPPET_LENGTH = 280;

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
  /** Writes `distDir/search-index.json` (and removes the spill file); returns its path. */
  write(distDir: string): Promise<string>;
  /** Closes and removes the spill file after a failed build. */
  discard(): void;
  /** The file's content as written (for tests and the runner's counts). */
  toJSON(): SearchIndexFile;
}

function entityKey(iris: Iris, iri: string): { key: string; kind: EntityKind; id: string } | undefined {
  const parsed = iris.parse(iri);
  if (!parsed || parsed.space !== 'id' || !(ENTITY_KINDS as readonly string[]).includes(parsed.kind)) return undefined;
  return { key: `${parsed.kind}/${parsed.id}`, kind: parsed.kind as EntityKind, id: parsed.id };
}

/**
 * A copy of a string that holds no reference to the text it was cut from. V8 keeps the whole text of a record's file
 * alive for a substring of it (a title, a name), and the index keeps its strings for the whole build: without the
 * copy, memory would grow by every record's source.
 */
function own<T extends string | undefined>(s: T): T {
  return (s === undefined ? s : JSON.parse(JSON.stringify(s))) as T;
}

function snippet(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
  return `${flat.slice(0, cut > SNIPPET_LENGTH / 2 ? cut : SNIPPET_LENGTH)}…`;
}

/** Where a writer keeps its records while the build runs. */
export interface SearchIndexOptions {
  /** A folder for the records' spill file (the runner's staging folder); without it records stay in memory. */
  spillDir?: string;
}

const SPILL_FILE = '.search-records.jsonl';
// Spilled records are written in pieces of about this size, index pieces too.
const PIECE_CHARS = 1 << 20;

/** Starts an index for a deployment's IRIs; with the authority, every authority entity appears in the browse lists. */
export function createSearchIndexWriter(iris: Iris, authority?: Authority, options: SearchIndexOptions = {}): SearchIndexWriter {
  const text = new PostingsBuilder();
  const records: SearchRecord[] = [];
  const entities = new Map<string, SearchEntity>();
  // Labels an entity is searched by (preferred and alternative, all scripts), from the authority.
  const searchLabels = new Map<string, string[]>();
  const spillFile = options.spillDir ? path.join(options.spillDir, SPILL_FILE) : undefined;
  const spill = spillFile ? openSync(spillFile, 'w') : undefined;
  let pending: string[] = [];
  let pendingChars = 0;
  let count = 0;

  for (const e of authority?.entities.values() ?? []) {
    const key = `${e.kind}/${e.id}`;
    entities.set(key, { kind: e.kind, id: e.id, label: e.prefLabel.value, theses: 0 });
    searchLabels.set(key, [e.prefLabel.value, ...e.altLabels.map((l) => l.value)]);
  }

  const flushSpill = () => {
    if (spill === undefined || pending.length === 0) return;
    writeSync(spill, pending.join(''));
    pending = [];
    pendingChars = 0;
  };

  function keep(record: SearchRecord): void {
    if (spill === undefined) {
      records.push(record);
    } else {
      // One JSON text per line: the line is a fresh string, so nothing of the record's source stays alive.
      const line = `${JSON.stringify(record)}\n`;
      pending.push(line);
      pendingChars += line.length;
      if (pendingChars >= PIECE_CHARS) flushSpill();
    }
    count += 1;
  }

  // The spilled records as objects (toJSON only: the runner's write streams the lines).
  function spilled(): SearchRecord[] {
    flushSpill();
    if (!spillFile) return records;
    return readFileSync(spillFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SearchRecord);
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
        entity = { kind, id: own(id), label: own(labelsInRecord.get(key) ?? id), theses: 0 };
        entities.set(own(key), entity);
      }
      entity.theses += 1;
      entityLabels.push(...(searchLabels.get(key) ?? [entity.label]));
    }
    // A record whose subjects the graph does not state (as concepts or text) still facets by its own subject text.
    if (subjects.length === 0) subjects.push(...new Set(record.subjects.map((s) => s.value)));
    for (const s of subjects) if (!entities.has(s)) entityLabels.push(s);
    const title = record.title?.value ?? record.id;
    const names = [...record.creators, ...record.supervisors, ...record.contributors].map((n) => n.value);
    text.add(count, { title, names: names.join('\n'), labels: entityLabels.join('\n'), abstract: record.abstract?.value });
    keep({
      id: own(record.id),
      title: own(title),
      year: own(record.dateIssued?.value.value.slice(0, 4)),
      degree: own(record.degree?.value),
      program: own(record.program?.value),
      creators: record.creators.map((c) => own(c.value)),
      subjects: subjects.map(own),
      entities: mentioned.map(own),
      snippet: own(snippet(record.abstract?.value)),
    });
  }

  function sortedEntities(): Record<string, SearchEntity> {
    return Object.fromEntries([...entities.keys()].sort().map((k) => [k, entities.get(k)!]));
  }

  function toJSON(): SearchIndexFile {
    return { version: SEARCH_INDEX_VERSION, base: iris.base, records: spilled(), entities: sortedEntities(), text: text.toJSON() };
  }

  // The same bytes as JSON.stringify(toJSON()), written a piece at a time.
  async function write(distDir: string): Promise<string> {
    const file = path.join(distDir, SEARCH_INDEX_FILE);
    await mkdir(distDir, { recursive: true });
    flushSpill();
    const out = await open(file, 'w');
    let buffer = '';
    const put = async (s: string) => {
      buffer += s;
      if (buffer.length >= PIECE_CHARS) {
        await out.write(buffer);
        buffer = '';
      }
    };
    try {
      await put(`{"version":${JSON.stringify(SEARCH_INDEX_VERSION)},"base":${JSON.stringify(iris.base)},"records":[`);
      if (spillFile) {
        let first = true;
        let rest = '';
        const input = await open(spillFile, 'r');
        try {
          for await (const chunk of input.createReadStream({ encoding: 'utf8', highWaterMark: PIECE_CHARS })) {
            const lines = (rest + (chunk as string)).split('\n');
            rest = lines.pop()!;
            for (const line of lines) {
              await put(first ? line : `,${line}`);
              first = false;
            }
          }
        } finally {
          await input.close();
        }
      } else {
        for (let i = 0; i < records.length; i++) await put((i === 0 ? '' : ',') + JSON.stringify(records[i]));
      }
      await put(`],"entities":${JSON.stringify(sortedEntities())},"text":{"docs":${text.size},"terms":[`);
      const terms = text.terms();
      for (let i = 0; i < terms.length; i++) await put((i === 0 ? '' : ',') + JSON.stringify(terms[i]));
      await put('],"postings":[');
      for (let i = 0; i < terms.length; i++) await put((i === 0 ? '' : ',') + JSON.stringify(text.encoded(terms[i]!)));
      await put(']}}');
      await out.write(buffer);
    } finally {
      await out.close();
    }
    discard();
    return file;
  }

  function discard(): void {
    if (spill === undefined || !spillFile) return;
    try {
      closeSync(spill);
    } catch {
      // already closed
    }
    rmSync(spillFile, { force: true });
  }

  return { add: (record, quads) => addFacts(record, searchFacts(iris, record, quads)), addFacts, write, discard, toJSON };
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

