// The fields of the Open Collections "Item Metadata" table: each label and how its value lines fill a ThesisRecord.
import { ERR_FIELD_VALUE, type Where } from '../../src/core/errors.ts';
import type { Located, ThesisRecord } from '../types.ts';
import { normaliseLanguage } from './languages.ts';
import { checkHttpUri, normaliseDoi, parseDate } from './values.ts';

type Text = Located<string>;
type SingleKey = 'title' | 'provider' | 'degree' | 'program' | 'degreeGrantor' | 'campus' | 'scholarLevel' | 'aggregatedSource';
type ListKey = 'alternativeTitles' | 'creators' | 'supervisors' | 'publishers' | 'genres' | 'types' | 'affiliations' | 'subjects';
type DateKey = 'dateIssued' | 'dateAvailable' | 'graduationDate';

/** Fills a record from one field's (non-empty) value lines; throws a ThesisLodError for a bad value. */
export type ApplyField = (record: ThesisRecord, values: Text[], where: Where) => void;

/** Paragraphs as one value, joined by "\n", located on the first. */
export function paragraphs(values: Text[]): Text {
  return { value: values.map((v) => v.value).join('\n'), line: values[0]?.line };
}

function single(values: Text[], where: Where): Text {
  if (values.length > 1) {
    throw ERR_FIELD_VALUE(`expects one value, found ${values.length} (lines ${values[0]!.line}–${values.at(-1)!.line})`, where);
  }
  return values[0]!;
}

// Checks each value at its own line, keeping the line with the checked value.
function each(values: Text[], where: Where, check: (value: string, at: Where) => string): Text[] {
  return values.map((v) => ({ value: check(v.value, { ...where, line: v.line }), line: v.line }));
}

const one = (key: SingleKey): ApplyField => (record, values, where) => { record[key] = single(values, where); };
const many = (key: ListKey): ApplyField => (record, values) => { record[key].push(...values); };
const text = (key: 'description' | 'rights'): ApplyField => (record, values) => { record[key] = paragraphs(values); };
const date = (key: DateKey): ApplyField => (record, values, where) => {
  const v = single(values, where);
  record[key] = { value: parseDate(v.value, { ...where, line: v.line }), line: v.line };
};

/** Every label of the table and its reader; a label not listed here is reported as a warning and skipped. */
export const FIELDS: ReadonlyMap<string, ApplyField> = new Map<string, ApplyField>([
  ['Title', one('title')],
  ['Alternate Title', many('alternativeTitles')],
  ['Creator', many('creators')],
  ['Supervisor', many('supervisors')],
  ['Publisher', many('publishers')],
  ['Date Issued', date('dateIssued')],
  ['Description', text('description')],
  ['Genre', many('genres')],
  ['Type', many('types')],
  ['Language', (record, values, where) => { record.languages.push(...each(values, where, normaliseLanguage)); }],
  ['Date Available', date('dateAvailable')],
  ['Provider', one('provider')],
  ['Rights', text('rights')],
  ['DOI', (record, values, where) => { record.doi = each([single(values, where)], where, normaliseDoi)[0]; }],
  ['URI', (record, values, where) => { record.uris.push(...each(values, where, checkHttpUri)); }],
  ['Degree (Theses)', one('degree')],
  ['Program (Theses)', one('program')],
  ['Affiliation', many('affiliations')],
  ['Degree Grantor', one('degreeGrantor')],
  ['Graduation Date', date('graduationDate')],
  ['Campus', one('campus')],
  ['Scholarly Level', one('scholarLevel')],
  ['Rights URI', (record, values, where) => { record.rightsUri = each([single(values, where)], where, checkHttpUri)[0]; }],
  ['Aggregated Source Repository', one('aggregatedSource')],
  ['Subject', many('subjects')],
]);
