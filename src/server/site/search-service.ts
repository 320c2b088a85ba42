// Answers keyword + facet searches and browse lists from dist/search-index.json, loaded once (no SPARQL, no scan of the store).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ENTITY_KINDS, type EntityKind } from '../../core/iri.ts';
import type { TextIndex } from '../../core/text-index.ts';
import {
  loadSearchIndex, SEARCH_INDEX_FILE,
  type SearchEntity, type SearchIndexFile, type SearchRecord,
} from '../../core/search-index-format.ts';

/** The facets a search can filter by, in the order the page shows them. */
export const FACETS = ['year', 'degree', 'program', 'subject', 'entity'] as const;
export type FacetName = (typeof FACETS)[number];

/** A parsed search request: keywords, selected facet values (OR within a facet, AND across facets), a page. */
export interface SearchQuery {
  q: string;
  filters: Record<FacetName, string[]>;
  page: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface SearchOutcome {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchRecord[];
  facets: Record<FacetName, FacetValue[]>;
}

const PAGE_SIZE = 20;
// One collator instead of localeCompare on every comparison: sorting 60,000 titles at start stays fast.
const collate = new Intl.Collator('en').compare;
const FACET_LIMIT = 25;

function facetValues(record: SearchRecord, facet: FacetName): string[] {
  switch (facet) {
    case 'year': return record.year ? [record.year] : [];
    case 'degree': return record.degree ? [record.degree] : [];
    case 'program': return record.program ? [record.program] : [];
    case 'subject': return record.subjects;
    case 'entity': return record.entities;
  }
}

/** The loaded index: records (document n of the text index is records[n]), entities by key, the words. */
export class SearchService {
  private readonly text: TextIndex;
  private readonly entities: Record<string, SearchEntity>;
  private readonly records: SearchRecord[];
  /** Every record newest first, then by title: the order of a search without keywords, sorted once. */
  private readonly newestFirst: SearchRecord[];
  private byKind?: Map<EntityKind, SearchEntity[]>;

  constructor(file: SearchIndexFile) {
    this.records = file.records;
    this.newestFirst = [...file.records].sort((a, b) => collate(b.year ?? '', a.year ?? '') || collate(a.title, b.title));
    this.entities = file.entities;
    this.text = loadSearchIndex(file);
  }

  /** Reads DIST_DIR/search-index.json; undefined when the build made none (the site then says so instead of failing). */
  static async load(distDir: string): Promise<SearchService | undefined> {
    let text: string;
    try {
      text = await readFile(path.join(distDir, SEARCH_INDEX_FILE), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return new SearchService(JSON.parse(text) as SearchIndexFile);
  }

  get recordCount(): number {
    return this.records.length;
  }

  /** The label of an entity key, or the value itself (plain-text subjects). */
  label(facet: FacetName, value: string): string {
    return facet === 'subject' || facet === 'entity' ? this.entities[value]?.label ?? value : value;
  }

  /** Runs a search: keyword hits by relevance (or every record, newest first), filtered, with facet counts over the filtered set. */
  search(query: SearchQuery): SearchOutcome {
    let candidates: SearchRecord[];
    if (query.q.trim()) {
      candidates = this.text.search(query.q).map((hit) => this.records[hit.doc]).filter((r): r is SearchRecord => r !== undefined);
    } else {
      candidates = this.newestFirst;
    }
    const active = FACETS.filter((f) => query.filters[f].length > 0);
    const matches = candidates.filter((r) => active.every((f) => facetValues(r, f).some((v) => query.filters[f].includes(v))));
    const facets = {} as Record<FacetName, FacetValue[]>;
    for (const facet of FACETS) {
      const counts = new Map<string, number>();
      // Each record's values of a facet are distinct already (the writer dedupes them).
      for (const r of matches) for (const v of facetValues(r, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
      for (const v of query.filters[facet]) if (!counts.has(v)) counts.set(v, 0);
      const values = [...counts].map(([value, count]) => ({ value, count, label: this.label(facet, value), selected: query.filters[facet].includes(value) }));
      values.sort(facet === 'year' ? (a, b) => collate(b.value, a.value) : (a, b) => b.count - a.count || collate(a.label, b.label));
      facets[facet] = values.slice(0, FACET_LIMIT).concat(values.slice(FACET_LIMIT).filter((v) => v.selected));
    }
    const page = Math.max(1, Math.min(query.page, Math.ceil(matches.length / PAGE_SIZE) || 1));
    return { total: matches.length, page, pageSize: PAGE_SIZE, hits: matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), facets };
  }

  /** Entities of one kind, by label, for the browse pages. */
  browse(kind: EntityKind): SearchEntity[] {
    if (!this.byKind) {
      this.byKind = new Map(ENTITY_KINDS.map((k) => [k, [] as SearchEntity[]]));
      for (const e of Object.values(this.entities)) this.byKind.get(e.kind)?.push(e);
      for (const list of this.byKind.values()) list.sort((a, b) => collate(a.label, b.label) || collate(a.id, b.id));
    }
    return this.byKind.get(kind) ?? [];
  }
}

/** Reads a search request from a querystring (each facet may repeat); trims and bounds what a visitor typed. */
export function parseSearchQuery(raw: Record<string, unknown>): SearchQuery {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .map((x) => String(x).trim().slice(0, 200)).filter((x) => x.length > 0).slice(0, 20);
  const filters = Object.fromEntries(FACETS.map((f) => [f, list(raw[f])])) as Record<FacetName, string[]>;
  const page = Number.parseInt(String(list(raw.page)[0] ?? '1'), 10);
  return { q: (list(raw.q)[0] ?? '').slice(0, 200), filters, page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1 };
}
