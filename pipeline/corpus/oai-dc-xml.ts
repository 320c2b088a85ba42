// Writes records as OAI-PMH 2.0 ListRecords pages of oai_dc records, DSpace style (as pipeline/ingest/oai-dc.ts reads them).
import { isOrganisationName } from '../ingest/oai-dc-fields.ts';
import type { Breakage } from './broken.ts';
import type { CorpusRecord } from './model.ts';
import { affiliations, BAD_BYTE_MARK, paragraphLines } from './oc-text.ts';

/** Records per ListRecords page (a harvest page of DSpace's default size). */
export const PAGE_SIZE = 100;
// A fixed response date: a clock time would make two runs differ.
const RESPONSE_DATE = '2025-09-01T12:00:00Z';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const dc = (name: string, value: string) => `          <dc:${name}>${esc(value)}</dc:${name}>`;
// Where each collection lives on Open Collections (its landing pages carry the number, never guessed from the id).
const SETS: Record<string, [spec: string, path: string]> = {
  'UBC Theses and Dissertations': ['ubctheses', 'ubctheses/24'],
  'UBC Retrospective Theses Digitization Project': ['ubcretro', 'ubctheses/831'],
  'UBC Undergraduate Research': ['ubcundergrad', 'undergraduateresearch/42591'],
};

/** One <record> element; `broken` changes the one thing that makes ingest reject it. */
export function oaiRecord(record: CorpusRecord, broken?: Breakage): string {
  const { id } = record;
  const missingId = broken?.kind === 'missing-id';
  const [spec, path] = SETS[record.collection] ?? ['ubctheses', 'ubctheses/24'];
  const stamp = `${record.available}T10:00:00Z`;
  const abstract = paragraphLines(record).join('\n');
  const lines = [
    '    <record>',
    '      <header>',
    // Without a DOI or an Open Collections identifier the record has no item id (the DSpace handle is not one).
    `        <identifier>${missingId ? `oai:circle.library.ubc.ca:2429/${10000 + record.index}` : `oai:open.library.ubc.ca:${id}`}</identifier>`,
    `        <datestamp>${stamp}</datestamp>`,
    `        <setSpec>${spec}</setSpec>`,
    '      </header>',
    '      <metadata>',
    '        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">',
    dc('title', record.title),
    ...(record.alternativeTitle ? [dc('title', record.alternativeTitle)] : []),
    ...record.creators.map((c) => dc('creator', c)),
    // DSpace flattens advisors and the department into dc:contributor; the reader tells them apart.
    ...record.supervisors.map((s) => dc('contributor', `${s} (Supervisor)`)),
    ...affiliations(record).filter(isOrganisationName).map((a) => dc('contributor', a)),
    ...record.subjects.map((s) => dc('subject', s)),
    `          <dc:description>${esc(broken?.kind === 'invalid-utf8' ? abstract.replace(/ /, ` ${BAD_BYTE_MARK}`) : abstract)}</dc:description>`,
    dc('description', `Thesis (${record.degree.abbreviation})`),
    dc('date', stamp), dc('date', stamp),
    dc('date', broken?.kind === 'impossible-date' ? broken.value! : record.issued),
    dc('type', 'Text'), dc('type', 'Thesis/Dissertation'),
    ...(record.handle ? [dc('identifier', record.handle)] : []),
    ...(missingId ? [] : [dc('identifier', `https://doi.org/10.14288/${id}`)]),
    ...(!missingId && record.index % 2 === 0 ? [dc('identifier', `https://open.library.ubc.ca/collections/${path}/items/${id}`)] : []),
    dc('format', 'application/pdf'),
    // DSpace exports write ISO 639-1 where one exists ("en"); the reader accepts both.
    ...(broken?.kind === 'unknown-language' ? [broken.value!] : record.languages.map((l) => (l === 'eng' ? 'en' : l))).map((l) => dc('language', l)),
    dc('rights', record.rights), dc('rights', record.rightsUri),
    dc('publisher', 'University of British Columbia'),
    '        </oai_dc:dc>',
    '      </metadata>',
    '    </record>',
  ];
  return lines.join('\n');
}

/** A ListRecords response holding `records`; every page but the last names the next with a resumption token. */
export function oaiPage(records: readonly string[], page: number, cursor: number, last: boolean): string {
  const token = last ? `<resumptionToken cursor="${cursor}"/>` : `<resumptionToken cursor="${cursor}">synthetic-${page + 1}</resumptionToken>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">',
    `  <responseDate>${RESPONSE_DATE}</responseDate>`,
    '  <request verb="ListRecords" metadataPrefix="oai_dc">https://open.library.ubc.ca/oai</request>',
    '  <ListRecords>',
    ...records,
    `    ${token}`,
    '  </ListRecords>',
    '</OAI-PMH>',
    '',
  ].join('\n');
}
