// Reads a SPARQL 1.1 Protocol request (GET, POST form, POST direct) into one shape, refusing what the Protocol forbids (§2.1).
import { ERR_BAD_REQUEST, ERR_UNSUPPORTED_MEDIA_TYPE } from '../../core/errors.ts';

/** A request as the Protocol defines it, whichever way it came. */
export interface ProtocolRequest {
  /** `none`: a GET without query (the service description or the query UI). */
  operation: 'query' | 'update' | 'none';
  /** The query or update text (empty for `none`). */
  text: string;
  defaultGraphs: string[];
  namedGraphs: string[];
  /** The `format` parameter's values, for clients that cannot set Accept (some send it twice: a name and a media type). */
  format: string[];
}

type Params = Record<string, unknown>;

const FORM = 'application/x-www-form-urlencoded';
const QUERY = 'application/sparql-query';
const UPDATE = 'application/sparql-update';

/** Every value of a parameter (fastify's query-string and form parsers give a string, or an array when repeated). */
function values(params: unknown, name: string): string[] {
  if (params === null || typeof params !== 'object') return [];
  const v = (params as Params)[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

function one(params: unknown, name: string): string | undefined {
  const all = values(params, name);
  if (all.length > 1) throw ERR_BAD_REQUEST(`send exactly one ${name} parameter, got ${all.length}`, { field: name });
  return all[0];
}

/** Splits `type/subtype; charset=x` into the lower-cased media type and its charset, if any. */
function mediaType(header: string | undefined): { type: string; charset?: string } {
  if (!header) return { type: '' };
  const [type, ...params] = header.split(';');
  const charset = params.map((p) => p.trim().split('=')).find(([k]) => k?.toLowerCase() === 'charset')?.[1];
  return { type: type!.trim().toLowerCase(), charset: charset?.replace(/^"|"$/g, '').toLowerCase() };
}

function checkUtf8(charset: string | undefined, type: string): void {
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw ERR_UNSUPPORTED_MEDIA_TYPE(`${type} must be sent as UTF-8 (SPARQL 1.1 Protocol §2.1.3), got charset=${charset}`);
  }
}

function nonEmpty(text: string, what: string): string {
  if (text.trim() === '') throw ERR_BAD_REQUEST(`the ${what} is empty`, { field: what });
  return text;
}

/**
 * Reads the operation, its text, the protocol dataset and `format` from a GET or POST.
 * `url` is the parsed query string, `body` the parsed form (an object) or the raw body (a string).
 */
export function readProtocol(method: string, contentType: string | undefined, url: unknown, body: unknown): ProtocolRequest {
  const graphs = (extra?: unknown) => ({
    defaultGraphs: [...values(url, 'default-graph-uri'), ...values(extra, 'default-graph-uri')],
    namedGraphs: [...values(url, 'named-graph-uri'), ...values(extra, 'named-graph-uri')],
  });
  if (method === 'GET' || method === 'HEAD') {
    const format = values(url, 'format');
    if (values(url, 'update').length > 0) return { operation: 'update', text: values(url, 'update')[0]!, ...graphs(), format };
    const query = one(url, 'query');
    if (query === undefined) return { operation: 'none', text: '', ...graphs(), format };
    return { operation: 'query', text: nonEmpty(query, 'query'), ...graphs(), format };
  }
  const { type, charset } = mediaType(contentType);
  if (type === FORM) {
    const format = [...values(url, 'format'), ...values(body, 'format')];
    const queries = values(body, 'query');
    const updates = values(body, 'update');
    if (queries.length > 0 && updates.length > 0) throw ERR_BAD_REQUEST('send either query or update, not both');
    // An update is refused whatever its count or syntax: answer that first, it is what the client must learn.
    if (updates.length > 0) return { operation: 'update', text: updates[0]!, ...graphs(body), format };
    const query = one(body, 'query');
    if (query === undefined) throw ERR_BAD_REQUEST('the form has no query parameter', { field: 'query' });
    return { operation: 'query', text: nonEmpty(query, 'query'), ...graphs(body), format };
  }
  if (type === QUERY) {
    checkUtf8(charset, QUERY);
    return { operation: 'query', text: nonEmpty(typeof body === 'string' ? body : '', 'query'), ...graphs(), format: values(url, 'format') };
  }
  if (type === UPDATE) return { operation: 'update', text: typeof body === 'string' ? body : '', ...graphs(), format: values(url, 'format') };
  const got = type === '' ? 'no Content-Type' : `Content-Type ${type}`;
  throw ERR_UNSUPPORTED_MEDIA_TYPE(`POST a query as ${FORM} (query=…) or as ${QUERY}; got ${got}`);
}
