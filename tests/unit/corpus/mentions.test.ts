// The synthetic authority through the real loader, and the records' mentions through the real reader and linker.
import { beforeAll, describe, expect, it } from 'vitest';
import { authorityFromText } from '../../../pipeline/authority.ts';
import { authorityYaml } from '../../../pipeline/corpus/authority-yaml.ts';
import { generateAuthority, type AuthorityModel } from '../../../pipeline/corpus/entities.ts';
import type { CorpusRecord } from '../../../pipeline/corpus/model.ts';
import { itemPageText } from '../../../pipeline/corpus/oc-text.ts';
import { createContext, generateRecord } from '../../../pipeline/corpus/record.ts';
import { ingestText } from '../../../pipeline/ingest/index.ts';
import { createMatcher, type Mention } from '../../../pipeline/link/matcher.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { Iris } from '../../../src/core/iri.ts';

const N = 500;
const iris = new Iris('http://localhost:8080/');
let model: AuthorityModel;
let authority: Authority;
let records: CorpusRecord[];
let found: Mention[][];

beforeAll(() => {
  model = generateAuthority(5, 5000);
  const ctx = createContext(5, N, model);
  records = Array.from({ length: N }, (_, i) => generateRecord(ctx, i, () => false));
  authority = authorityFromText(authorityYaml(model, { seed: 5, records: N }), iris);
  const matcher = createMatcher(authority.entities.values());
  found = records.map((r) => {
    const [read] = ingestText(itemPageText(r), `records/${r.index}.txt`);
    if (!read?.ok) throw new Error(`record ${r.index} was not read: ${JSON.stringify(read)}`);
    return matcher.find(read.record.abstract!.value);
  });
});

// How many records mention each entity, most mentioned first.
function recordsPerEntity(): [string, number][] {
  const count = new Map<string, number>();
  for (const mentions of found) for (const id of new Set(mentions.map((m) => m.entityId))) count.set(id, (count.get(id) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1]);
}

describe('corpus: the authority file', () => {
  it('loads with the real loader: about 5,000 entities of every kind, degrees, collections, a merge and a withdrawal', () => {
    expect(authority.entities.size).toBe(5000);
    const kinds = new Map<string, number>();
    for (const e of authority.entities.values()) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    for (const kind of ['person', 'organization', 'place', 'event', 'concept']) expect(kinds.get(kind), kind).toBeGreaterThan(200);
    expect(authority.degreeByLabel('Doctor of Philosophy - PhD')?.id).toBe('doctor-of-philosophy-phd');
    expect(authority.collectionByLabel('UBC Theses and Dissertations')?.id).toBe('ubc-theses-and-dissertations');
    expect(authority.organizationByLabel('History, Department of')?.prefLabel.value).toBe('Department of History');
    expect(authority.merged.size).toBe(1);
    expect(authority.withdrawn.size).toBe(1);
  });

  it('has aliases and labels in other scripts (Han, Cyrillic, kana, Hangul, …) with language tags', () => {
    const alts = [...authority.entities.values()].flatMap((e) => e.altLabels);
    const script = (re: RegExp) => alts.filter((l) => re.test(l.value)).length;
    const withAliases = [...authority.entities.values()].filter((e) => e.altLabels.length > 0).length;
    expect(withAliases / authority.entities.size).toBeGreaterThan(0.4); // measured: 0.49 (most topics have none)
    expect(script(/\p{Script=Han}/u)).toBeGreaterThan(100);
    expect(script(/\p{Script=Cyrillic}/u)).toBeGreaterThan(100);
    expect(script(/\p{Script=Katakana}|\p{Script=Hiragana}/u)).toBeGreaterThan(0);
    expect(script(/\p{Script=Hangul}/u)).toBeGreaterThan(10);
    expect(alts.filter((l) => /\p{Script=Cyrillic}/u.test(l.value)).every((l) => l.lang === 'ru' || l.lang === undefined)).toBe(true);
    expect(alts.filter((l) => /\p{Script=Han}/u.test(l.value) && !l.lang)).toEqual([]);
  });

  it('marks faculty supervisors on the records; the loader links no name it was not given (names: is filled by the writer)', () => {
    const linked = records.flatMap((r) => r.facultySupervisors.map((f) => [r.id, f.prefLabel.value] as const));
    expect(linked.length).toBeGreaterThan(50);
    // names: are filled by the writer, so here the loader knows none of them: personFor must not guess from a name.
    const [id, name] = linked[0]!;
    expect(authority.personFor(id, 'supervisor', name)).toBeUndefined();
  });
});

describe('corpus: mentions in the abstracts', () => {
  it('are all found by the linker (each planted mention of an entity, counted per record)', () => {
    let planted = 0;
    let hits = 0;
    records.forEach((r, i) => {
      const got = new Map<string, number>();
      for (const m of found[i]!) got.set(m.entityId, (got.get(m.entityId) ?? 0) + 1);
      const want = new Map<string, number>();
      for (const m of r.mentions) want.set(m.entityId, (want.get(m.entityId) ?? 0) + 1);
      for (const [entity, n] of want) {
        planted += n;
        hits += Math.min(n, got.get(entity) ?? 0);
      }
    });
    expect(planted / N).toBeGreaterThan(10);
    expect(hits / planted).toBeGreaterThanOrEqual(0.995);
  });

  it('use aliases and other-script labels, not only preferred labels', () => {
    const labels = found.flat().map((m) => ({ label: m.label, entity: authority.entities.get(m.entityId)! }));
    const byAlias = labels.filter(({ label, entity }) => label !== entity.prefLabel.value);
    expect(byAlias.length / labels.length).toBeGreaterThan(0.15);
    expect(labels.filter(({ label }) => /\p{Script=Han}|\p{Script=Cyrillic}/u.test(label)).length).toBeGreaterThan(50);
  });

  it.each([
    // kind, share of records the most mentioned one is in (at least), distinct ones mentioned (at least); with half the
    // entity slots generic (MENTION_RATE), a record holds about a dozen mentions
    ['place', 0.3, 300], ['organization', 0.15, 300], ['event', 0.1, 100], ['concept', 0.05, 500], ['person', 0.01, 200],
  ] as const)('are skewed for each kind (%s): a hub in very many records, and a long tail mentioned once', (kind, hub, distinct) => {
    const counts = recordsPerEntity().filter(([id]) => authority.entities.get(id)!.kind === kind);
    expect(counts[0]![1] / N).toBeGreaterThan(hub);
    // The hub is far above the typical entity of its kind: Zipf, not uniform.
    expect(counts[0]![1]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]![1]);
    expect(counts.length).toBeGreaterThan(distinct);
    expect(counts.filter(([, n]) => n === 1).length / counts.length).toBeGreaterThan(0.2);
  });
});

describe('corpus: Zipf skew of programs, degrees and subjects', () => {
  const top = (values: string[]) => {
    const count = new Map<string, number>();
    for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
    return [...count.values()].sort((a, b) => b - a);
  };

  it('has a few large programs and many small ones', () => {
    const programs = top(records.map((r) => r.program.name));
    expect(programs.length).toBeGreaterThan(25);
    expect(programs[0]! / N).toBeGreaterThan(0.05);
    expect(programs[0]! / N).toBeLessThan(0.25);
    expect(programs[0]!).toBeGreaterThan(2 * programs[14]!);
  });

  it('has common and rare degrees and subjects', () => {
    const degrees = top(records.map((r) => r.degree.abbreviation));
    expect(degrees.length).toBeGreaterThan(10);
    expect(degrees[0]!).toBeGreaterThan(5 * degrees[9]!);
    const subjects = top(records.flatMap((r) => r.subjects));
    expect(subjects[0]!).toBeGreaterThan(20);
    expect(subjects.filter((n) => n === 1).length).toBeGreaterThan(100);
  });
});
