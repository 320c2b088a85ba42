// The reconciliation candidates in memory: read from the build's reconcile/entities.jsonl, indexed by name, DOI and person.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ERR_CONFIG } from '../../core/errors.ts';
import { RECONCILE_FILE, RECONCILE_VERSION, type CandidateEntry, type CandidateType } from '../../core/reconcile-index-format.ts';
import { doiKey } from '../../core/identifier-keys.ts';
import { NameIndex, words, oneEditApart } from './name-index.ts';

/** The types a query may filter by, with the names the manifest and suggest show. */
export const TYPES: readonly { id: CandidateType; name: string; description: string }[] = [
  { id: 'thesis', name: 'Thesis', description: 'A thesis or dissertation of the collection' },
  { id: 'person', name: 'Person', description: 'An author, supervisor or person the theses name' },
  { id: 'organization', name: 'Organisation', description: 'A university, company or other organisation' },
  { id: 'place', name: 'Place', description: 'A city, country or region' },
  { id: 'event', name: 'Event', description: 'An event or period' },
  { id: 'concept', name: 'Concept', description: 'A subject or topic' },
];

// Other spellings a client may send for a type: British "organisation", the schema.org class names, our kinds' plurals.
const TYPE_ALIASES: Record<string, CandidateType> = { organisation: 'organization', organisations: 'organization', organizations: 'organization', dissertation: 'thesis', theses: 'thesis', people: 'person', persons: 'person', places: 'place', events: 'event', concepts: 'concept', topic: 'concept', subject: 'concept' };

/** The type a client's type id names, or undefined (a type we do not have: no candidates). */
export function typeOf(id: string): CandidateType | undefined {
  const t = id.trim().toLowerCase().replace(/^.*[/#]/, '');
  return TYPES.find((x) => x.id === t)?.id ?? TYPE_ALIASES[t];
}

/** The properties a query may refine a thesis by, and what data extension can fetch. */
export const PROPERTIES: readonly { id: string; name: string; description: string; types: readonly CandidateType[]; extend: boolean }[] = [
  { id: 'creator', name: 'Creator', description: 'An author of the thesis (a name, or a reconciled person id)', types: ['thesis'], extend: true },
  { id: 'year', name: 'Year', description: 'The year the thesis was issued', types: ['thesis'], extend: true },
  { id: 'doi', name: 'DOI', description: 'The DOI of the thesis (10.14288/…, any case, with or without https://doi.org/)', types: ['thesis'], extend: true },
  { id: 'id', name: 'Identifier', description: "The service's own id (thesis/1.0449833, person/li-yi) or the thing's URI", types: ['thesis', 'person', 'organization', 'place', 'event', 'concept'], extend: false },
  { id: 'wikidata', name: 'Wikidata', description: 'The Wikidata entity the authority file links this entity to', types: ['person', 'organization', 'place', 'event', 'concept'], extend: true },
];

/** A property value as a query gives it: text, a number, or a reconciled entity. */
export type PropertyValue = string | number | boolean | { id: string; name?: string };

/** One query, whatever the protocol version it came in. */
export interface CandidateQuery {
  text?: string;
  types: CandidateType[];
  /** A type id was given that is none of ours: nothing can match. */
  unknownType?: boolean;
  properties: { pid: string; values: PropertyValue[] }[];
  limit: number;
}

/** A scored candidate. */
export interface Scored {
  entry: CandidateEntry;
  /** 0..100. */
  score: number;
  match: boolean;
  /** How the score was made (0.2's features). */
  nameScore: number;
  propertyScore?: number;
}

const POOL = 60;

/** Every candidate of a build, searchable. */
export class Candidates {
  readonly entries: CandidateEntry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly byDoi = new Map<string, number>();
  /** `person/id` → the theses (entry numbers) it is a creator of. */
  private readonly thesesOf = new Map<string, number[]>();
  private readonly names = new NameIndex();

  /** Builds the indexes over entries (in the file's order). */
  constructor(entries: Iterable<CandidateEntry>) {
    for (const e of entries) this.add(e);
    this.names.finish();
  }

  private add(e: CandidateEntry): void {
    const n = this.entries.length;
    this.entries.push(e);
    this.byId.set(e.id, n);
    this.names.add(n, e.name);
    for (const a of e.aliases ?? []) this.names.add(n, a);
    const doi = e.doi ? doiKey(e.doi) : undefined;
    if (doi && 'key' in doi) this.byDoi.set(doi.key, n);
    for (const c of e.creators ?? []) {
      const list = this.thesesOf.get(c.id);
      if (list) list.push(n);
      else this.thesesOf.set(c.id, [n]);
    }
  }

  /** Builds the indexes a slice at a time, yielding between slices: a server indexing 60,000 records keeps answering meanwhile. */
  static async build(entries: readonly CandidateEntry[], slice = 5000): Promise<Candidates> {
    const c = new Candidates([]);
    for (let i = 0; i < entries.length; i += slice) {
      for (const e of entries.slice(i, i + slice)) c.add(e);
      await new Promise((resolve) => setImmediate(resolve));
    }
    c.names.finish();
    return c;
  }

  /** Reads DIST_DIR/reconcile/entities.jsonl; undefined when the build made none. */
  static async load(distDir: string): Promise<Candidates | undefined> {
    const file = path.join(distDir, RECONCILE_FILE);
    const entries: CandidateEntry[] = [];
    let header: { version?: number } | undefined;
    try {
      const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        const json = JSON.parse(line) as CandidateEntry & { version?: number };
        if (header === undefined) header = json;
        else entries.push(json);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw ERR_CONFIG(`cannot read the reconciliation candidates: ${(err as Error).message}`, { file }, err);
    }
    if (header?.version !== RECONCILE_VERSION) throw ERR_CONFIG(`${RECONCILE_FILE} has version ${header?.version}, this server reads ${RECONCILE_VERSION}: rebuild the dataset`, { file });
    return Candidates.build(entries);
  }

  get(id: string): CandidateEntry | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.entries[n];
  }

  /** Candidates whose names begin like a prefix (the last word may be partial), of a type if given, best first. */
  suggest(prefix: string, type: CandidateType | undefined, limit: number): CandidateEntry[] {
    const accept = type ? (n: number) => this.entries[n]!.type === type : undefined;
    const seen = new Set<number>();
    const out: CandidateEntry[] = [];
    for (const h of this.names.search(prefix, limit * 4, { prefix: true, accept })) {
      if (seen.has(h.owner)) continue;
      seen.add(h.owner);
      out.push(this.entries[h.owner]!);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The candidates of one query, best first, at most its limit. */
  reconcile(q: CandidateQuery): Scored[] {
    if (q.unknownType) return [];
    const accept = q.types.length ? (n: number) => q.types.includes(this.entries[n]!.type) : undefined;
    const nameScores = new Map<number, { score: number; exact: boolean }>();
    if (q.text && q.text.trim()) {
      for (const h of this.names.search(q.text, Math.max(POOL, q.limit * 10), { accept })) {
        const had = nameScores.get(h.owner);
        if (!had || h.score > had.score || (h.score === had.score && h.exact)) nameScores.set(h.owner, { score: h.score, exact: h.exact || Boolean(had?.exact) });
      }
    } else {
      for (const n of this.byProperties(q)) if (!accept || accept(n)) nameScores.set(n, { score: 0, exact: false });
    }
    const known = q.properties.filter((p) => PROPERTIES.some((x) => x.id === p.pid));
    const scored: (Scored & { exact: boolean })[] = [];
    for (const [n, { score: s, exact }] of nameScores) {
      const entry = this.entries[n]!;
      const applicable = known.filter((p) => PROPERTIES.find((x) => x.id === p.pid)!.types.includes(entry.type));
      let propertyScore: number | undefined;
      if (applicable.length) propertyScore = applicable.reduce((sum, p) => sum + this.propertyMatch(entry, p.pid, p.values), 0) / applicable.length;
      const score = q.text?.trim() ? (propertyScore === undefined ? s : 0.6 * s + 0.4 * propertyScore) : propertyScore ?? 0;
      scored.push({ entry, score: Math.round(score * 1000) / 10, nameScore: Math.round(s * 1000) / 10, propertyScore, match: false, exact });
    }
    scored.sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || a.entry.id.localeCompare(b.entry.id));
    const [top, second] = scored;
    // Certain: the top candidate's name is the query's (or every property agrees, with no name given) and nothing else comes close.
    if (top) {
      const agreed = top.propertyScore === undefined || top.propertyScore === 1;
      const byName = top.exact || (top.nameScore >= 80 && top.propertyScore === 1);
      const byProperties = !q.text?.trim() && top.propertyScore === 1;
      top.match = agreed && (byName || byProperties) && top.score >= 85 && (!second || second.score <= top.score - 10);
    }
    return scored.slice(0, q.limit).map(({ exact: _exact, ...rest }) => rest);
  }

  /** Candidates a query without a name selects by its properties: a DOI, a creator's theses, a year's theses. */
  private byProperties(q: CandidateQuery): number[] {
    const out = new Set<number>();
    for (const { pid, values } of q.properties) {
      for (const v of values) {
        if (pid === 'id') {
          const n = this.byId.get(this.localId(String(typeof v === 'object' ? v.id : v)));
          if (n !== undefined) out.add(n);
        } else if (pid === 'doi') {
          const k = doiKey(String(typeof v === 'object' ? v.id : v));
          const n = 'key' in k ? this.byDoi.get(k.key) : undefined;
          if (n !== undefined) out.add(n);
        } else if (pid === 'creator') {
          const people = typeof v === 'object' ? [this.localId(v.id)] : this.names.search(String(v), POOL, { accept: (n) => this.entries[n]!.type === 'person' }).filter((h) => h.score >= 0.6).map((h) => this.entries[h.owner]!.id);
          for (const p of people) for (const n of this.thesesOf.get(p) ?? []) out.add(n);
        }
      }
    }
    if (out.size === 0) {
      const year = q.properties.find((p) => p.pid === 'year');
      if (year) this.entries.forEach((e, n) => { if (e.year && year.values.some((v) => String(v).slice(0, 4) === e.year) && out.size < POOL) out.add(n); });
    }
    return [...out];
  }

  /** A reconciled entity's id as the service gives it (`person/li-yi`), from that or from its full IRI. */
  private localId(id: string): string {
    const m = /(?:^|\/id\/)([a-z]+\/[^/]+)$/.exec(id.trim());
    return m ? m[1]! : id.trim();
  }

  /** How well a candidate's property agrees with the values a query gives (0..1; the best of the values). */
  private propertyMatch(entry: CandidateEntry, pid: string, values: PropertyValue[]): number {
    let best = 0;
    for (const v of values) {
      let m = 0;
      if (pid === 'year') m = entry.year !== undefined && String(typeof v === 'object' ? v.name ?? v.id : v).trim().slice(0, 4) === entry.year ? 1 : 0;
      else if (pid === 'id') m = entry.id === this.localId(String(typeof v === 'object' ? v.id : v)) ? 1 : 0;
      else if (pid === 'doi') {
        const a = doiKey(String(typeof v === 'object' ? v.id : v));
        const b = entry.doi ? doiKey(entry.doi) : undefined;
        m = 'key' in a && b && 'key' in b && a.key === b.key ? 1 : 0;
      } else if (pid === 'creator') {
        for (const c of entry.creators ?? []) {
          if (typeof v === 'object') m = Math.max(m, c.id === this.localId(v.id) ? 1 : v.name ? personNameMatch(v.name, c.name) : 0);
          else m = Math.max(m, personNameMatch(String(v), c.name));
        }
      } else if (pid === 'wikidata') {
        const q = String(typeof v === 'object' ? v.id : v).trim().replace(/^.*\//, '').toUpperCase();
        m = (entry.wikidata ?? []).some((w) => w.endsWith(`/${q}`)) ? 1 : 0;
      }
      best = Math.max(best, m);
    }
    return best;
  }
}

/** How alike two personal names are, in any order and with one typo per word forgiven ("Yi Li" and "Li, Yi": 1). */
export function personNameMatch(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.length || !y.length) return 0;
  const used = new Set<number>();
  let shared = 0;
  for (const w of x) {
    let best = 0;
    let at = -1;
    y.forEach((u, i) => {
      if (used.has(i)) return;
      const sim = w === u ? 1 : w.length >= 4 && oneEditApart(w, u) ? 0.8 : 0;
      if (sim > best) [best, at] = [sim, i];
    });
    if (at >= 0) {
      used.add(at);
      shared += best;
    }
  }
  return (2 * shared) / (x.length + y.length);
}
