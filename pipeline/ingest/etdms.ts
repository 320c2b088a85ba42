// Reader for OAI-PMH 2.0 responses (ListRecords, GetRecord) whose records carry ETD-MS metadata (NDLTD's thesis standard).
import { ERR_FIELD_MISSING, ERR_INPUT_ENCODING, ERR_INPUT_SYNTAX, ERR_RECORD_DELETED, type ThesisLodError } from '../../src/core/errors.ts';
import { checkWellFormed, child, findUnsafeMarkup, parseXml, type XmlElement } from '../../src/core/xml-reader.ts';
import type { Ingested } from '../types.ts';
import { readEtdms } from './etdms-fields.ts';
import { chooseItemId, itemIdFromDoi, itemIdFromOaiIdentifier, itemIdFromUri, type IdCandidate } from './item-id.ts';
import { readDublinCore } from './oai-dc-fields.ts';
import type { Reader, RecordInput } from './reader.ts';
import { finish, newRecord, ProblemList, rejectSource } from './record-draft.ts';
import { decodeUtf8, LineIndex, sha256Hex } from './source-text.ts';

/** The ETD-MS namespaces (1.0 and 1.1), as sniffed in a file's start. */
const ETDMS_NS = /ndltd\.org\/standards\/metadata\/etdms\/1\.[01]\//;

// The response's records, or why the whole file is refused (unsafe, malformed, not OAI-PMH, an OAI error).
function recordsOf(text: string, lines: LineIndex, badLines: number[]): XmlElement[] | ThesisLodError {
  const unsafe = findUnsafeMarkup(text, lines);
  if (unsafe) return unsafe;
  const syntax = checkWellFormed(text);
  if (syntax) return badLines.length ? ERR_INPUT_ENCODING(`invalid UTF-8 byte sequence on line ${badLines[0]}`, { line: badLines[0] }) : syntax;
  let root: XmlElement | undefined;
  try {
    root = parseXml(text).find((e) => e.name === 'OAI-PMH');
  } catch (err) {
    return ERR_INPUT_SYNTAX(`the XML parser failed: ${(err as Error).message}`, { line: 1 }, err);
  }
  if (!root) return ERR_INPUT_SYNTAX('not an OAI-PMH response: no OAI-PMH root element', { line: 1 });
  const error = child(root, 'error');
  if (error) {
    if (error.attrs.code === 'noRecordsMatch') return [];
    return ERR_INPUT_SYNTAX(`OAI-PMH error ${error.attrs.code ?? '(no code)'}: ${error.text.trim()}`, { line: lines.lineAt(error.start) });
  }
  const list = child(root, 'ListRecords') ?? child(root, 'GetRecord');
  if (!list) return ERR_INPUT_SYNTAX('the response holds neither ListRecords nor GetRecord', { line: lines.lineAt(root.start) });
  return list.children.filter((c) => c.name === 'record');
}

function readRecord(rec: XmlElement, file: string, text: string, lines: LineIndex, badLines: number[]): Ingested {
  const source = { file, line: lines.lineAt(rec.start) };
  const header = child(rec, 'header');
  const identifier = child(header, 'identifier');
  const oaiId = identifier ? itemIdFromOaiIdentifier(identifier.text) : undefined;
  if (header?.attrs.status === 'deleted') {
    const notice = ERR_RECORD_DELETED(`the repository marks ${identifier?.text.trim() || 'this record'} deleted: nothing is published for it`, { file, line: source.line, recordId: oaiId });
    return { ok: false, deleted: true, id: oaiId, source, errors: [notice.toProblem('warning')] };
  }
  const metadata = child(rec, 'metadata');
  const thesis = child(metadata, 'thesis');
  // A record of the same list in oai_dc (a repository mixing formats) is read as oai_dc.
  const dc = thesis ? undefined : child(metadata, 'dc');
  const record = newRecord(dc ? 'oai_dc' : etdms.format, source, sha256Hex(text.slice(rec.start, rec.end)));
  const problems = new ProblemList();
  if (thesis) readEtdms(record, thesis, lines, problems);
  else if (dc) readDublinCore(record, dc, lines, problems);
  else problems.add(ERR_FIELD_MISSING('the record has no ETD-MS metadata (metadata/thesis)', { line: source.line, field: 'metadata' }));

  const strong: IdCandidate[] = [];
  const doiId = record.doi && itemIdFromDoi(record.doi.value);
  if (doiId) strong.push({ id: doiId, from: `DOI ${record.doi!.value}`, line: record.doi!.line, field: 'identifier' });
  const pageId = record.landingPage && itemIdFromUri(record.landingPage);
  if (pageId) strong.push({ id: pageId, from: `item URI ${record.landingPage}`, field: 'identifier' });
  const fallback: IdCandidate[] = oaiId ? [{ id: oaiId, from: `OAI identifier ${identifier!.text.trim()}`, field: 'header/identifier' }] : [];
  problems.attempt(() => { record.id = chooseItemId(strong, fallback, { line: source.line }); });

  const last = lines.lineAt(Math.max(rec.start, rec.end - 1));
  const bad = badLines.find((l) => source.line <= l && l <= last);
  if (bad !== undefined) problems.add(ERR_INPUT_ENCODING(`invalid UTF-8 byte sequence on line ${bad}`, { line: bad }));
  return finish(record, problems);
}

/** Reads every record of one OAI-PMH response with ETD-MS records; a refused file yields one rejection, a bad record only its own. */
export function* readEtdmsFile(input: RecordInput): Generator<Ingested> {
  const { text, badLines } = decodeUtf8(input.bytes);
  const lines = new LineIndex(text);
  const records = recordsOf(text, lines, badLines);
  if (!Array.isArray(records)) {
    yield rejectSource({ file: input.file, line: records.where.line ?? 1 }, records);
    return;
  }
  for (const rec of records) yield readRecord(rec, input.file, text, lines, badLines);
}

/** OAI-PMH 2.0 responses with ETD-MS records: recognised by the ETD-MS namespace in the file's start, before oai_dc. */
export const etdms: Reader = {
  format: 'etdms',
  extensions: [],
  sniff: (head) => /<(?:[\w.-]+:)?OAI-PMH[\s>]/.test(head) && ETDMS_NS.test(head),
  read: readEtdmsFile,
};
