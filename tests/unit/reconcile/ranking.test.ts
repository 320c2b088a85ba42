// Reconciliation ranking over the real authority file and records: exact title, alias, other script, misspelled name, type and property filters, a 1,000-query batch.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuthority } from '../../../pipeline/authority.ts';
import { writeCorpus } from '../../../pipeline/corpus/write-corpus.ts';
import { createReconcileIndexWriter } from '../../../pipeline/publish/reconcile-index.ts';
import { Iris } from '../../../src/core/iri.ts';
import { Candidates, personNameMatch, type CandidateQuery } from '../../../src/server/reconcile/candidates.ts';
import { oneEditApart, words } from '../../../src/server/reconcile/name-index.ts';
import { record } from '../../http/site-dist.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const v = <T>(value: T) => ({ value });
const iris = new Iris('http://localhost:8080/');

let candidates: Candidates;

beforeAll(async () => {
  const authority = await loadAuthority(path.join(ROOT, 'data'), iris);
  const writer = createReconcileIndexWriter(authority);
  writer.add(record({
    id: '1.0449833', title: v('Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)'),
    creators: [v('Li, Yi')], dateIssued: v({ value: '2025', datatype: 'gYear' as const }), doi: v('10.14288/1.0449833'),
  }));
  // Two theses of one title, told apart only by creator and year.
  writer.add(record({ id: '1.0000010', title: v('Soil carbon under Douglas-fir'), creators: [v('Chen, Wei')], dateIssued: v({ value: '2022', datatype: 'gYear' as const }) }));
  writer.add(record({ id: '1.0000011', title: v('Soil carbon under Douglas-fir'), creators: [v('Okafor, Ngozi')], dateIssued: v({ value: '2019', datatype: 'gYear' as const }) }));
  writer.add(record({ id: '1.0000012', title: v('Le Québec et l’Ouest : échanges & réseaux, 1880–1930'), creators: [v('Gagnon, Élise')], dateIssued: v({ value: '2023', datatype: 'gYear' as const }) }));
  candidates = new Candidates(writer.entries());
});

const query = (text: string | undefined, extra: Partial<CandidateQuery> = {}): CandidateQuery => ({ text, types: [], properties: [], limit: 5, ...extra });
const top = (q: CandidateQuery) => candidates.reconcile(q)[0];

describe('text folding for matching', () => {
  it('folds accents, case, punctuation and apostrophes with the shared foldText', () => {
    expect(words('Le Québec et l’Ouest : échanges & réseaux')).toEqual(['le', 'quebec', 'et', 'louest', 'echanges', 'reseaux']);
    expect(words('China’s First')).toEqual(words("CHINA'S first"));
    expect(words('ЗИЛ')).toEqual(['зил']);
  });
  it('one edit: insert, delete, substitute, swap; not two', () => {
    for (const [a, b] of [['likhachev', 'likachev'], ['columbia', 'colombia'], ['toyota', 'toyta'], ['volkswagen', 'volkswagne']]) expect(oneEditApart(a!, b!)).toBe(true);
    expect(oneEditApart('likhachev', 'lkachev')).toBe(false);
  });
  it('personal names compare in either order', () => {
    expect(personNameMatch('Yi Li', 'Li, Yi')).toBe(1);
    expect(personNameMatch('Gagnon, Elise', 'Gagnon, Élise')).toBe(1);
    expect(personNameMatch('Chen, Wei', 'Okafor, Ngozi')).toBe(0);
  });
});

describe('ranking', () => {
  it.each([
    // [case, query, expected id, certain]
    ['exact title', 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)', 'thesis/1.0449833', true],
    ['main title only', 'Beyond the split', 'thesis/1.0449833', true],
    ['title without accents or punctuation', 'le quebec et louest echanges et reseaux 1880 1930', 'thesis/1.0000012', false],
    ['preferred label', 'China’s First Automobile Works', 'organization/faw', true],
    ['alias', 'Yiqi', 'organization/faw', true],
    ['alias, other case', 'china faw group', 'organization/faw', true],
    ['other script (Chinese)', '一汽', 'organization/faw', true],
    ['other script (Russian)', 'ЗИЛ', 'organization/zil', true],
    ['other script with a letter ё written е', 'Завод имени Лихачева', 'organization/zil', true],
    ['misspelled name', 'Likachev Plant', 'organization/zil', false],
    ['misspelled name', 'Univeristy of British Columbia', 'organization/ubc', false],
  ])('%s: %s → %s', (_case, text, id, certain) => {
    const t = top(query(text));
    expect(t?.entry.id).toBe(id);
    expect(t?.match).toBe(certain);
  });

  it('a type filter keeps only that type (and "organisation" is organization)', () => {
    const all = candidates.reconcile(query('Yiqi', { limit: 10 }));
    expect(all.map((c) => c.entry.type)).toContain('thesis');
    const orgs = candidates.reconcile(query('Yiqi', { types: ['organization'], limit: 10 }));
    expect(orgs.map((c) => c.entry.type)).toEqual(orgs.map(() => 'organization'));
    const theses = candidates.reconcile(query('Yiqi', { types: ['thesis'] }));
    expect(theses[0]?.entry.id).toBe('thesis/1.0449833');
    expect(theses.every((c) => c.entry.type === 'thesis')).toBe(true);
  });

  it('property filters: a title two theses share is told apart by creator and year, and only then certain', () => {
    const both = candidates.reconcile(query('Soil carbon under Douglas-fir'));
    expect(both.slice(0, 2).map((c) => c.entry.id).sort()).toEqual(['thesis/1.0000010', 'thesis/1.0000011']);
    expect(both[0]!.match).toBe(false);
    const byOkafor = candidates.reconcile(query('Soil carbon under Douglas-fir', { properties: [{ pid: 'creator', values: ['Ngozi Okafor'] }, { pid: 'year', values: ['2019'] }] }));
    expect(byOkafor[0]!.entry.id).toBe('thesis/1.0000011');
    expect(byOkafor[0]!.match).toBe(true);
    const by2022 = candidates.reconcile(query('Soil carbon under Douglas-fir', { properties: [{ pid: 'year', values: [2022] }] }));
    expect(by2022[0]!.entry.id).toBe('thesis/1.0000010');
    const byId = candidates.reconcile(query('Beyond the split', { properties: [{ pid: 'creator', values: [{ id: 'person/li-yi' }] }] }));
    expect(byId[0]!.propertyScore).toBe(1);
  });

  it('properties alone: a DOI in any form finds its thesis for certain; a creator finds their theses', () => {
    const t = top(query(undefined, { properties: [{ pid: 'doi', values: ['HTTPS://DOI.ORG/10.14288/1.0449833'] }] }));
    expect(t?.entry.id).toBe('thesis/1.0449833');
    expect(t?.match).toBe(true);
    expect(top(query(undefined, { properties: [{ pid: 'creator', values: ['Okafor, Ngozi'] }] }))?.entry.id).toBe('thesis/1.0000011');
  });

  it('nothing like the query: no candidates', () => {
    expect(candidates.reconcile(query('zzzzqqqq xxyyzz'))).toEqual([]);
  });
});

describe('a 1,000-query batch against a generated collection', () => {
  it('finds the entity each query names, with a typo in every third, in the first place for nearly all', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-reconcile-'));
    writeCorpus({ records: 1, seed: 5, out: dir, entities: 3000 });
    const authority = await loadAuthority(dir, iris);
    const big = new Candidates(createReconcileIndexWriter(authority).entries());
    const pool = [...authority.entities.values()].filter((e) => words(e.prefLabel.value).some((w) => w.length >= 5));
    expect(pool.length).toBeGreaterThan(1000);
    let first = 0;
    let inFive = 0;
    for (let i = 0; i < 1000; i++) {
      const e = pool[(i * 7919) % pool.length]!;
      let text = e.prefLabel.value.toUpperCase();
      // Every third query drops one letter from its longest word.
      if (i % 3 === 0) {
        const long = words(text).sort((a, b) => b.length - a.length)[0]!;
        const at = text.toLowerCase().indexOf(long);
        if (at >= 0) text = text.slice(0, at + 2) + text.slice(at + 3);
      }
      const result = big.reconcile({ text, types: [e.kind], properties: [], limit: 5 });
      // Namesakes (two entities of one label) tie: either counts as found.
      const same = (id: string) => id === `${e.kind}/${e.id}` || big.get(id)?.name === e.prefLabel.value;
      if (result[0] && same(result[0].entry.id)) first++;
      if (result.some((r) => same(r.entry.id))) inFive++;
    }
    expect(first).toBeGreaterThanOrEqual(950);
    expect(inFive).toBeGreaterThanOrEqual(990);
  });
});
