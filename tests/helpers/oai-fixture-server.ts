// Test helper: a small OAI-PMH repository (fastify on a free port) serving canned ListRecords pages, with faults on request.
import Fastify, { type FastifyInstance } from 'fastify';
import { create } from 'xmlbuilder2';

/** One record the fixture repository holds. */
export interface FixtureRecord {
  /** Item id (1.0000001): the OAI identifier is oai:open.library.ubc.ca:{id}, the DOI 10.14288/{id}. */
  id: string;
  datestamp: string;
  title?: string;
  deleted?: boolean;
  sets?: string[];
  /** Metadata as ETD-MS (etdms:thesis) instead of oai_dc. */
  etdms?: { degreeName: string; level: string; discipline: string; grantor: string };
}

/** A request the repository answered (or refused). */
export interface SeenRequest {
  query: Record<string, string>;
  userAgent?: string;
  at: number;
  status: number;
}

/** A fault: given the page about to be served (1-based) and how often it was asked, the status (and Retry-After) to answer instead. */
export type Fault = (page: number, attempt: number) => { status: number; retryAfter?: string } | undefined;

export interface OaiFixture {
  url: string;
  requests: SeenRequest[];
  records: FixtureRecord[];
  fault?: Fault;
  /** Every token issued so far is refused from now on with badResumptionToken (they expired). */
  expireTokens(): void;
  close(): Promise<void>;
}

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';

function envelope(query: Record<string, string>, url: string) {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(OAI_NS, 'OAI-PMH')
    .att('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance')
    .att('xmlns:oai_dc', 'http://www.openarchives.org/OAI/2.0/oai_dc/')
    .att('xmlns:dc', 'http://purl.org/dc/elements/1.1/');
  root.ele('responseDate').txt('2025-09-01T12:00:00Z');
  root.ele('request', query).txt(url);
  return root;
}

function addRecord(list: ReturnType<typeof envelope>, r: FixtureRecord, prefix: string): void {
  const rec = list.ele('record');
  const header = rec.ele('header', r.deleted ? { status: 'deleted' } : {});
  header.ele('identifier').txt(`oai:open.library.ubc.ca:${r.id}`);
  header.ele('datestamp').txt(r.datestamp);
  for (const s of r.sets ?? []) header.ele('setSpec').txt(s);
  if (r.deleted) return;
  const title = r.title ?? `Harvested thesis ${r.id}`;
  if (prefix === 'etdms') {
    const t = rec.ele('metadata').ele('http://www.ndltd.org/standards/metadata/etdms/1.1/', 'thesis');
    t.ele('title').txt(title);
    t.ele('creator').txt('Harvest, Tess');
    t.ele('subject').txt('Glaciers');
    t.ele('date').txt('2024');
    t.ele('type').txt('Electronic Thesis or Dissertation');
    t.ele('identifier').txt(`https://doi.org/10.14288/${r.id}`);
    t.ele('language').txt('eng');
    t.ele('rights').txt('http://creativecommons.org/licenses/by-nc-nd/4.0/');
    if (r.etdms) {
      const d = t.ele('degree');
      d.ele('name').txt(r.etdms.degreeName);
      d.ele('level').txt(r.etdms.level);
      d.ele('discipline').txt(r.etdms.discipline);
      d.ele('grantor').txt(r.etdms.grantor);
    }
    return;
  }
  const dc = rec.ele('metadata').ele('http://www.openarchives.org/OAI/2.0/oai_dc/', 'oai_dc:dc');
  dc.ele('http://purl.org/dc/elements/1.1/', 'dc:title').txt(title);
  dc.ele('http://purl.org/dc/elements/1.1/', 'dc:creator').txt('Harvest, Tess');
  dc.ele('http://purl.org/dc/elements/1.1/', 'dc:date').txt('2024');
  dc.ele('http://purl.org/dc/elements/1.1/', 'dc:identifier').txt(`https://doi.org/10.14288/${r.id}`);
  dc.ele('http://purl.org/dc/elements/1.1/', 'dc:language').txt('eng');
  dc.ele('http://purl.org/dc/elements/1.1/', 'dc:rights').txt('http://creativecommons.org/licenses/by-nc-nd/4.0/');
}

/** Starts the repository on 127.0.0.1 (a free port); `pageSize` records a page; tokens are `{offset}|{from}|{set}|{prefix}|{issued}`. */
export async function startOaiFixture(records: FixtureRecord[], pageSize = 2): Promise<OaiFixture> {
  const app: FastifyInstance = Fastify();
  const asked = new Map<number, number>();
  let issued = 0;
  let validFrom = 0;
  const fixture: OaiFixture = { url: '', requests: [], records, expireTokens: () => { validFrom = issued + 1; }, close: () => app.close() };
  app.get('/oai', async (request, reply) => {
    const query = { ...(request.query as Record<string, string>) };
    const seen: SeenRequest = { query, userAgent: request.headers['user-agent'], at: Date.now(), status: 200 };
    fixture.requests.push(seen);
    const send = (status: number, xml: string) => { seen.status = status; return reply.code(status).type('text/xml; charset=utf-8').send(xml); };
    let offset = 0;
    let { from, set, metadataPrefix: prefix } = query;
    if (query.resumptionToken) {
      const [o, f, s, p, when] = query.resumptionToken.split('|');
      if (Number(when) < validFrom) {
        const root = envelope(query, fixture.url);
        root.ele('error', { code: 'badResumptionToken' }).txt('The token has expired');
        return send(200, root.end({ prettyPrint: true }));
      }
      offset = Number(o);
      from = f || undefined!;
      set = s || undefined!;
      prefix = p!;
    }
    const page = Math.floor(offset / pageSize) + 1;
    const attempt = (asked.get(page) ?? 0) + 1;
    asked.set(page, attempt);
    const fault = fixture.fault?.(page, attempt);
    if (fault) {
      if (fault.retryAfter) reply.header('retry-after', fault.retryAfter);
      return send(fault.status, 'unavailable');
    }
    const matching = fixture.records
      .filter((r) => (!from || r.datestamp >= from) && (!set || (r.sets ?? []).includes(set)))
      .sort((a, b) => (a.datestamp < b.datestamp ? -1 : a.datestamp > b.datestamp ? 1 : a.id < b.id ? -1 : 1));
    const root = envelope(query, fixture.url);
    if (matching.length === 0) {
      root.ele('error', { code: 'noRecordsMatch' }).txt('No records match');
      return send(200, root.end({ prettyPrint: true }));
    }
    const list = root.ele('ListRecords');
    for (const r of matching.slice(offset, offset + pageSize)) addRecord(list, r, prefix ?? 'oai_dc');
    const next = offset + pageSize;
    const token = next < matching.length ? [next, from ?? '', set ?? '', prefix, ++issued].join('|') : '';
    if (offset > 0 || token) list.ele('resumptionToken', { completeListSize: String(matching.length), cursor: String(offset) }).txt(token);
    return send(200, root.end({ prettyPrint: true }));
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  fixture.url = `${address}/oai`;
  return fixture;
}
