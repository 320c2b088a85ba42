// The OAI-PMH envelope (responseDate, request, then the verb's element or an error) built with xmlbuilder2.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { OaiIndexRow } from '../../core/oai-index-format.ts';
import { XSI_NS } from './format-oai-dc.ts';
import { xmlSafe } from './xml-text.ts';

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';

/** UTC now at seconds granularity (responseDate). */
export function utcSeconds(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Starts a response: `<OAI-PMH>` with responseDate and request. `echo` holds the verb and arguments to repeat as the
 * request's attributes; badVerb and badArgument responses repeat none (section 3.2), so they pass undefined.
 */
export function envelope(baseUrl: string, echo: Record<string, string> | undefined, now: Date): { doc: XMLBuilder; root: XMLBuilder } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(OAI_NS, 'OAI-PMH')
    .att('xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`);
  root.ele(OAI_NS, 'responseDate').txt(utcSeconds(now));
  const request = root.ele(OAI_NS, 'request');
  for (const [name, value] of Object.entries(echo ?? {})) request.att(name, xmlSafe(value));
  request.txt(baseUrl);
  return { doc, root };
}

/** An error response: `<error code="…">message</error>`. */
export function errorResponse(baseUrl: string, echo: Record<string, string> | undefined, code: string, message: string, now: Date): string {
  const { doc, root } = envelope(baseUrl, echo, now);
  root.ele(OAI_NS, 'error', { code }).txt(xmlSafe(message));
  return doc.end({ prettyPrint: false });
}

/** A record's header: identifier, datestamp, its sets (the leaves and their parents), `status="deleted"` when withdrawn. */
export function writeHeader(parent: XMLBuilder, row: OaiIndexRow, identifier: string): void {
  const header = parent.ele(OAI_NS, 'header', row.deleted ? { status: 'deleted' } : {});
  header.ele(OAI_NS, 'identifier').txt(identifier);
  header.ele(OAI_NS, 'datestamp').txt(row.datestamp);
  const specs = new Set<string>();
  for (const s of row.sets) {
    specs.add(s.split(':')[0]!);
    specs.add(s);
  }
  for (const s of specs) header.ele(OAI_NS, 'setSpec').txt(s);
}

/** The resumptionToken element: a token with its expiry, or empty on the last page of a resumed list. */
export function writeToken(parent: XMLBuilder, attrs: { completeListSize: number; cursor: number }, token?: { token: string; expires: Date }): void {
  const el = parent.ele(OAI_NS, 'resumptionToken', {
    ...(token ? { expirationDate: utcSeconds(token.expires) } : {}),
    completeListSize: String(attrs.completeListSize),
    cursor: String(attrs.cursor),
  });
  if (token) el.txt(token.token);
}
