// Harvested records on disk: one OAI-PMH file per record under DATA_DIR/records/{host}/, named safely from its identifier.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import type { PageRecord } from './oai-page.ts';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const MAX_NAME = 120;
// Where the record's own text goes: a plain word, since the builder would escape the record's markup.
const PLACEHOLDER = 'thesis-lod-record-placeholder';

/** A file name for an OAI identifier: its safe characters kept, anything else `_`, plus a hash whenever that changed it (no two identifiers share a file). */
export function recordFileName(identifier: string): string {
  const safe = identifier.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[.-]+/, '_');
  const hash = createHash('sha256').update(identifier).digest('hex').slice(0, 12);
  const changed = safe !== identifier || safe.length > MAX_NAME;
  return `${changed ? `${safe.slice(0, MAX_NAME)}~${hash}` : safe}.xml`;
}

/** The folder of a repository's records: DATA_DIR/records/{host of the base URL}. */
export function recordsDir(dataDir: string, baseUrl: string): string {
  const host = new URL(baseUrl).host.replace(/[^A-Za-z0-9.-]/g, '_');
  return path.join(dataDir, 'records', host);
}

/**
 * The OAI-PMH GetRecord response one record would have had: the record's own XML, byte for byte, inside an envelope
 * carrying the namespace declarations the list page had in scope. The ingest readers read it as any OAI-PMH file.
 */
export function recordDocument(record: PageRecord, baseUrl: string, format: string, responseDate: string, namespaces: readonly string[]): string {
  const envelope = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(OAI_NS, 'OAI-PMH')
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`);
  envelope.ele('responseDate').txt(responseDate);
  envelope.ele('request', { verb: 'GetRecord', identifier: record.identifier, metadataPrefix: format }).txt(baseUrl);
  envelope.ele('GetRecord').txt(PLACEHOLDER);
  const text = envelope.end({ prettyPrint: true });
  // Declarations the page had on its root or ListRecords, which the record's prefixes may rely on.
  const extra = namespaces.filter((d) => !/^xmlns(:xsi)?\s*=/.test(d) && !text.includes(d));
  const withNs = extra.length ? text.replace('<OAI-PMH ', `<OAI-PMH ${extra.join(' ')} `) : text;
  return `${withNs.replace(PLACEHOLDER, () => `\n${record.xml}\n`)}\n`;
}

/** Writes a file through a temporary one beside it, unless it already holds exactly this text; true when written. */
export async function writeRecordFile(file: string, text: string): Promise<boolean> {
  const old = await readFile(file, 'utf8').catch(() => undefined);
  if (old === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  // A dot-file: ingest skips it, should a crash leave it behind.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, text);
  await rename(temp, file);
  return true;
}
