// Reconciliation requests read into one query shape: a 0.2 batch ({"q0": {"query": …}}), a 0.1 single query, or a 1.0-draft batch ({"queries": [{"conditions": …}]}).
import { ERR_BAD_REQUEST } from '../../core/errors.ts';
import { typeOf, type CandidateQuery, type PropertyValue } from './candidates.ts';
import type { CandidateType } from '../../core/reconcile-index-format.ts';

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 100;
/** More queries than this in one batch is a 400 (OpenRefine sends 10 at a time; a spreadsheet column may come whole). */
export const MAX_BATCH = 5000;

/** Parses a JSON parameter, or a 400 naming it. */
export function jsonParam(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw ERR_BAD_REQUEST(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function limitOf(v: unknown, where: string): number {
  if (v === undefined) return DEFAULT_LIMIT;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 1) throw ERR_BAD_REQUEST(`${where}: limit must be a positive number, got ${JSON.stringify(v)}`);
  return Math.min(Math.floor(n), MAX_LIMIT);
}

function typesOf(v: unknown, where: string): { types: CandidateType[]; unknownType?: boolean } {
  if (v === undefined || v === null || v === '') return { types: [] };
  const ids = Array.isArray(v) ? v : [v];
  if (!ids.every((t) => typeof t === 'string')) throw ERR_BAD_REQUEST(`${where}: type must be a type id or a list of them`);
  const types = ids.map((t) => typeOf(t as string));
  const known = types.filter((t): t is CandidateType => t !== undefined);
  return { types: known, unknownType: known.length === 0 ? true : undefined };
}

function valuesOf(v: unknown, where: string): PropertyValue[] {
  const list = Array.isArray(v) ? v : [v];
  for (const x of list) {
    const ok = typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || (isObject(x) && typeof x.id === 'string');
    if (!ok) throw ERR_BAD_REQUEST(`${where}: a property value is a string, number, boolean or {"id": …}, got ${JSON.stringify(x)}`);
  }
  return list as PropertyValue[];
}

/** One 0.2 query object ({query, type, limit, properties, type_strict}). */
export function query02(v: unknown, where: string): CandidateQuery {
  if (typeof v === 'string') return { text: v, types: [], properties: [], limit: DEFAULT_LIMIT };
  if (!isObject(v)) throw ERR_BAD_REQUEST(`${where} must be an object with "query" (and optionally type, limit, properties)`);
  const text = v.query;
  if (text !== undefined && typeof text !== 'string') throw ERR_BAD_REQUEST(`${where}: query must be a string`);
  const props = v.properties ?? [];
  if (!Array.isArray(props)) throw ERR_BAD_REQUEST(`${where}: properties must be a list of {"pid", "v"}`);
  const properties = props.map((p, i) => {
    if (!isObject(p) || typeof p.pid !== 'string' || p.v === undefined) throw ERR_BAD_REQUEST(`${where}: properties[${i}] must be {"pid": "…", "v": …}`);
    return { pid: p.pid, values: valuesOf(p.v, `${where}.properties[${i}]`) };
  });
  if ((text === undefined || text.trim() === '') && properties.length === 0) throw ERR_BAD_REQUEST(`${where} has neither a query string nor properties`);
  return { text, ...typesOf(v.type, where), properties, limit: limitOf(v.limit, where) };
}

/** A 0.2 batch: an object of queries by the keys the answer uses. */
export function batch02(v: unknown): [string, CandidateQuery][] {
  if (!isObject(v)) throw ERR_BAD_REQUEST('queries must be a JSON object of queries by key: {"q0": {"query": "…"}}');
  const entries = Object.entries(v);
  if (entries.length > MAX_BATCH) throw ERR_BAD_REQUEST(`a batch holds at most ${MAX_BATCH} queries, this one ${entries.length}`);
  return entries.map(([key, q]) => [key, query02(q, `query ${JSON.stringify(key)}`)]);
}

/** A 1.0-draft batch: {"queries": [{"type", "limit", "conditions": [{"matchType": "name"|"property"|"id", …}]}]}. */
export function batch10(v: unknown): CandidateQuery[] {
  if (!isObject(v) || !Array.isArray(v.queries)) throw ERR_BAD_REQUEST('a 1.0 request is {"queries": [{"conditions": [{"matchType": "name", "propertyValue": "…"}]}]}');
  if (v.queries.length > MAX_BATCH) throw ERR_BAD_REQUEST(`a batch holds at most ${MAX_BATCH} queries, this one ${v.queries.length}`);
  return v.queries.map((q, i) => {
    const where = `queries[${i}]`;
    if (!isObject(q) || !Array.isArray(q.conditions) || q.conditions.length === 0) throw ERR_BAD_REQUEST(`${where} needs a non-empty "conditions" list`);
    let text: string | undefined;
    const properties: CandidateQuery['properties'] = [];
    q.conditions.forEach((c, j) => {
      const at = `${where}.conditions[${j}]`;
      if (!isObject(c) || c.propertyValue === undefined) throw ERR_BAD_REQUEST(`${at} needs matchType and propertyValue`);
      if (c.matchType === 'name') text = [text, ...valuesOf(c.propertyValue, at).map(String)].filter(Boolean).join(' ');
      else if (c.matchType === 'property') {
        if (typeof c.propertyId !== 'string') throw ERR_BAD_REQUEST(`${at}: a property condition needs propertyId`);
        properties.push({ pid: c.propertyId, values: valuesOf(c.propertyValue, at) });
      } else if (c.matchType === 'id') properties.push({ pid: 'id', values: valuesOf(c.propertyValue, at) });
      else throw ERR_BAD_REQUEST(`${at}: matchType is name, property or id, got ${JSON.stringify(c.matchType)}`);
    });
    return { text, ...typesOf(q.type, where), properties, limit: limitOf(q.limit, where) };
  });
}
