// The six OAI-PMH verbs, one function each in one table, answering from the build's index and the store.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { OaiIndexRow } from '../../core/oai-index-format.ts';
import {
  ERR_OAI_BAD_RESUMPTION_TOKEN, ERR_OAI_CANNOT_DISSEMINATE_FORMAT, ERR_OAI_ID_DOES_NOT_EXIST, ERR_OAI_NO_METADATA_FORMATS,
  ERR_OAI_NO_RECORDS_MATCH, ERR_OAI_NO_SET_HIERARCHY, ThesisLodError,
} from '../../core/errors.ts';
import { oaiIdentifier, parseOaiIdentifier, type Iris } from '../../core/iri.ts';
import { dateRange, type Verb } from './arguments.ts';
import { FORMATS, formatOf, type MetadataFormat } from './formats.ts';
import type { OaiIndex } from './oai-index.ts';
import { OAI_NS, writeHeader, writeToken } from './response.ts';
import type { ThesisFactsReader } from './thesis-facts.ts';
import type { TokenCodec, TokenState } from './tokens.ts';
import { xmlSafe } from './xml-text.ts';

/** What every verb reads: built once by the plugin. */
export interface OaiContext {
  index: OaiIndex;
  facts: ThesisFactsReader;
  tokens: TokenCodec;
  iris: Iris;
  baseUrl: string;
  repositoryId: string;
  repositoryName: string;
  adminEmail: string;
  pageSize: number;
  now: () => number;
}

type VerbHandler = (root: XMLBuilder, args: Record<string, string>, ctx: OaiContext) => void;

const GRANULARITY = 'YYYY-MM-DDThh:mm:ssZ';

function identify(root: XMLBuilder, _args: Record<string, string>, ctx: OaiContext): void {
  const el = root.ele(OAI_NS, 'Identify');
  el.ele(OAI_NS, 'repositoryName').txt(xmlSafe(ctx.repositoryName));
  el.ele(OAI_NS, 'baseURL').txt(ctx.baseUrl);
  el.ele(OAI_NS, 'protocolVersion').txt('2.0');
  el.ele(OAI_NS, 'adminEmail').txt(ctx.adminEmail);
  // An empty repository still needs one: the Unix epoch is earlier than anything it will hold.
  el.ele(OAI_NS, 'earliestDatestamp').txt(ctx.index.earliest() ?? '1970-01-01T00:00:00Z');
  el.ele(OAI_NS, 'deletedRecord').txt('persistent');
  el.ele(OAI_NS, 'granularity').txt(GRANULARITY);
  // @fastify/compress answers every route with what Accept-Encoding asks.
  el.ele(OAI_NS, 'compression').txt('gzip');
  el.ele(OAI_NS, 'compression').txt('deflate');
  const ns = 'http://www.openarchives.org/OAI/2.0/oai-identifier';
  const sample = ctx.index.records.find((r) => !r.deleted)?.id ?? '1.0449833';
  el.ele(OAI_NS, 'description').ele(ns, 'oai-identifier')
    .att('http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation', `${ns} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`)
    .ele(ns, 'scheme').txt('oai').up()
    .ele(ns, 'repositoryIdentifier').txt(ctx.repositoryId).up()
    .ele(ns, 'delimiter').txt(':').up()
    .ele(ns, 'sampleIdentifier').txt(oaiIdentifier(ctx.repositoryId, sample));
}

// The index row an identifier names, or idDoesNotExist.
function rowOf(identifier: string, ctx: OaiContext): OaiIndexRow {
  const id = parseOaiIdentifier(ctx.repositoryId, identifier);
  const row = id === undefined ? undefined : ctx.index.get(id);
  if (!row) throw ERR_OAI_ID_DOES_NOT_EXIST(`${identifier} is not an identifier of this repository (oai:${ctx.repositoryId}:{itemId})`);
  return row;
}

function listMetadataFormats(root: XMLBuilder, args: Record<string, string>, ctx: OaiContext): void {
  if (args.identifier !== undefined && rowOf(args.identifier, ctx).deleted) {
    throw ERR_OAI_NO_METADATA_FORMATS(`${args.identifier} is deleted: no metadata is disseminated for it`);
  }
  const el = root.ele(OAI_NS, 'ListMetadataFormats');
  for (const f of FORMATS) {
    el.ele(OAI_NS, 'metadataFormat')
      .ele(OAI_NS, 'metadataPrefix').txt(f.prefix).up()
      .ele(OAI_NS, 'schema').txt(f.schema).up()
      .ele(OAI_NS, 'metadataNamespace').txt(f.namespace);
  }
}

function formatFor(prefix: string): MetadataFormat {
  const format = formatOf(prefix);
  if (!format) throw ERR_OAI_CANNOT_DISSEMINATE_FORMAT(`metadataPrefix ${JSON.stringify(prefix)} is not one of ${FORMATS.map((f) => f.prefix).join(', ')}`);
  return format;
}

// A whole record: its header, and unless deleted its metadata in the format.
function writeRecord(parent: XMLBuilder, row: OaiIndexRow, format: MetadataFormat, ctx: OaiContext): void {
  const record = parent.ele(OAI_NS, 'record');
  writeHeader(record, row, oaiIdentifier(ctx.repositoryId, row.id));
  if (row.deleted) return;
  const facts = ctx.facts.read(row.id);
  // The index and the store come from one build: a row without its graph is a broken DIST_DIR, not the client's error.
  if (!facts) throw new ThesisLodError('TL_ERR_OAI_INDEX', `the OAI index lists ${row.id} but the store has no graph for it`, 500, { recordId: row.id });
  format.write(record.ele(OAI_NS, 'metadata'), facts, {
    datestamp: row.datestamp, page: ctx.iris.doc('thesis', row.id).value, base: ctx.iris.base, quads: () => ctx.facts.graphQuads(row.id),
  });
}

function getRecord(root: XMLBuilder, args: Record<string, string>, ctx: OaiContext): void {
  const format = formatFor(args.metadataPrefix!);
  writeRecord(root.ele(OAI_NS, 'GetRecord'), rowOf(args.identifier!, ctx), format, ctx);
}

// The state a list request starts from: a fresh one (arguments checked, size counted), or the token's.
function listState(verb: 'ListRecords' | 'ListIdentifiers', args: Record<string, string>, ctx: OaiContext): TokenState {
  if (args.resumptionToken) return ctx.tokens.decode(args.resumptionToken, verb, ctx.now());
  formatFor(args.metadataPrefix!);
  const { from, until } = dateRange(args);
  if (args.set !== undefined && !ctx.index.hasSet(args.set)) throw ERR_OAI_NO_RECORDS_MATCH(`there is no set ${JSON.stringify(args.set)}; ListSets names them`);
  const state: TokenState = { verb, metadataPrefix: args.metadataPrefix, set: args.set, from, until, versions: ctx.index.versionsFor([], undefined), cursor: 0, completeListSize: 0 };
  state.completeListSize = ctx.index.count({ ...state, versions: state.versions! });
  return state;
}

function list(verb: 'ListRecords' | 'ListIdentifiers'): VerbHandler {
  return (root, args, ctx) => {
    const state = listState(verb, args, ctx);
    const format = formatFor(state.metadataPrefix!);
    const after = state.datestamp !== undefined && state.id !== undefined ? { datestamp: state.datestamp, id: state.id } : undefined;
    const versions = ctx.index.versionsFor(state.versions ?? [], after);
    const { rows, more } = ctx.index.page({ from: state.from, until: state.until, set: state.set, versions, after }, ctx.pageSize);
    if (rows.length === 0) throw ERR_OAI_NO_RECORDS_MATCH(after ? 'no records remain in this list' : 'no record matches the arguments');
    const el = root.ele(OAI_NS, verb);
    for (const row of rows) {
      if (verb === 'ListRecords') writeRecord(el, row, format, ctx);
      else writeHeader(el, row, oaiIdentifier(ctx.repositoryId, row.id));
    }
    const last = rows.at(-1)!;
    const sizes = { completeListSize: Math.max(state.completeListSize, state.cursor + rows.length), cursor: state.cursor };
    if (more) writeToken(el, sizes, ctx.tokens.encode({ ...state, versions, datestamp: last.datestamp, id: last.id, cursor: state.cursor + rows.length }, ctx.now()));
    else if (args.resumptionToken) writeToken(el, sizes);
  };
}

function listSets(root: XMLBuilder, args: Record<string, string>, ctx: OaiContext): void {
  const sets = ctx.index.sets;
  if (sets.length === 0) throw ERR_OAI_NO_SET_HIERARCHY('this repository has no sets');
  const state: TokenState = args.resumptionToken ? ctx.tokens.decode(args.resumptionToken, 'ListSets', ctx.now()) : { verb: 'ListSets', offset: 0, cursor: 0, completeListSize: sets.length };
  const offset = state.offset ?? 0;
  const page = sets.slice(offset, offset + ctx.pageSize);
  if (page.length === 0) throw ERR_OAI_BAD_RESUMPTION_TOKEN('the resumptionToken points past the end of the sets');
  const el = root.ele(OAI_NS, 'ListSets');
  for (const s of page) el.ele(OAI_NS, 'set').ele(OAI_NS, 'setSpec').txt(s.spec).up().ele(OAI_NS, 'setName').txt(xmlSafe(s.name));
  const next = offset + page.length;
  const sizes = { completeListSize: sets.length, cursor: offset };
  if (next < sets.length) writeToken(el, sizes, ctx.tokens.encode({ ...state, offset: next, cursor: next, completeListSize: sets.length }, ctx.now()));
  else if (args.resumptionToken) writeToken(el, sizes);
}

/** The verb table. */
export const VERB_HANDLERS: Record<Verb, VerbHandler> = {
  Identify: identify,
  ListMetadataFormats: listMetadataFormats,
  ListSets: listSets,
  ListIdentifiers: list('ListIdentifiers'),
  ListRecords: list('ListRecords'),
  GetRecord: getRecord,
};
