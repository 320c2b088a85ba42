// The build-time search index: compact records, facets and browse lists from the authority, a MiniSearch that loads back.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Quad } from 'n3';
import { Iris } from '../../../src/core/iri.ts';
import { createSearchIndexWriter, loadSearchIndex, SEARCH_INDEX_FILE, type SearchIndexFile } from '../../../pipeline/publish/search-index.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { TextIndex, TextIndexBuilder, words } from '../../../src/core/text-index.ts';
import { PostingsBuilder } from '../../../pipeline/publish/text-postings.ts';
import { MINI_BASE, MINI_RECORDS, miniAuthority, miniQuadsByRecord } from '../../http/site-dist.ts';

let quads: Map<string, Quad[]>;
let authority: Authority;
const iris = new Iris(MINI_BASE);

beforeAll(async () => {
  [quads, authority] = await Promise.all([miniQuadsByRecord(), miniAuthority()]);
});

function build(withAuthority = true): SearchIndexFile {
  const writer = createSearchIndexWriter(iris, withAuthority ? authority : undefined);
  for (const r of MINI_RECORDS) writer.add(r, quads.get(r.id) ?? []);
  return writer.toJSON();
}

describe('createSearchIndexWriter', () => {
  it('keeps per record only ids, labels and short fields', () => {
    const [seed] = build().records;
    expect(seed).toEqual({
      id: '1.0449833',
      title: MINI_RECORDS[0]!.title!.value,
      year: '2025',
      degree: 'Master of Arts - MA',
      program: 'History',
      creators: ['Li, Yi', 'Doe, Jane'],
      subjects: ['concept/sino-soviet-relations'],
      entities: ['organization/faw', 'place/changchun'],
      snippet: MINI_RECORDS[0]!.abstract!.value,
    });
  });

  it('lists every authority entity for browsing, with the theses linked to it in any role', () => {
    const { entities } = build();
    expect(entities['place/changchun']).toEqual({ kind: 'place', id: 'changchun', label: 'Changchun', theses: 2 });
    expect(entities['organization/ubc']).toEqual({ kind: 'organization', id: 'ubc', label: 'University of British Columbia', theses: 1 }); // publisher, grantor
    expect(entities['person/li-yi']!.theses).toBe(1); // creator
    // Record-scoped people come from the record's own graph, labelled by their name there.
    expect(entities['person/1.0449833-supervisor-1']).toEqual({ kind: 'person', id: '1.0449833-supervisor-1', label: 'Smith, Ann', theses: 1 });
    expect(Object.keys(entities)).toEqual([...Object.keys(entities)].sort());
  });

  it('without the authority still lists what the records link, labelled by id when the record gives no name', () => {
    const { entities } = build(false);
    expect(entities['place/changchun']).toEqual({ kind: 'place', id: 'changchun', label: 'changchun', theses: 2 });
  });

  it('loads back into an index that finds titles, names, abstracts and entity labels in any script', () => {
    const text = loadSearchIndex(build());
    const ids = (q: string) => text.search(q).map((h) => MINI_RECORDS[h.doc]!.id).sort();
    expect(ids('legacy split')).toEqual(['1.0449833']);
    expect(ids('Doe')).toEqual(['1.0449833']);
    expect(ids('engineers')).toEqual(['1.0449833']);
    expect(ids('FAW')).toEqual(['1.0449833']);
    expect(ids('长春')).toEqual(['1.0000001', '1.0449833']);
    // Typographic apostrophes fold into the word, whichever apostrophe the visitor types.
    expect(ids('chinas')).toEqual(['1.0449833']);
    expect(ids("China's")).toEqual(['1.0449833']);
    expect(ids('China’s First')).toEqual(['1.0449833']);
  });

  it('writes the same bytes for the same input, and a server refuses another version', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'search-index-'));
    const writer = createSearchIndexWriter(iris, authority);
    for (const r of MINI_RECORDS) writer.add(r, quads.get(r.id) ?? []);
    const file = await writer.write(dir);
    expect(file).toBe(path.join(dir, SEARCH_INDEX_FILE));
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(build()));
    expect(() => loadSearchIndex({ ...build(), version: 99 })).toThrow(/version 99/);
  });

  it('writes the same bytes when its records wait in a spill file, and removes the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'search-spill-'));
    const writer = createSearchIndexWriter(iris, authority, { spillDir: dir });
    for (const r of MINI_RECORDS) writer.add(r, quads.get(r.id) ?? []);
    expect(writer.toJSON()).toEqual(build());
    const file = await writer.write(path.join(dir, 'out'));
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(build()));
    expect(await readdir(dir)).toEqual(['out']);
  });
});

describe('PostingsBuilder', () => {
  it('stores what TextIndexBuilder stores, gaps of every size included', () => {
    const texts = ['Soviet experts in Changchun', 'Harbor cities of the Soviet era', 'Automation and Zhang Wei', 'Changchun, 长春, and Likhachëv’s plant'];
    const ours = new PostingsBuilder();
    const theirs = new TextIndexBuilder();
    for (const [doc, n] of [[0, 0], [1, 1], [2, 2], [40, 3], [1_400, 0], [70_000, 1], [3_000_000, 3], [3_000_001, 2]] as const) {
      const fields = { title: texts[n], abstract: texts[(n + 1) % texts.length], names: n === 2 ? 'Zhang, Wei' : undefined };
      ours.add(doc, fields);
      theirs.add(doc, fields);
    }
    expect(ours.toJSON()).toEqual(theirs.toJSON());
    expect(ours.size).toBe(3_000_002);
  });
});

describe('the text index', () => {
  const docs: Record<string, string>[] = [
    { title: 'Soviet experts in Changchun', abstract: 'Automobile factories and their workers.' },
    { title: 'Harbor cities', abstract: 'Soviet trade in Dalian and Changchun, from 1950.' },
    { title: 'Automation', names: 'Zhang, Wei' },
  ];
  const index = () => {
    const b = new TextIndexBuilder();
    docs.forEach((d, i) => b.add(i, d));
    // A document far along, so gaps need several base-36 digits.
    b.add(70_000, { abstract: 'Changchun' });
    return new TextIndex(JSON.parse(JSON.stringify(b.toJSON())));
  };
  const table: [string, number[]][] = [
    ['changchun', [0, 1, 70_000]],
    ['Soviet Changchun', [0, 1]], // every word must match
    ['soviet 1950', [1]],
    ['autom', [0, 2]], // a word of 3+ letters also matches the words it begins
    ['au', []], // shorter ones only match whole words
    ['ZHANG', [2]],
    ['the and of', []], // stop words alone find nothing
    ['harbour', []],
  ];
  it.each(table)('%s finds %j', (q, expected) => {
    expect(index().search(q).map((h) => h.doc).sort((a, b) => a - b)).toEqual(expected);
  });
  it('ranks a title match above an abstract match, and whole words above prefixes', () => {
    expect(index().search('soviet').map((h) => h.doc)).toEqual([0, 1]);
    expect(index().search('automobile').map((h) => h.doc)).toEqual([0]);
    const [whole, prefix] = index().search('automat');
    expect(prefix).toBeUndefined();
    expect(whole!.doc).toBe(2);
  });
  it('folds case, diacritics and apostrophes, and drops stop words', () => {
    expect(words('The Likhachëv Plant’s ZiL')).toEqual(['likhachev', 'plants', 'zil']);
    expect(words('一汽 (FAW)')).toEqual(['一汽', 'faw']);
  });
});
