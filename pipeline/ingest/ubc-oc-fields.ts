// The fields of the Open Collections "Item Metadata" table: each label and how its value lines fill a ThesisRecord.
import { ERR_FIELD_VALUE, type Where } from '../../src/core/errors.ts';
import type { Located, ThesisRecord } from '../types.ts';
import { normaliseLanguage } from './languages.ts';
import { checkHttpUri, normaliseDoi, parseDate } from './values.ts';

type Text = Located<string>;
type SingleKey = 'title' | 'provider' | 'degree' | 'program' | 'degreeGrantor' | 'campus' | 'scholarLevel' | 'aggregatedSource';
type ListKey = 'alternativeTitles' | 'creators' | 'supervisors' | 'contributors' | 'publishers' | 'genres' | 'types' | 'affiliations' | 'subjects';
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

/** Every field of the table under its canonical label, and its reader (labels as the seed's template writes them). */
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
  ['Contributor', many('contributors')],
  ['Collection', (record, values, where) => { record.collection = single(values, where); }],
  ['Is Shown At', (record, values, where) => { record.landingPage = each([single(values, where)], where, checkHttpUri)[0]!.value; }],
]);

// The other names Open Collections templates (by collection and by year) and harvests give the same fields, folded
// by foldLabel; "(Theses)" is dropped by the folding itself, so "Degree" and "Degree (Theses)" are one field.
const ALIASES: Record<string, string> = {
  'alternative title': 'Alternate Title', 'alternate titles': 'Alternate Title',
  author: 'Creator', authors: 'Creator', creators: 'Creator',
  supervisors: 'Supervisor', 'co-supervisor': 'Supervisor', 'co supervisor': 'Supervisor', 'research supervisor': 'Supervisor', advisor: 'Supervisor',
  contributors: 'Contributor',
  'issue date': 'Date Issued', 'date of issue': 'Date Issued',
  'date of graduation': 'Graduation Date',
  abstract: 'Description',
  languages: 'Language',
  'program of study': 'Program', department: 'Affiliation', affiliations: 'Affiliation',
  'degree granting institution': 'Degree Grantor',
  'rights uri': 'Rights URI', license: 'Rights', licence: 'Rights', 'license uri': 'Rights URI', 'licence uri': 'Rights URI',
  handle: 'URI', 'handle uri': 'URI', 'permanent url': 'URI',
  subjects: 'Subject', keywords: 'Subject', keyword: 'Subject',
  'aggregated source': 'Aggregated Source Repository', 'source repository': 'Aggregated Source Repository',
  'collection name': 'Collection', 'is shown at url': 'Is Shown At',
};

/**
 * Labels UBC's templates carry that no part of a thesis record holds (its notes, extent, file list, …): read
 * without a warning, their values not kept. A label neither here nor among the fields is reported as unknown.
 */
export const KNOWN_UNUSED: ReadonlySet<string> = new Set([
  'date created', 'date modified', 'extent', 'notes', 'note', 'series', 'peer review status', 'full text', 'file format',
  'citation', 'sponsor', 'geographic location', 'digital resource original record', 'physical description', 'sort date',
  'embargo', 'embargo date', 'discipline', 'country', 'province', 'city', 'copyright holder', 'rights holder', 'funder',
]);

// Case, space runs, a trailing colon and a "(Theses)"/"(Thesis)" qualifier do not make another field.
const foldLabel = (label: string) => label.toLowerCase().replace(/\s*\((?:theses|thesis|etd)\)\s*$/, '').replace(/:\s*$/, '').replace(/\s+/g, ' ').trim();
const CANONICAL = new Map<string, string>([...FIELDS.keys()].map((l) => [foldLabel(l), l]));
for (const [alias, label] of Object.entries(ALIASES)) CANONICAL.set(foldLabel(alias), FIELDS.has(label) ? label : `${label} (Theses)`);

/** The canonical label of a table label ("Degree" and "degree (theses)" → "Degree (Theses)"); 'unused' or undefined otherwise. */
export function canonicalLabel(label: string): string | 'unused' | undefined {
  const folded = foldLabel(label);
  const known = CANONICAL.get(folded);
  if (known) return known;
  return KNOWN_UNUSED.has(folded) ? 'unused' : undefined;
}
