// The one error catalogue: every error has a code, says where it happened, and keeps its cause.

/** Where a problem was found; every field that is known is filled. */
export interface Where {
  recordId?: string;
  file?: string;
  line?: number;
  field?: string;
  focusNode?: string;
  path?: string;
}

export type Severity = 'error' | 'warning';

/** A problem found in the data: what the build report lists and `--strict` turns into failure. */
export interface Problem extends Where {
  code: string;
  severity: Severity;
  message: string;
  /** The input text a warning is about (an unknown field's value), kept in the build report. */
  value?: string;
}

/** An error of ours: a catalogue code, an HTTP status for the server, where it happened, and its cause. */
export class ThesisLodError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly where: Where;

  constructor(code: string, message: string, statusCode: number, where: Where = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ThesisLodError';
    this.code = code;
    this.statusCode = statusCode;
    this.where = where;
  }

  /** The problem this error reports, for the build report. */
  toProblem(severity: Severity = 'error'): Problem {
    return { code: this.code, severity, message: this.message, ...this.where };
  }
}

type ErrorFactory = ((message: string, where?: Where, cause?: unknown) => ThesisLodError) & { code: string };

/** Declares an error code with its default status, fastify-style: `createError('TL_ERR_…', prefix, status)`. */
export function createError(code: string, prefix: string, statusCode = 500): ErrorFactory {
  const factory = (message: string, where: Where = {}, cause?: unknown) =>
    new ThesisLodError(code, `${prefix}: ${message}`, statusCode, where, cause === undefined ? undefined : { cause });
  return Object.assign(factory, { code });
}

/** Renders a location the way every message states it: `file:line, record 1.0449833, field Title`. */
export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.line ? `${where.file}:${where.line}` : where.file);
  if (where.recordId) parts.push(`record ${where.recordId}`);
  if (where.field) parts.push(`field ${where.field}`);
  if (where.focusNode) parts.push(`focus ${where.focusNode}`);
  if (where.path) parts.push(`path ${where.path}`);
  return parts.join(', ');
}

/** One line for a problem: `file:line, record X, field F: message`. */
export function formatProblem(p: Problem): string {
  const at = formatWhere(p);
  return `${p.severity === 'warning' ? 'warning' : 'error'} ${p.code}${at ? ` (${at})` : ''}: ${p.message}`;
}

// ---- the catalogue ----
// Input (a record cannot be read or is malformed): the record is rejected, others still publish.
export const ERR_INPUT_ENCODING = createError('TL_ERR_INPUT_ENCODING', 'Input is not valid UTF-8', 422);
export const ERR_INPUT_TRUNCATED = createError('TL_ERR_INPUT_TRUNCATED', 'Record is cut off', 422);
export const ERR_INPUT_SYNTAX = createError('TL_ERR_INPUT_SYNTAX', 'Record cannot be parsed', 422);
export const ERR_INPUT_TOO_LARGE = createError('TL_ERR_INPUT_TOO_LARGE', 'Value exceeds the size limit', 422);
export const ERR_INPUT_UNSAFE_XML = createError('TL_ERR_INPUT_UNSAFE_XML', 'XML refused', 422);
export const ERR_FIELD_DATE = createError('TL_ERR_FIELD_DATE', 'Invalid date', 422);
export const ERR_FIELD_LANGUAGE = createError('TL_ERR_FIELD_LANGUAGE', 'Unknown language code', 422);
export const ERR_FIELD_VALUE = createError('TL_ERR_FIELD_VALUE', 'Invalid field value', 422);
export const ERR_FIELD_MISSING = createError('TL_ERR_FIELD_MISSING', 'Required field missing', 422);
export const ERR_DUPLICATE_ID = createError('TL_ERR_DUPLICATE_ID', 'Duplicate record id', 422);
export const ERR_UNKNOWN_FORMAT = createError('TL_ERR_UNKNOWN_FORMAT', 'Unknown input format', 422);
export const ERR_INPUT_EMPTY = createError('TL_ERR_INPUT_EMPTY', 'Empty file', 422);
export const ERR_INPUT_BINARY = createError('TL_ERR_INPUT_BINARY', 'Binary file', 422);
// Ingest notices that reject nothing: reported with severity 'warning'.
export const ERR_FIELD_UNKNOWN = createError('TL_ERR_FIELD_UNKNOWN', 'Unknown field ignored', 422);
export const ERR_RECORD_DELETED = createError('TL_ERR_RECORD_DELETED', 'Record deleted at the source', 410);
// An entry of DATA_DIR/records that is not read (a link leaving DATA_DIR, a dangling link, a FIFO): listed under "skipped".
export const ERR_INPUT_SKIPPED = createError('TL_ERR_INPUT_SKIPPED', 'Entry skipped', 422);
// Map notice: a degree or collection the authority file does not list is published scoped to its record.
export const ERR_NOT_IN_AUTHORITY = createError('TL_ERR_NOT_IN_AUTHORITY', 'Not in the authority file', 422);
// Shapes and authority file.
export const ERR_SHACL = createError('TL_ERR_SHACL', 'SHACL violation', 422);
export const ERR_AUTHORITY = createError('TL_ERR_AUTHORITY', 'Authority file error', 500);
// Build.
export const ERR_BUILD_STRICT = createError('TL_ERR_BUILD_STRICT', 'Strict build failed', 500);
export const ERR_BUILD = createError('TL_ERR_BUILD', 'Build failed', 500);
export const ERR_CONFIG = createError('TL_ERR_CONFIG', 'Invalid configuration', 500);
// A build that would withdraw more than MAX_WITHDRAW_SHARE of the published records (a harvest that came back short).
export const ERR_TOO_MANY_WITHDRAWALS = createError('TL_ERR_TOO_MANY_WITHDRAWALS', 'Build refused', 500);
// Harvest client: the repository answered with an error, an unreadable page, or not at all.
export const ERR_HARVEST = createError('TL_ERR_HARVEST', 'Harvest failed', 502);
// Server.
export const ERR_NOT_FOUND = createError('TL_ERR_NOT_FOUND', 'Not found', 404);
export const ERR_GONE = createError('TL_ERR_GONE', 'Gone', 410);
export const ERR_NOT_ACCEPTABLE = createError('TL_ERR_NOT_ACCEPTABLE', 'Not acceptable', 406);
export const ERR_BAD_REQUEST = createError('TL_ERR_BAD_REQUEST', 'Bad request', 400);
export const ERR_METHOD_NOT_ALLOWED = createError('TL_ERR_METHOD_NOT_ALLOWED', 'Method not allowed', 405);
export const ERR_UNSUPPORTED_MEDIA_TYPE = createError('TL_ERR_UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 415);
export const ERR_QUERY_SYNTAX = createError('TL_ERR_QUERY_SYNTAX', 'SPARQL syntax error', 400);
export const ERR_QUERY_REFUSED = createError('TL_ERR_QUERY_REFUSED', 'Query refused', 400);
// A query text over the size or nesting cap, refused before it is parsed.
export const ERR_QUERY_LIMIT = createError('TL_ERR_QUERY_LIMIT', 'Query over a limit', 400);
// A query that parses but that the engine cannot evaluate (BIND to a bound variable, an unknown function, a bad regex): the client's error.
export const ERR_QUERY_EVALUATION = createError('TL_ERR_QUERY_EVALUATION', 'Query evaluation error', 400);
export const ERR_UPDATE_REFUSED = createError('TL_ERR_UPDATE_REFUSED', 'This endpoint is read-only', 403);
export const ERR_QUERY_TIMEOUT = createError('TL_ERR_QUERY_TIMEOUT', 'Query timed out', 503);
export const ERR_QUERY_TOO_LARGE = createError('TL_ERR_QUERY_TOO_LARGE', 'Result too large', 413);
export const ERR_BUSY = createError('TL_ERR_BUSY', 'Too many concurrent queries', 503);
export const ERR_NOT_READY = createError('TL_ERR_NOT_READY', 'Dataset not loaded yet', 503);
// The external triple store (STORE=sparql) did not answer in time, or every replica is out of service: a 503 with Retry-After.
export const ERR_STORE_UNAVAILABLE = createError('TL_ERR_STORE_UNAVAILABLE', 'Triple store unavailable', 503);
// A load into the external store failed (a request refused, or the counts after it differ from the dump's): the previous generation stays served.
export const ERR_STORE_LOAD = createError('TL_ERR_STORE_LOAD', 'Store load failed', 500);
// OAI-PMH 2.0 (section 3.6): the spec's error codes, answered inside an OAI-PMH response with HTTP 200; `oaiCode` is the code the response carries.
function oaiError(oaiCode: string, prefix: string) {
  return Object.assign(createError(`TL_ERR_OAI_${oaiCode.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`, prefix, 200), { oaiCode });
}
export const ERR_OAI_BAD_VERB = oaiError('badVerb', 'Illegal OAI-PMH verb');
export const ERR_OAI_BAD_ARGUMENT = oaiError('badArgument', 'Illegal OAI-PMH argument');
export const ERR_OAI_BAD_RESUMPTION_TOKEN = oaiError('badResumptionToken', 'Invalid or expired resumptionToken');
export const ERR_OAI_CANNOT_DISSEMINATE_FORMAT = oaiError('cannotDisseminateFormat', 'Metadata format not available');
export const ERR_OAI_ID_DOES_NOT_EXIST = oaiError('idDoesNotExist', 'Unknown identifier');
export const ERR_OAI_NO_RECORDS_MATCH = oaiError('noRecordsMatch', 'No records match');
export const ERR_OAI_NO_METADATA_FORMATS = oaiError('noMetadataFormats', 'No metadata formats');
export const ERR_OAI_NO_SET_HIERARCHY = oaiError('noSetHierarchy', 'No sets');
