// The elements of an ETD-MS `thesis` (NDLTD, 1.0 and 1.1) read into a ThesisRecord, the degree as the Open Collections fields give it.
import { ERR_FIELD_UNKNOWN, ERR_FIELD_VALUE, type Where } from '../../src/core/errors.ts';
import type { XmlElement } from '../../src/core/xml-reader.ts';
import type { Located, ThesisRecord } from '../types.ts';
import { normaliseLanguage } from './languages.ts';
import { isOrganisationName } from './oai-dc-fields.ts';
import type { ProblemList } from './record-draft.ts';
import { checkSize, type LineIndex } from './source-text.ts';
import { checkHttpUri, looksLikeDoi, normaliseDoi, parseDate } from './values.ts';

type Text = Located<string>;

// ETD-MS elements a thesis record has no field for: skipped without a warning.
const SKIPPED = new Set(['format', 'coverage', 'relation', 'source']);
const DCMI_TYPES = new Set(['Collection', 'Dataset', 'Event', 'Image', 'InteractiveResource', 'MovingImage',
  'PhysicalObject', 'Service', 'Software', 'Sound', 'StillImage', 'Text']);
const SUPERVISOR_ROLE = /^(?:(?:thesis|co-?)\s*)?(?:supervisor|advisor|adviser|directeur|directrice)/i;

/**
 * ETD-MS degree/level (bachelors, masters, doctoral, postdoctoral; 1.0's 0, 1, 2) as Open Collections' "Scholarly
 * Level", which the mapper already publishes as tl:scholarlyLevel: Undergraduate or Graduate.
 */
export function scholarlyLevel(level: string): string | undefined {
  const l = level.trim().toLowerCase();
  if (/^(0|bachelor|bachelors|bachelor's|undergraduate)$/.test(l)) return 'Undergraduate';
  if (/^(1|2|master|masters|master's|doctoral|doctorate|postdoctoral|graduate)$/.test(l)) return 'Graduate';
  return undefined;
}

// Pretty-printing wraps long values; a description keeps its line breaks as paragraphs (as the oai_dc reader does).
function textOf(el: XmlElement, paragraphs = false): string {
  if (!paragraphs) return el.text.replace(/[ \t]*\r?\n[ \t\r\n]*/g, ' ').trim();
  return el.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n');
}

function located(el: XmlElement, lines: LineIndex, field: string, problems: ProblemList, paragraphs = false): Text | undefined {
  const value = textOf(el, paragraphs);
  const where = { field, line: lines.lineAt(el.start) };
  if (value === '' || problems.attempt(() => { checkSize(value, where); return true; }) === undefined) return undefined;
  return { value, line: where.line };
}

const at = (field: string, v: Text): Where => ({ field, line: v.line });

// The one value an element may have; a second is an error naming both lines.
function single(values: Text[], field: string): Text | undefined {
  if (values.length > 1) throw ERR_FIELD_VALUE(`expects one value, found ${values.length} (lines ${values[0]!.line}–${values.at(-1)!.line})`, { field, line: values[1]!.line });
  return values[0];
}

function readDegree(record: ThesisRecord, degree: XmlElement, lines: LineIndex, problems: ProblemList): void {
  const get = (name: string) => degree.children.filter((c) => c.name === name).map((c) => located(c, lines, `degree/${name}`, problems)).filter((v): v is Text => v !== undefined);
  problems.attempt(() => { record.degree = single(get('name'), 'degree/name'); });
  problems.attempt(() => { record.program = single(get('discipline'), 'degree/discipline'); });
  problems.attempt(() => { record.degreeGrantor = single(get('grantor'), 'degree/grantor'); });
  const level = problems.attempt(() => single(get('level'), 'degree/level'));
  if (level) {
    const mapped = scholarlyLevel(level.value);
    if (mapped) record.scholarLevel = { value: mapped, line: level.line };
    else problems.add(ERR_FIELD_UNKNOWN(`degree/level "${level.value}" is none of bachelors, masters, doctoral, postdoctoral (or 0, 1, 2); it is ignored`, at('degree/level', level)), 'warning');
  }
}

function readIdentifier(record: ThesisRecord, id: Text, problems: ProblemList): void {
  if (looksLikeDoi(id.value)) {
    if (!record.doi) problems.attempt(() => { record.doi = { value: normaliseDoi(id.value, at('identifier', id)), line: id.line }; });
  } else if (/^https?:\/\//i.test(id.value)) {
    const uri = problems.attempt(() => checkHttpUri(id.value, at('identifier', id)));
    if (uri && /^https?:\/\/open\.library\.ubc\.ca\//i.test(uri)) record.landingPage ??= uri;
    else if (uri) record.uris.push({ value: uri, line: id.line });
  }
}

/** Fills a record from its ETD-MS `thesis` element (1.0's own elements, or 1.1's dc: ones); every bad value becomes a problem, the rest is still read. */
export function readEtdms(record: ThesisRecord, thesis: XmlElement, lines: LineIndex, problems: ProblemList): void {
  const descriptions: { text: Text; role?: string }[] = [];
  const dates: Text[] = [];
  for (const el of thesis.children) {
    if (el.name === 'degree') { readDegree(record, el, lines, problems); continue; }
    if (SKIPPED.has(el.name)) continue;
    const v = located(el, lines, el.name, problems, el.name === 'description' || el.name === 'abstract');
    if (!v) continue;
    switch (el.name) {
      case 'title': if (record.title) record.alternativeTitles.push(v); else record.title = v; break;
      case 'alternativeTitle': record.alternativeTitles.push(v); break;
      case 'creator': record.creators.push(v); break;
      case 'subject': record.subjects.push(v); break;
      case 'abstract': descriptions.push({ text: v }); break;
      case 'description': descriptions.push({ text: v, role: el.attrs.role }); break;
      case 'publisher': record.publishers.push(v); break;
      case 'contributor':
        if (SUPERVISOR_ROLE.test(el.attrs.role ?? '')) record.supervisors.push(v);
        else if (isOrganisationName(v.value)) record.affiliations.push(v);
        else record.contributors.push(v);
        break;
      case 'date': dates.push(v); break;
      case 'type': (DCMI_TYPES.has(v.value) ? record.types : record.genres).push(v); break;
      case 'identifier': readIdentifier(record, v, problems); break;
      case 'language': {
        const code = problems.attempt(() => normaliseLanguage(v.value, at('language', v)));
        if (code) record.languages.push({ value: code, line: v.line });
        break;
      }
      case 'rights':
        if (/^https?:\/\/\S+$/i.test(v.value) && !record.rightsUri) record.rightsUri = v;
        else record.rights = record.rights ? { value: `${record.rights.value}\n${v.value}`, line: record.rights.line } : v;
        break;
      default:
        problems.add(ERR_FIELD_UNKNOWN(`<${el.name}> is not an ETD-MS element; it is ignored`, { field: el.name, line: v.line }), 'warning');
    }
  }
  // The abstract is the description without a role (ETD-MS: "the abstract unless @role says otherwise"); notes are the description.
  const abstract = descriptions.find((d) => !d.role);
  if (abstract) record.abstract = abstract.text;
  const notes = descriptions.filter((d) => d !== abstract).map((d) => d.text);
  if (notes.length) record.description = { value: notes.map((n) => n.value).join('\n'), line: notes[0]!.line };
  // ETD-MS has exactly one date, the one on the title page: the date issued.
  const issued = problems.attempt(() => single(dates, 'date'));
  if (issued) problems.attempt(() => { record.dateIssued = { value: parseDate(issued.value, at('date', issued)), line: issued.line }; });
}
