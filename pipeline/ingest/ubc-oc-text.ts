// Reader for the UBC Open Collections item-page text: breadcrumb, header line, Abstract, "Item Metadata" table.
import {
  ERR_FIELD_UNKNOWN, ERR_FIELD_VALUE, ERR_INPUT_ENCODING, ERR_INPUT_TRUNCATED, type Where,
} from '../../src/core/errors.ts';
import type { Ingested, Located, ThesisRecord } from '../types.ts';
import { chooseItemId, itemIdFromDoi, itemIdFromUri, type IdCandidate } from './item-id.ts';
import type { Reader, RecordInput } from './reader.ts';
import { finish, newRecord, ProblemList } from './record-draft.ts';
import { checkSize, decodeUtf8, sha256Hex } from './source-text.ts';
import { canonicalLabel, FIELDS, paragraphs } from './ubc-oc-fields.ts';
import { findTable, parseTable, type Table, type TableField } from './ubc-oc-table.ts';

type Text = Located<string>;

/** The page's parts before the table, as lines (1-based numbers). */
interface Page {
  crumbs: Text[];
  block: Text[];
  header?: Text;
  abstract: Text[];
  tableStart: number;
}

// Breadcrumb entries that are site navigation, not the item's collection.
const NAVIGATION = new Set(['Library Home', 'Search Collections', 'Open Collections', 'Browse Collections']);
const CRUMB = /^- (.+?)(?: \/)?$/;

const at = (lines: readonly string[], i: number): Text => ({ value: lines[i]!.trim(), line: i + 1 });
const nonBlank = (lines: readonly string[], from: number, to: number): Text[] => {
  const out: Text[] = [];
  for (let i = from; i < to; i++) if (lines[i]!.trim() !== '') out.push(at(lines, i));
  return out;
};

// Headings a template may put right before the table: not part of the abstract or the header line.
const TABLE_HEADINGS = new Set(['Item Metadata', 'Metadata', 'Item Details']);

// The page's parts around the table, which is found by its structure (pipeline/ingest/ubc-oc-table.ts): the
// breadcrumb, an "Abstract" section and the header block are each optional, as templates and harvests differ.
function splitPage(lines: readonly string[]): Page | undefined {
  let i = 0;
  while (i < lines.length && CRUMB.test(lines[i]!.trim())) i++;
  const crumbs = nonBlank(lines, 0, i);
  const tableStart = findTable(lines, i);
  if (tableStart < 0) return undefined;
  let end = tableStart;
  while (end > i && lines[end - 1]!.trim() === '') end--;
  if (end > i && TABLE_HEADINGS.has(lines[end - 1]!.trim())) end--;
  let abs = -1;
  for (let k = i; k < end && abs < 0; k++) if (lines[k]!.trim() === 'Abstract') abs = k;
  const headerAt = (abs >= 0 ? abs : end) - 1;
  return {
    crumbs,
    block: nonBlank(lines, i, Math.max(i, headerAt)),
    header: headerAt >= i && lines[headerAt]!.trim() !== '' ? at(lines, headerAt) : undefined,
    abstract: abs >= 0 ? nonBlank(lines, abs + 1, end) : [],
    tableStart,
  };
}

// The header line is the title followed by the creators ("…Work) Li, Yi", several joined by "; "): the
// table's Creator field is often empty, so the creators are recovered from there (or the title, if that is empty).
function recoverFromHeader(record: ThesisRecord, header: Text | undefined, problems: ProblemList): void {
  if (!header) return;
  const line = header.value;
  if (record.title) {
    const title = record.title.value;
    if (line === title) return;
    if (!line.startsWith(`${title} `)) {
      problems.add(ERR_FIELD_VALUE('the header line does not start with the Title: no creator recovered from it', { line: header.line, field: 'header' }), 'warning');
      return;
    }
    if (record.creators.length === 0) {
      record.creators = line.slice(title.length + 1).split(';').map((s) => s.trim()).filter(Boolean)
        .map((value) => ({ value, line: header.line }));
    }
  } else if (record.creators.length > 0) {
    const names = ` ${record.creators.map((c) => c.value).join('; ')}`;
    if (line.endsWith(names) && line.length > names.length) record.title = { value: line.slice(0, -names.length), line: header.line };
  }
}

// The collection is the breadcrumb entry after the navigation ("- UBC Theses and Dissertations /"), else the
// line after "Open Collections" in the header block.
function collectionOf(page: Page): Text | undefined {
  let found: Text | undefined;
  for (const c of page.crumbs) {
    const m = /^- (.+) \/$/.exec(c.value);
    if (m && !NAVIGATION.has(m[1]!)) found = { value: m[1]!, line: c.line };
  }
  if (found) return found;
  const k = page.block.findIndex((b) => b.value === 'Open Collections');
  return k >= 0 ? page.block[k + 1] : undefined;
}

// The page repeats the rights statement after the table ("Item Media … Rights / text"): a fallback only.
function trailerRights(lines: readonly string[], from: number): Text | undefined {
  const k = lines.findIndex((l, i) => i > from && l.trim() === 'Rights');
  const values = k >= 0 ? nonBlank(lines, k + 1, lines.length) : [];
  return values.length ? paragraphs(values) : undefined;
}

// Names the part of the page a line belongs to, for an encoding error.
function partAt(line: number, page: Page | undefined, fields: TableField[]): string | undefined {
  const field = fields.find((f) => f.line <= line && line <= f.endLine);
  if (field) return field.label;
  if (!page) return undefined;
  if (page.header?.line === line) return 'header';
  if (page.abstract.some((a) => a.line === line)) return 'Abstract';
  return page.crumbs.some((c) => c.line === line) ? 'breadcrumb' : undefined;
}

// What the build report keeps of an unknown field's value: enough to see what it was, not a second abstract.
const KEPT_VALUE_CHARS = 4096;

function readFields(record: ThesisRecord, fields: TableField[], problems: ProblemList): void {
  const seen = new Map<string, number>();
  for (const f of fields) {
    const where: Where = { line: f.line, field: f.label };
    const label = canonicalLabel(f.label);
    if (label === 'unused') continue;
    if (!label) {
      const text = f.values.map((v) => v.value).join('\n');
      const value = text.length > KEPT_VALUE_CHARS ? `${text.slice(0, KEPT_VALUE_CHARS)}…` : text;
      const err = ERR_FIELD_UNKNOWN(`"${f.label}" is not a field this reader knows; its value (${f.values.length} line(s)) is kept here, not published`, where);
      problems.items.push({ ...err.toProblem('warning'), value });
      continue;
    }
    const first = seen.get(label);
    if (first !== undefined) {
      problems.add(ERR_FIELD_VALUE(`the field appears twice (lines ${first} and ${f.line}${label === f.label ? '' : `, as "${f.label}"`})`, where));
      continue;
    }
    seen.set(label, f.line);
    if (f.values.length === 0) continue;
    const apply = FIELDS.get(label)!;
    problems.attempt(() => {
      checkSize(f.values.map((v) => v.value).join('\n'), where);
      apply(record, f.values, where);
    });
  }
}

// Everything the page says around the table: abstract, creators or title from the header line, collection, rights.
function readSurroundings(record: ThesisRecord, lines: readonly string[], page: Page, table: Table, problems: ProblemList): void {
  const checked = (value: Text, field: string) => problems.attempt(() => { checkSize(value.value, { line: value.line, field }); return value; });
  if (page.abstract.length > 0) record.abstract = checked(paragraphs(page.abstract), 'Abstract');
  if (page.header && checked(page.header, 'header')) recoverFromHeader(record, page.header, problems);
  // The breadcrumb names the collection on item pages; a template without one may have a Collection field.
  record.collection = collectionOf(page) ?? record.collection;
  if (!record.rights && !table.problem) record.rights = trailerRights(lines, table.next);
}

// The id from the DOI, else from an Open Collections item URI in the URI field.
function readId(record: ThesisRecord, cutOff: boolean, problems: ProblemList): void {
  const strong: IdCandidate[] = [];
  const doiId = record.doi && itemIdFromDoi(record.doi.value);
  if (doiId) strong.push({ id: doiId, from: `DOI ${record.doi!.value}`, line: record.doi!.line, field: 'DOI' });
  for (const uri of record.uris) {
    const id = itemIdFromUri(uri.value);
    if (id) strong.push({ id, from: `URI ${uri.value}`, line: uri.line, field: 'URI' });
  }
  const pageId = record.landingPage && itemIdFromUri(record.landingPage);
  if (pageId) strong.push({ id: pageId, from: `item page ${record.landingPage}`, field: 'Is Shown At' });
  // A page cut off before its DOI already says why it has no id: no second error for that.
  if (strong.length > 0 || !cutOff) problems.attempt(() => { record.id = chooseItemId(strong, [], {}); });
}

/** Reads one item page (one file, one record): the record, or a rejection naming file, line, field and id. */
export function readUbcOcText(input: RecordInput): Ingested {
  const record = newRecord(ubcOcText.format, { file: input.file, line: 1 }, sha256Hex(input.bytes));
  const problems = new ProblemList();
  const { text, badLines } = decodeUtf8(input.bytes);
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const page = splitPage(lines);
  const table = page && parseTable(lines, page.tableStart);
  if (page && table) {
    readFields(record, table.fields, problems);
    if (table.problem) problems.add(table.problem);
    readSurroundings(record, lines, page, table, problems);
  } else {
    problems.add(ERR_INPUT_TRUNCATED(`no metadata table: looked for field lines ("Label |" then values then "|", or "Label | |") after the page header, and the text ends on line ${lines.length} without one`, { line: lines.length, field: '(metadata table)' }));
  }
  readId(record, !table || table.problem !== undefined, problems);
  if (badLines.length > 0) {
    const line = badLines[0]!;
    const more = badLines.length > 1 ? ` (and on ${badLines.length - 1} more line(s))` : '';
    problems.add(ERR_INPUT_ENCODING(`invalid UTF-8 byte sequence on line ${line}${more}`, { line, field: partAt(line, page, table?.fields ?? []) }));
  }
  return finish(record, problems);
}

/** The Open Collections item-page text format (data/records/*.txt). */
export const ubcOcText: Reader = {
  format: 'ubc-oc-text',
  describes: 'an Open Collections item page (text beginning "- Library Home /", with a "Label |" metadata table)',
  extensions: ['.txt'],
  // Item pages begin with the breadcrumb: "- Library Home /".
  sniff: (head) => /^- .+ \/$/.test(head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.trim()),
  *read(input) { yield readUbcOcText(input); },
};
