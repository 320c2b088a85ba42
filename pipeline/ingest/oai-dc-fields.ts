// The fifteen Dublin Core elements of an oai_dc record, as DSpace fills them, read into a ThesisRecord.
import { ERR_FIELD_UNKNOWN, type Where } from '../../src/core/errors.ts';
import type { Located, ThesisRecord, TypedDate } from '../types.ts';
import { normaliseLanguage } from './languages.ts';
import type { XmlElement } from '../../src/core/xml-reader.ts';
import type { ProblemList } from './record-draft.ts';
import { checkSize, type LineIndex } from './source-text.ts';
import { checkHttpUri, looksLikeDoi, normaliseDoi, parseDate } from './values.ts';

type Text = Located<string>;

const READ = new Set(['title', 'creator', 'contributor', 'subject', 'description', 'date', 'type', 'identifier', 'language', 'rights', 'publisher']);
// Dublin Core elements a thesis record has no field for: skipped without a warning.
const SKIPPED = new Set(['format', 'source', 'relation', 'coverage']);
// DSpace flattens dc.contributor.advisor into dc:contributor; a role in brackets marks a supervisor.
const SUPERVISOR_MARK = /\s*\((?:thesis\s+|co-)?(?:supervisor|advisor|adviser)\)$/i;
// DSpace also flattens the department or faculty a thesis was written in into dc:contributor, in UBC's inverted
// form ("Earth, Ocean and Atmospheric Sciences, Department of"): such names are affiliations, not people. Case
// matters: these are capitalised words of an organisation's name, which personal names ("Schoolcraft, Henry") lack.
const ORGANISATION_NAME =
  /,\s*(?:Department|Faculty|School|College|Centre|Center|Institute|Division)\s+(?:of|for)\s*$|(?<!\p{L})(?:(?:Department|Faculty|School)\s+of|University|Université|Institute|Program|Programme)(?!\p{L})/u;
// DCMI Type Vocabulary terms go to types; any other dc:type (Thesis/Dissertation, …) is a genre.
const DCMI_TYPES = new Set(['Collection', 'Dataset', 'Event', 'Image', 'InteractiveResource', 'MovingImage',
  'PhysicalObject', 'Service', 'Software', 'Sound', 'StillImage', 'Text']);

const joined = (values: Text[]): Text => ({ value: values.map((v) => v.value).join('\n'), line: values[0]?.line });
const at = (field: string, v: Text): Where => ({ field, line: v.line });

// XML pretty-printing wraps long values: a line break and the indentation around it become one space,
// except in descriptions, whose line breaks may separate paragraphs (kept as "\n", like the item-page
// reader). Other spacing is content and stays as written.
function textOf(el: XmlElement): string {
  if (el.name !== 'description') return el.text.replace(/[ \t]*\r?\n[ \t\r\n]*/g, ' ').trim();
  return el.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n');
}

// Groups the non-empty, size-checked values by element name, warning about names outside Dublin Core.
function collect(dc: XmlElement, lines: LineIndex, problems: ProblemList): Map<string, Text[]> {
  const by = new Map<string, Text[]>();
  for (const el of dc.children) {
    const value = textOf(el);
    const where = { field: `dc:${el.name}`, line: lines.lineAt(el.start) };
    if (!READ.has(el.name)) {
      if (!SKIPPED.has(el.name)) problems.add(ERR_FIELD_UNKNOWN(`<${el.name}> is not a Dublin Core element; it is ignored`, where), 'warning');
      continue;
    }
    if (value === '' || problems.attempt(() => { checkSize(value, where); return true; }) === undefined) continue;
    by.set(el.name, [...(by.get(el.name) ?? []), { value, line: where.line }]);
  }
  return by;
}

// dc:date repeats (accessioned, available, issued, flattened): issued is the first value without a time
// (DSpace's issued date is a bare year or date), else the first; available is the first date-time.
function readDates(record: ThesisRecord, dates: Text[], problems: ProblemList): void {
  const typed: Located<TypedDate>[] = [];
  for (const d of dates) {
    const value = problems.attempt(() => parseDate(d.value, at('dc:date', d)));
    if (value) typed.push({ value, line: d.line });
  }
  record.dateIssued = typed.find((d) => d.value.datatype !== 'dateTime') ?? typed[0];
  record.dateAvailable = typed.find((d) => d.value.datatype === 'dateTime');
}

// dc:identifier holds the DOI, the handle and the item page; other identifiers (citations, ISBNs) are skipped.
function readIdentifiers(record: ThesisRecord, ids: Text[], problems: ProblemList): void {
  for (const id of ids) {
    if (looksLikeDoi(id.value)) {
      if (!record.doi) record.doi = { value: normaliseDoi(id.value, at('dc:identifier', id)), line: id.line };
    } else if (/^https?:\/\//i.test(id.value)) {
      const uri = problems.attempt(() => checkHttpUri(id.value, at('dc:identifier', id)));
      if (uri && /^https?:\/\/open\.library\.ubc\.ca\//i.test(uri)) record.landingPage ??= uri;
      else if (uri) record.uris.push({ value: uri, line: id.line });
    }
  }
}

/** True when a dc:contributor value names an organisation (a department, faculty, school, university, institute or program), not a person. */
export function isOrganisationName(name: string): boolean {
  return ORGANISATION_NAME.test(name.trim());
}

/** Fills a record from its oai_dc element; every bad value becomes a problem, the rest is still read. */
export function readDublinCore(record: ThesisRecord, dc: XmlElement, lines: LineIndex, problems: ProblemList): void {
  const by = collect(dc, lines, problems);
  const get = (name: string) => by.get(name) ?? [];
  const [title, ...alternatives] = get('title');
  record.title = title;
  record.alternativeTitles = alternatives;
  record.creators = get('creator');
  for (const c of get('contributor')) {
    if (SUPERVISOR_MARK.test(c.value)) record.supervisors.push({ value: c.value.replace(SUPERVISOR_MARK, ''), line: c.line });
    else if (isOrganisationName(c.value)) record.affiliations.push(c);
    else record.contributors.push(c);
  }
  record.subjects = get('subject');
  record.publishers = get('publisher');
  // DSpace flattens dc.description.abstract and dc.description (notes) into dc:description: the longest
  // (the first among equals) is the abstract; the others, in order, are the description.
  const descriptions = get('description');
  if (descriptions.length > 0) {
    const longest = descriptions.reduce((best, d) => (d.value.length > best.value.length ? d : best));
    record.abstract = longest;
    const rest = descriptions.filter((d) => d !== longest);
    if (rest.length) record.description = joined(rest);
  }
  readDates(record, get('date'), problems);
  for (const t of get('type')) (DCMI_TYPES.has(t.value) ? record.types : record.genres).push(t);
  problems.attempt(() => readIdentifiers(record, get('identifier'), problems));
  for (const l of get('language')) {
    const code = problems.attempt(() => normaliseLanguage(l.value, at('dc:language', l)));
    if (code) record.languages.push({ value: code, line: l.line });
  }
  // dc:rights often comes twice: the statement, and the licence URI.
  const rights = get('rights');
  const uri = rights.find((r) => /^https?:\/\/\S+$/i.test(r.value));
  if (uri) record.rightsUri = uri;
  const statements = rights.filter((r) => r !== uri);
  if (statements.length) record.rights = joined(statements);
}
