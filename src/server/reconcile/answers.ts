// What the service answers, shaped as the W3C schemas want: candidates (0.2 and 1.0), suggest lists, property proposals, data extension rows.
import { ERR_BAD_REQUEST } from '../../core/errors.ts';
import type { CandidateEntry, CandidateType } from '../../core/reconcile-index-format.ts';
import { PROPERTIES, TYPES, typeOf, type Candidates, type Scored } from './candidates.ts';
import { MAX_LIMIT } from './queries.ts';

/** A type as answers name it: {id, name}. */
export function typeRef(t: CandidateType): { id: string; name: string } {
  const found = TYPES.find((x) => x.id === t)!;
  return { id: found.id, name: found.name };
}

/** One candidate of a result, in the 0.2 shape (1.0's adds nothing we need). */
export function candidateJson(s: Scored): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.entry.id, name: s.entry.name };
  if (s.entry.description) out.description = s.entry.description;
  out.score = s.score;
  out.match = s.match;
  out.type = [typeRef(s.entry.type)];
  // 0.2's features are id + boolean|number; 1.0 also wants a name, which 0.2 allows as an extra field.
  const features: Record<string, unknown>[] = [{ id: 'name_score', name: 'Name similarity', value: s.nameScore }];
  if (s.propertyScore !== undefined) features.push({ id: 'property_score', name: 'Properties agreeing', value: Math.round(s.propertyScore * 1000) / 10 });
  out.features = features;
  return out;
}

/** The suggest answer for entities: candidates whose names start like the prefix, with their type as "notable". */
export function suggestEntities(candidates: Candidates, prefix: string, type: string | undefined, limit: number, cursor: number): { result: Record<string, unknown>[] } {
  const t = type ? typeOf(type) : undefined;
  if (type && !t) return { result: [] };
  const scored = candidates.suggest(prefix, t, Math.min(limit, MAX_LIMIT) + cursor);
  return {
    result: scored.slice(cursor).map((e) => ({ id: e.id, name: e.name, ...(e.description ? { description: e.description } : {}), notable: [typeRef(e.type)] })),
  };
}

const startsLike = (prefix: string) => (name: string) => name.toLowerCase().split(/\s+/).some((w) => w.startsWith(prefix.trim().toLowerCase())) || name.toLowerCase().startsWith(prefix.trim().toLowerCase());

/** The suggest answer for types. */
export function suggestTypes(prefix: string): { result: { id: string; name: string; description: string }[] } {
  const like = startsLike(prefix);
  return { result: TYPES.filter((t) => !prefix.trim() || like(t.name) || like(t.id)).map((t) => ({ ...t })) };
}

/** The suggest answer for properties (of a type, when one is named). */
export function suggestProperties(prefix: string, type?: string): { result: { id: string; name: string; description: string }[] } {
  const like = startsLike(prefix);
  const t = type ? typeOf(type) : undefined;
  return { result: PROPERTIES.filter((p) => (!t || p.types.includes(t)) && (!prefix.trim() || like(p.name) || like(p.id))).map(({ id, name, description }) => ({ id, name, description })) };
}

/** The properties data extension offers for a type. */
export function proposeProperties(type: string | undefined, limit: number | undefined): { type?: string; limit?: number; properties: { id: string; name: string; description: string }[] } {
  const t = type ? typeOf(type) : undefined;
  const props = PROPERTIES.filter((p) => p.extend && (!t || p.types.includes(t))).map(({ id, name, description }) => ({ id, name, description }));
  return { ...(type ? { type } : {}), ...(limit ? { limit } : {}), properties: limit ? props.slice(0, limit) : props };
}

/** A property's values of one candidate, as data extension cells. */
function cells(candidates: Candidates, e: CandidateEntry, pid: string): Record<string, unknown>[] {
  switch (pid) {
    case 'doi': return e.doi ? [{ str: e.doi }] : [];
    case 'year': return e.year && /^\d{4}$/.test(e.year) ? [{ int: Number(e.year) }] : [];
    case 'wikidata': return (e.wikidata ?? []).map((w) => ({ str: w }));
    case 'creator': return (e.creators ?? []).map((c) => ({ id: c.id, name: candidates.get(c.id)?.name ?? c.name }));
    default: return [];
  }
}

/** Answers a data extension query ({ids, properties:[{id}]}): meta for each property, a row of cells for each id. */
export function extend(candidates: Candidates, query: unknown): { meta: Record<string, unknown>[]; rows: Record<string, Record<string, unknown[]>> } {
  const q = query as { ids?: unknown; properties?: unknown };
  if (!q || !Array.isArray(q.ids) || !q.ids.every((i) => typeof i === 'string') || !Array.isArray(q.properties)) {
    throw ERR_BAD_REQUEST('extend must be {"ids": ["thesis/1.0449833", …], "properties": [{"id": "doi"}, …]}');
  }
  const pids = q.properties.map((p, i) => {
    const id = (p as { id?: unknown })?.id;
    if (typeof id !== 'string') throw ERR_BAD_REQUEST(`extend.properties[${i}] needs an "id"`);
    if (!PROPERTIES.some((x) => x.id === id && x.extend)) throw ERR_BAD_REQUEST(`extend.properties[${i}]: no property ${JSON.stringify(id)}; this service extends ${PROPERTIES.filter((x) => x.extend).map((x) => x.id).join(', ')}`);
    return id;
  });
  const meta = pids.map((id) => {
    const p = PROPERTIES.find((x) => x.id === id)!;
    return { id, name: p.name, ...(id === 'creator' ? { type: typeRef('person') } : {}) };
  });
  const rows: Record<string, Record<string, unknown[]>> = {};
  for (const id of q.ids as string[]) {
    const e = candidates.get(id);
    rows[id] = Object.fromEntries(pids.map((pid) => [pid, e ? cells(candidates, e, pid) : []]));
  }
  return { meta, rows };
}
