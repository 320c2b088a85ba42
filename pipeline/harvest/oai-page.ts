// One OAI-PMH ListRecords response read with the safe XML reader: its records (header and source text), its resumption token, its error.
import { ERR_HARVEST } from '../../src/core/errors.ts';
import { child, children, readXml, type XmlElement } from '../../src/core/xml-reader.ts';

/** A record of a page: its header, and its XML exactly as the repository sent it. */
export interface PageRecord {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
  /** The `<record>…</record>` text, byte for byte. */
  xml: string;
}

/** What a ListRecords page says. */
export interface OaiPage {
  responseDate?: string;
  records: PageRecord[];
  /** The token of the next page; undefined on the last one (the token element is absent or empty). */
  token?: string;
  completeListSize?: number;
  cursor?: number;
  /** The namespace declarations in scope of the records (on OAI-PMH and ListRecords), for files of one record. */
  namespaces: string[];
  /** An OAI-PMH error other than noRecordsMatch (which is an empty page). */
  error?: { code: string; message: string };
}

// The start tag of an element, for its namespace declarations (the reader drops xmlns attributes).
function startTag(text: string, el: XmlElement): string {
  return /^<[^>]*>/.exec(text.slice(el.start))?.[0] ?? '';
}

function declarations(tag: string): string[] {
  return [...tag.matchAll(/\sxmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')/g)].map((m) => m[0].trim());
}

function optionalInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Parses a ListRecords response; throws TL_ERR_HARVEST when it is not a readable OAI-PMH response. */
export function parseListRecords(text: string, url: string): OaiPage {
  let top: XmlElement[];
  try {
    top = readXml(text);
  } catch (err) {
    throw ERR_HARVEST(`${url} did not answer readable XML: ${(err as Error).message}`, {}, err);
  }
  const root = top.find((e) => e.name === 'OAI-PMH');
  if (!root) throw ERR_HARVEST(`${url} did not answer an OAI-PMH response (no OAI-PMH root element)`);
  const responseDate = child(root, 'responseDate')?.text.trim();
  const error = child(root, 'error');
  const namespaces = declarations(startTag(text, root));
  if (error) {
    const code = error.attrs.code ?? '(no code)';
    if (code === 'noRecordsMatch') return { responseDate, records: [], namespaces };
    return { responseDate, records: [], namespaces, error: { code, message: error.text.trim() } };
  }
  const list = child(root, 'ListRecords');
  if (!list) throw ERR_HARVEST(`${url} answered neither ListRecords nor an error`);
  for (const d of declarations(startTag(text, list))) if (!namespaces.includes(d)) namespaces.push(d);
  const records = children(list, 'record').map((rec): PageRecord => {
    const header = child(rec, 'header');
    const identifier = child(header, 'identifier')?.text.trim() ?? '';
    if (!identifier) throw ERR_HARVEST(`${url}: a record has no header identifier`);
    return {
      identifier,
      datestamp: child(header, 'datestamp')?.text.trim() ?? '',
      deleted: header?.attrs.status === 'deleted',
      sets: children(header, 'setSpec').map((s) => s.text.trim()),
      xml: text.slice(rec.start, rec.end),
    };
  });
  const tokenEl = child(list, 'resumptionToken');
  const token = tokenEl?.text.trim() || undefined;
  return {
    responseDate, records, namespaces, token,
    completeListSize: optionalInt(tokenEl?.attrs.completeListSize),
    cursor: optionalInt(tokenEl?.attrs.cursor),
  };
}
