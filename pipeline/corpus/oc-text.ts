// Writes a record as an Open Collections item page, line for line as the seed (data/records/) is laid out.
import type { Breakage } from './broken.ts';
import type { CorpusRecord } from './model.ts';

/** Stands for the invalid byte while the page is text; replaced by 0xFF in the bytes (see toBytes). */
export const BAD_BYTE_MARK = '\u0000';

const PUBLISHER = 'University of British Columbia';
const PROVIDER = 'Vancouver : University of British Columbia Library';

// "Label |", the value lines, "|"; an empty field is the one line "Label | |".
function field(label: string, values: readonly string[]): string[] {
  return values.length === 0 ? [`${label} | |`] : [`${label} |`, ...values, '|'];
}

// The breadcrumb shortens a long title at a word, with "...", as the seed's "…legacy of Sino-Soviet...".
function crumb(title: string): string {
  if (title.length <= 55) return title;
  const cut = title.lastIndexOf(' ', 52);
  return `${title.slice(0, cut > 20 ? cut : 52)}...`;
}

/** The sentences of each paragraph joined into one line. */
export function paragraphLines(record: CorpusRecord): string[] {
  return record.paragraphs.map((p) => p.join(' '));
}

/** The affiliation lines: the unit, then its faculty (once when they are the same). */
export function affiliations(record: CorpusRecord): string[] {
  const { unit, faculty } = record.program;
  return unit === faculty ? [unit] : [unit, faculty];
}

/** The page's text; `broken` changes the one thing that makes ingest reject it. */
export function itemPageText(record: CorpusRecord, broken?: Breakage): string {
  const id = record.id;
  const abstract = paragraphLines(record).join(' ');
  const missingId = broken?.kind === 'missing-id';
  const lines = [
    '- Library Home /', '- Search Collections /', '- Open Collections /', '- Browse Collections /',
    `- ${record.collection} /`, `- ${crumb(record.title)}`,
    'Open Collections', record.collection, record.collection,
    `${record.title} ${record.creators.join('; ')}`,
    'Abstract',
    broken?.kind === 'invalid-utf8' ? insertMark(abstract) : abstract,
    'Item Metadata',
    ...field('Title', [record.title]),
    ...(record.alternativeTitle ? field('Alternate Title', [record.alternativeTitle]) : []),
    ...field('Creator', record.creatorsInTable ? record.creators : []),
    ...field('Supervisor', record.supervisors),
    ...field('Publisher', [PUBLISHER]),
    ...field('Date Issued', [broken?.kind === 'impossible-date' ? broken.value! : record.issued]),
    ...field('Description', paragraphLines(record)),
    ...field('Genre', ['Thesis/Dissertation']),
    ...field('Type', ['Text']),
    ...field('Language', broken?.kind === 'unknown-language' ? [broken.value!] : record.languages),
    ...field('Date Available', [record.available]),
    ...field('Provider', [PROVIDER]),
    ...field('Rights', [record.rights]),
    ...field('DOI', missingId ? [] : [`10.14288/${id}`]),
    ...field('URI', missingId || !record.handle ? [] : [record.handle]),
    ...field('Degree (Theses)', [`${record.degree.prefLabel} - ${record.degree.abbreviation}`]),
    ...field('Program (Theses)', [record.program.name]),
    ...field('Affiliation', affiliations(record)),
    ...field('Degree Grantor', [PUBLISHER]),
    ...field('Graduation Date', [record.graduation]),
    ...field('Campus', [record.campus]),
    ...field('Scholarly Level', [record.degree.level === 'bachelor' ? 'Undergraduate' : 'Graduate']),
    ...field('Rights URI', [record.rightsUri]),
    ...field('Aggregated Source Repository', ['DSpace']),
    ...field('Subject', record.subjects),
    'Item Media', 'Item Citations and Data', 'Rights', record.rights,
  ];
  if (broken?.kind === 'cut-off-table') {
    // The harvest stopped inside the field: its label and first value are there, its closing "|" is not.
    const at = lines.indexOf(`${broken.value} |`);
    const open = at >= 0 ? at : lines.indexOf('Provider |');
    return `${lines.slice(0, open + 2).join('\n')}\n`;
  }
  // Like the seed, the page ends without a final newline.
  return lines.join('\n');
}

// Puts the bad-byte mark between two words in the middle of a text.
function insertMark(text: string): string {
  const at = text.indexOf(' ', Math.floor(text.length / 2));
  return at < 0 ? `${text}${BAD_BYTE_MARK}` : `${text.slice(0, at)} ${BAD_BYTE_MARK}${text.slice(at)}`;
}

/** UTF-8 bytes of a text, with every BAD_BYTE_MARK turned into 0xFF (a byte no UTF-8 sequence contains). */
export function toBytes(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) bytes[i] = 0xff;
  return bytes;
}
