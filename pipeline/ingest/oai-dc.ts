// Reader for OAI-PMH 2.0 responses (ListRecords, GetRecord) whose records carry oai_dc metadata, DSpace style.
import {
  ERR_FIELD_MISSING, ERR_INPUT_ENCODING, ERR_INPUT_SYNTAX, ERR_RECORD_DELETED, ThesisLodError,
} from '../../src/core/errors.ts';
import type { Ingested } from '../types.ts';
import { chooseItemId, itemIdFromDoi, itemIdFromOaiIdentifier, itemIdFromUri, type IdCandidate } from './item-id.ts';
import { readDublinCore } from './oai-dc-fields.ts';
import { checkWellFormed, child, findUnsafeMarkup, parseXml, type XmlElement } from '../../src/core/xml-reader.ts';
import type { Reader, RecordInput } from './reader.ts';
import { finish, newRecord, ProblemList, rejectSource } from './record-draft.ts';
import { decodeUtf8, LineIndex, sha256Hex } from './source-text.ts';

interface FileContext {
  file: string;
  text: string;
  lines: LineIndex;
  badLines: number[];
}

const DECLARED_ENCODING = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/;

// The same error, naming the construct it stopped at as its field.
const withField = (err: ThesisLodError, field: string) => new ThesisLodError(err.code, err.message, err.statusCode, { ...err.where, field }, { cause: err.cause });

// The response's records, or the reason the whole file is refused (unsafe, malformed, not OAI-PMH, an error).
function recordsOf(ctx: FileContext): XmlElement[] | ThesisLodError {
  const { text, lines, badLines } = ctx;
  const unsafe = findUnsafeMarkup(text, lines);
  if (unsafe) return withField(unsafe, /<!ENTITY/.test(unsafe.message) ? '<!ENTITY>' : '<!DOCTYPE>');
  const declared = DECLARED_ENCODING.exec(text)?.[1];
  if (declared && !/^(utf-8|us-ascii)$/i.test(declared)) {
    return ERR_INPUT_ENCODING(`the file declares encoding "${declared}"; only UTF-8 is read`, { line: 1, field: 'encoding' });
  }
  const syntax = checkWellFormed(text);
  if (syntax) {
    // A bad byte is the likelier cause of a parse failure: name it first.
    return badLines.length ? ERR_INPUT_ENCODING(`invalid UTF-8 byte sequence on line ${badLines[0]}`, { line: badLines[0] }) : syntax;
  }
  let root: XmlElement | undefined;
  try {
    root = parseXml(text).find((e) => e.name === 'OAI-PMH');
  } catch (err) {
    return ERR_INPUT_SYNTAX(`the XML parser failed: ${(err as Error).message}`, { line: 1 }, err);
  }
  if (!root) return ERR_INPUT_SYNTAX('not an OAI-PMH response: no OAI-PMH root element', { line: 1, field: 'OAI-PMH' });
  const error = child(root, 'error');
  if (error) {
    // noRecordsMatch is an empty harvest page, not a problem.
    if (error.attrs.code === 'noRecordsMatch') return [];
    return ERR_INPUT_SYNTAX(`OAI-PMH error ${error.attrs.code ?? '(no code)'}: ${error.text.trim()}`, { line: lines.lineAt(error.start), field: 'error' });
  }
  const list = child(root, 'ListRecords') ?? child(root, 'GetRecord');
  if (!list) return ERR_INPUT_SYNTAX('the response holds neither ListRecords nor GetRecord', { line: lines.lineAt(root.start), field: 'ListRecords' });
  return list.children.filter((c) => c.name === 'record');
}

// The part of a record a line belongs to, for an encoding error: `dc:title`, `header`, …
function partAt(rec: XmlElement, line: number, lines: LineIndex): string | undefined {
  const inside = (el: XmlElement) => lines.lineAt(el.start) <= line && line <= lines.lineAt(Math.max(el.start, el.end - 1));
  const dc = child(child(rec, 'metadata'), 'dc');
  const field = dc?.children.find(inside);
  if (field) return `dc:${field.name}`;
  return rec.children.find(inside)?.name;
}

function readRecord(rec: XmlElement, ctx: FileContext): Ingested {
  const { file, text, lines } = ctx;
  const source = { file, line: lines.lineAt(rec.start) };
  const header = child(rec, 'header');
  const identifier = child(header, 'identifier');
  const oaiId = identifier ? itemIdFromOaiIdentifier(identifier.text) : undefined;
  if (header?.attrs.status === 'deleted') {
    const what = identifier?.text.trim() || 'this record';
    const notice = ERR_RECORD_DELETED(`the repository marks ${what} deleted: nothing is published for it`, { file, line: source.line, recordId: oaiId });
    return { ok: false, deleted: true, id: oaiId, source, errors: [notice.toProblem('warning')] };
  }
  const record = newRecord(oaiDc.format, source, sha256Hex(text.slice(rec.start, rec.end)));
  const problems = new ProblemList();
  const dc = child(child(rec, 'metadata'), 'dc');
  if (dc) readDublinCore(record, dc, lines, problems);
  else problems.add(ERR_FIELD_MISSING('the record has no oai_dc metadata (metadata/oai_dc:dc)', { line: source.line, field: 'metadata' }));

  const strong: IdCandidate[] = [];
  const doiId = record.doi && itemIdFromDoi(record.doi.value);
  if (doiId) strong.push({ id: doiId, from: `DOI ${record.doi!.value}`, line: record.doi!.line, field: 'dc:identifier' });
  const pageId = record.landingPage && itemIdFromUri(record.landingPage);
  if (pageId) strong.push({ id: pageId, from: `item URI ${record.landingPage}`, field: 'dc:identifier' });
  const fallback: IdCandidate[] = oaiId ? [{ id: oaiId, from: `OAI identifier ${identifier!.text.trim()}`, field: 'header/identifier' }] : [];
  problems.attempt(() => { record.id = chooseItemId(strong, fallback, { line: source.line }); });

  const last = lines.lineAt(Math.max(rec.start, rec.end - 1));
  const bad = ctx.badLines.filter((l) => source.line <= l && l <= last);
  if (bad.length > 0) {
    problems.add(ERR_INPUT_ENCODING(`invalid UTF-8 byte sequence on line ${bad[0]}`, { line: bad[0], field: partAt(rec, bad[0]!, lines) }));
  }
  return finish(record, problems);
}

// A refusal of the whole file: where it stopped (line, and the construct as its field) and what was looked for.
function rejectFile(file: string, err: ThesisLodError): Ingested {
  const line = err.where.line ?? 1;
  const field = err.where.field ?? (err.code === ERR_INPUT_SYNTAX.code ? '(XML)' : '(prolog)');
  const problem = err.toProblem();
  const message = `${problem.message}; looked for ${oaiDc.describes}, and stopped on line ${line}, before any record was read`;
  return { ok: false, source: { file, line }, errors: [{ ...problem, message, file, line, field }] };
}

/** Reads every record of one OAI-PMH response; a refused file yields one rejection, a bad record only its own. */
export function* readOaiDc(input: RecordInput): Generator<Ingested> {
  const { text, badLines } = decodeUtf8(input.bytes);
  const ctx: FileContext = { file: input.file, text, lines: new LineIndex(text), badLines };
  const records = recordsOf(ctx);
  if (!Array.isArray(records)) {
    yield rejectFile(input.file, records);
    return;
  }
  // A bad byte outside every record (in the envelope) is reported once, for the file; the records still count.
  const spans = records.map((r) => [ctx.lines.lineAt(r.start), ctx.lines.lineAt(Math.max(r.start, r.end - 1))] as const);
  const stray = badLines.find((l) => !spans.some(([a, b]) => a <= l && l <= b));
  if (stray !== undefined) {
    yield rejectSource({ file: input.file, line: stray }, ERR_INPUT_ENCODING(`invalid UTF-8 byte sequence on line ${stray}, outside any record (in the OAI-PMH envelope)`, { line: stray, field: '(envelope)' }));
  }
  for (const rec of records) yield readRecord(rec, ctx);
}

/** OAI-PMH 2.0 responses with oai_dc records (a harvest page: many records per file). */
export const oaiDc: Reader = {
  format: 'oai_dc',
  describes: 'an OAI-PMH response (XML with an <OAI-PMH> root holding ListRecords or GetRecord)',
  extensions: ['.xml'],
  sniff: (head) => /<(?:[\w.-]+:)?OAI-PMH[\s>]/.test(head),
  read: readOaiDc,
};
