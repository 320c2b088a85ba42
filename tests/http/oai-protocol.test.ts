// The OAI-PMH request matrix: every verb and every error condition of the specification, over GET and over POST.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, children } from '../../src/core/xml-reader.ts';
import { testApp } from '../helpers/app.ts';
import { buildDataset, errorCode, listPage, oai, oaiApp, oaiDataset, type OaiDataset } from './oai-harness.ts';

const BUILD = '2026-03-01T10:20:30Z';
const REPO = 'library.example.org';
let ds: OaiDataset;
let app: FastifyInstance;
let ids: string[];

beforeAll(async () => {
  ds = await oaiDataset('protocol');
  await buildDataset(ds, BUILD);
  app = await oaiApp(ds, { oaiRepositoryId: REPO, oaiAdminEmail: 'oai@library.example.org', oaiPageSize: 5 });
  const all: string[] = [];
  let token: string | undefined;
  do {
    const { root } = await oai(app, token ? { verb: 'ListIdentifiers', resumptionToken: token } : { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
    const page = listPage(root, 'ListIdentifiers');
    all.push(...page.ids);
    token = page.token?.text || undefined;
  } while (token);
  ids = all;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const some = () => ids[0]!;

describe.each(['GET', 'POST'] as const)('verbs over %s', (method) => {
  it('Identify: granularity, earliestDatestamp, deletedRecord persistent, adminEmail, the oai-identifier description', async () => {
    const { status, type, root } = await oai(app, { verb: 'Identify' }, method);
    expect(status).toBe(200);
    expect(type).toBe('text/xml; charset=utf-8');
    const id = child(root, 'Identify')!;
    expect(child(id, 'baseURL')!.text).toBe('http://localhost:8080/oai');
    expect(child(id, 'protocolVersion')!.text).toBe('2.0');
    expect(child(id, 'granularity')!.text).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(child(id, 'earliestDatestamp')!.text).toBe(BUILD);
    expect(child(id, 'deletedRecord')!.text).toBe('persistent');
    expect(child(id, 'adminEmail')!.text).toBe('oai@library.example.org');
    const desc = child(child(id, 'description'), 'oai-identifier')!;
    expect(child(desc, 'repositoryIdentifier')!.text).toBe(REPO);
    expect(child(root, 'request')!.attrs).toEqual({ verb: 'Identify' });
  });

  it('ListMetadataFormats: oai_dc, etdms, marc21, rdf, for the repository and for one item', async () => {
    for (const args of [{}, { identifier: some() }] as Record<string, string>[]) {
      const { root } = await oai(app, { verb: 'ListMetadataFormats', ...args }, method);
      const prefixes = children(child(root, 'ListMetadataFormats'), 'metadataFormat').map((f) => child(f, 'metadataPrefix')!.text);
      expect(prefixes).toEqual(['oai_dc', 'etdms', 'marc21', 'rdf']);
    }
  });

  it('ListSets: by collection and by year of issue, with their parents', async () => {
    const { root } = await oai(app, { verb: 'ListSets' }, method);
    const specs = children(child(root, 'ListSets'), 'set').map((s) => child(s, 'setSpec')!.text);
    expect(specs).toContain('collection');
    expect(specs).toContain('year');
    expect(specs.some((s) => /^collection:[a-z0-9-]+$/.test(s))).toBe(true);
    expect(specs.some((s) => /^year:\d{4}$/.test(s))).toBe(true);
  });

  it('ListIdentifiers and ListRecords: every record once, oai:{repository}:{itemId}, paged by resumptionToken', async () => {
    expect(ids).toHaveLength(14);
    expect(new Set(ids).size).toBe(14);
    for (const id of ids) expect(id).toMatch(new RegExp(`^oai:${REPO.replace(/\./g, '\\.')}:1\\.\\d{7}$`));
    const { root } = await oai(app, { verb: 'ListRecords', metadataPrefix: 'oai_dc' }, method);
    const page = listPage(root, 'ListRecords');
    expect(page.ids).toEqual(ids.slice(0, 5));
    expect(page.token!.attrs).toMatchObject({ completeListSize: '14', cursor: '0' });
    expect(page.token!.attrs.expirationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('GetRecord: the header and the metadata of one record', async () => {
    const { root } = await oai(app, { verb: 'GetRecord', identifier: some(), metadataPrefix: 'oai_dc' }, method);
    const record = child(child(root, 'GetRecord'), 'record')!;
    expect(child(child(record, 'header'), 'identifier')!.text).toBe(some());
    expect(child(child(record, 'header'), 'datestamp')!.text).toBe(BUILD);
    expect(child(child(record, 'metadata'), 'dc')).toBeDefined();
  });
});

const DAY = BUILD.slice(0, 10);
const ERRORS: [string, Record<string, string | string[]>, string][] = [
  ['no verb', {}, 'badVerb'],
  ['an unknown verb', { verb: 'ListEverything' }, 'badVerb'],
  ['a repeated verb', { verb: ['Identify', 'Identify'] }, 'badVerb'],
  ['an illegal argument', { verb: 'Identify', metadataPrefix: 'oai_dc' }, 'badArgument'],
  ['an unknown argument', { verb: 'ListSets', colour: 'red' }, 'badArgument'],
  ['a missing metadataPrefix', { verb: 'ListRecords' }, 'badArgument'],
  ['a missing identifier', { verb: 'GetRecord', metadataPrefix: 'oai_dc' }, 'badArgument'],
  ['a repeated argument', { verb: 'ListRecords', metadataPrefix: ['oai_dc', 'oai_dc'] }, 'badArgument'],
  ['an empty argument', { verb: 'ListRecords', metadataPrefix: '' }, 'badArgument'],
  ['a month 13', { verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-13-01' }, 'badArgument'],
  ['30 February', { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', until: '2026-02-30' }, 'badArgument'],
  ['a date with a time zone', { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: '2026-03-01T10:20:30+01:00' }, 'badArgument'],
  ['mixed granularities', { verb: 'ListRecords', metadataPrefix: 'oai_dc', from: DAY, until: BUILD }, 'badArgument'],
  ['from later than until', { verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-03-02', until: '2026-03-01' }, 'badArgument'],
  ['resumptionToken with other arguments', { verb: 'ListRecords', metadataPrefix: 'oai_dc', resumptionToken: 'x.y' }, 'badArgument'],
  ['a set that is no setSpec', { verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'year 2016' }, 'badArgument'],
  ['a metadataPrefix that is none', { verb: 'ListRecords', metadataPrefix: 'oai dc' }, 'badArgument'],
  ['an unknown metadataPrefix in a list', { verb: 'ListRecords', metadataPrefix: 'mods' }, 'cannotDisseminateFormat'],
  ['an unknown metadataPrefix in GetRecord', { verb: 'GetRecord', identifier: `oai:${REPO}:1.0000000`, metadataPrefix: 'mods' }, 'cannotDisseminateFormat'],
  ['an identifier of another repository', { verb: 'GetRecord', identifier: 'oai:elsewhere.org:1.0449833', metadataPrefix: 'oai_dc' }, 'idDoesNotExist'],
  ['an item we do not have', { verb: 'GetRecord', identifier: `oai:${REPO}:9.9999999`, metadataPrefix: 'oai_dc' }, 'idDoesNotExist'],
  ['ListMetadataFormats of an unknown item', { verb: 'ListMetadataFormats', identifier: `oai:${REPO}:9.9999999` }, 'idDoesNotExist'],
  ['records after the last build', { verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-03-01T10:20:31Z' }, 'noRecordsMatch'],
  ['records before the first', { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', until: '2026-02-28' }, 'noRecordsMatch'],
  ['a set that does not exist', { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'year:1000' }, 'noRecordsMatch'],
  ['a made-up resumptionToken', { verb: 'ListRecords', resumptionToken: 'bm90IG91cnM' }, 'badResumptionToken'],
  ['a made-up ListSets resumptionToken', { verb: 'ListSets', resumptionToken: 'e30.AAAA' }, 'badResumptionToken'],
];

describe.each(['GET', 'POST'] as const)('errors over %s', (method) => {
  it.each(ERRORS)('%s answers %s', async (_what, params, code) => {
    const { status, type, root } = await oai(app, params, method);
    expect(status).toBe(200);
    expect(type).toBe('text/xml; charset=utf-8');
    expect(errorCode(root)).toBe(code);
    expect(child(root, 'error')!.text.length).toBeGreaterThan(10);
    // badVerb and badArgument echo no arguments (the request is not a valid one); the others echo the request.
    const echoed = child(root, 'request')!.attrs;
    if (code === 'badVerb' || code === 'badArgument') expect(echoed).toEqual({});
    else expect(echoed.verb).toBe(params.verb);
  });
});

describe('resumptionToken', () => {
  it('each page carries cursor and completeListSize; the last page of a resumed list has an empty token', async () => {
    let args: Record<string, string | string[]> = { verb: 'ListRecords', metadataPrefix: 'etdms' };
    const cursors: string[] = [];
    for (;;) {
      const { root } = await oai(app, args);
      const token = listPage(root, 'ListRecords').token!;
      expect(token.attrs.completeListSize).toBe('14');
      cursors.push(token.attrs.cursor!);
      if (!token.text) {
        expect(token.attrs.expirationDate).toBeUndefined();
        break;
      }
      args = { verb: 'ListRecords', resumptionToken: token.text };
    }
    expect(cursors).toEqual(['0', '5', '10']);
  });

  it('a list that fits one page has none', async () => {
    const { root } = await oai(app, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'year', until: '2026-03-01T10:20:30Z', from: '2026-03-01T10:20:30Z' });
    expect(listPage(root, 'ListIdentifiers').token).toBeDefined();
    const small = await oaiApp(ds, { oaiPageSize: 100 });
    try {
      const page = listPage((await oai(small, { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' })).root, 'ListIdentifiers');
      expect(page.ids).toHaveLength(14);
      expect(page.token).toBeUndefined();
    } finally {
      await small.close();
    }
  });

  it('an empty repository (a DIST_DIR without an OAI index) has no sets and no records', async () => {
    const empty = await testApp();
    try {
      expect(errorCode((await oai(empty, { verb: 'ListSets' })).root)).toBe('noSetHierarchy');
      expect(errorCode((await oai(empty, { verb: 'ListRecords', metadataPrefix: 'oai_dc' })).root)).toBe('noRecordsMatch');
      expect(child(child((await oai(empty, { verb: 'Identify' })).root, 'Identify'), 'earliestDatestamp')!.text).toBe('1970-01-01T00:00:00Z');
    } finally {
      await empty.close();
    }
  });
});

describe('arguments XML 1.0 cannot carry', () => {
  it.each(['GET', 'POST'] as const)('control characters in the request never make the response ill-formed (%s)', async (method) => {
    const cases: Record<string, string>[] = [
      { verb: 'GetRecord', identifier: 'oai:x:\u0001\u001f', metadataPrefix: 'oai_dc' },
      { verb: 'List\u0002Records' },
      { verb: 'Identify', '\u0003': 'x' },
      { verb: 'ListRecords', metadataPrefix: '\u0004' },
    ];
    for (const params of cases) {
      const { body, root } = await oai(app, params, method);
      expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(errorCode(root)).toMatch(/^(idDoesNotExist|badVerb|badArgument|cannotDisseminateFormat)$/);
    }
  });
});

describe('from, until and sets', () => {
  const count = async (params: Record<string, string>) => {
    let n = 0;
    let args: Record<string, string> = { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', ...params };
    for (;;) {
      const { root } = await oai(app, args);
      if (errorCode(root) === 'noRecordsMatch') return n;
      const page = listPage(root, 'ListIdentifiers');
      n += page.ids.length;
      if (!page.token?.text) return n;
      args = { verb: 'ListIdentifiers', resumptionToken: page.token.text };
    }
  };

  it('are inclusive at seconds and at day granularity', async () => {
    expect(await count({ from: BUILD, until: BUILD })).toBe(14);
    expect(await count({ from: DAY, until: DAY })).toBe(14);
    expect(await count({ until: '2026-03-01T10:20:29Z' })).toBe(0);
  });

  it('a set narrows every list verb to its members, a parent set to all of its children', async () => {
    const specs: string[] = [];
    let args: Record<string, string> = { verb: 'ListSets' };
    for (;;) {
      const { root } = await oai(app, args);
      specs.push(...children(child(root, 'ListSets'), 'set').map((s) => child(s, 'setSpec')!.text));
      const token = child(child(root, 'ListSets'), 'resumptionToken')?.text;
      if (!token) break;
      args = { verb: 'ListSets', resumptionToken: token };
    }
    expect(new Set(specs).size).toBe(specs.length);
    const years = specs.filter((s) => s.startsWith('year:'));
    let total = 0;
    for (const set of years) {
      const { root: list } = await oai(app, { verb: 'ListRecords', metadataPrefix: 'oai_dc', set });
      const headers = children(child(list, 'ListRecords'), 'record').map((r) => child(r, 'header')!);
      for (const h of headers) expect(children(h, 'setSpec').map((s) => s.text)).toContain(set);
      const n = await count({ set });
      expect(n).toBeGreaterThan(0);
      total += n;
    }
    // Every record has one year of issue: the year sets partition the collection, and their parent holds all of it.
    expect(total).toBe(14);
    expect(await count({ set: 'year' })).toBe(14);
  });
});
