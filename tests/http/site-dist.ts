// Test helper: a copy of dist-mini with what the site reads besides the store (dumps + checksums, search-index.json).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Quad } from 'n3';
import { Iris } from '../../src/core/iri.ts';
import { createSearchIndexWriter } from '../../pipeline/publish/search-index.ts';
import type { Authority, AuthorityEntity, ThesisRecord } from '../../pipeline/types.ts';
import { ENTITY_KINDS, type EntityKind } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import { copyDist, miniQuads } from '../helpers/app.ts';

export const MINI_BASE = 'http://localhost:8080/';

/** A record as ingest would yield it, from the few fields a test names. */
export function record(fields: Partial<ThesisRecord> & { id: string }): ThesisRecord {
  return {
    format: 'test', source: { file: `records/${fields.id}.txt` }, contentHash: '0'.repeat(64),
    alternativeTitles: [], creators: [], supervisors: [], contributors: [], publishers: [], genres: [], types: [],
    languages: [], uris: [], affiliations: [], subjects: [], ...fields,
  };
}

const v = <T>(value: T) => ({ value });

/** The two dist-mini records, with the fields their graphs state. */
export const MINI_RECORDS: ThesisRecord[] = [
  record({
    id: '1.0449833',
    title: v('Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)'),
    creators: [v('Li, Yi'), v('Doe, Jane')], supervisors: [v('Smith, Ann')],
    dateIssued: v({ value: '2025', datatype: 'gYear' as const }), degree: v('Master of Arts - MA'), program: v('History'),
    abstract: v('This thesis examines the human aspect of Cold War history. Using China’s First Automobile Work, known as Yiqi, in Changchun as a case study, it follows Chinese engineers.'),
  }),
  record({
    id: '1.0000001',
    title: v('Hostile </script><script>alert(1)</script> & <b>"quotes"</b> title'),
    creators: [v('</script><img src=x onerror=alert(2)>')],
    dateIssued: v({ value: '2024', datatype: 'gYear' as const }),
    abstract: v('Roads 𝔸 to Changchun </script><b>bold</b> & more'),
  }),
];

/** The quads of each record's named graph in dist-mini, by item id. */
export async function miniQuadsByRecord(): Promise<Map<string, Quad[]>> {
  const byRecord = new Map<string, Quad[]>();
  for (const q of await miniQuads()) {
    const m = /graph\/thesis\/(.+)$/.exec(q.graph.value);
    if (m) byRecord.set(m[1]!, [...(byRecord.get(m[1]!) ?? []), q]);
  }
  return byRecord;
}

/** An Authority over dist-mini's authority graph: entities with their English preferred and alternative labels. */
export async function miniAuthority(): Promise<Authority> {
  const iris = new Iris(MINI_BASE);
  const entities = new Map<string, AuthorityEntity>();
  const quads = (await miniQuads()).filter((q) => q.graph.value === `${MINI_BASE}graph/authority`);
  for (const q of quads) {
    const parsed = iris.parse(q.subject.value);
    if (!parsed || !(ENTITY_KINDS as readonly string[]).includes(parsed.kind)) continue;
    const e = entities.get(parsed.id) ?? { id: parsed.id, kind: parsed.kind as EntityKind, types: [], prefLabel: { value: parsed.id }, altLabels: [], sameAs: [], match: true };
    const lang = q.object.termType === 'Literal' ? q.object.language : '';
    if (q.predicate.value === `${NS.skos}prefLabel` && (lang === 'en' || lang === '')) e.prefLabel = { value: q.object.value, lang };
    else if (q.predicate.value === `${NS.skos}prefLabel` || q.predicate.value === `${NS.skos}altLabel`) e.altLabels.push({ value: q.object.value, lang });
    entities.set(parsed.id, e);
  }
  const none = () => undefined;
  return { entities, quads, merged: new Map(), withdrawn: new Map(), personFor: none, organizationByLabel: none, conceptByLabel: none, degreeByLabel: none, collectionByLabel: none };
}

/** Copies dist-mini to a temporary DIST_DIR and adds the .nq checksum, a Turtle dump and the search index; resolves to it. */
export async function siteDist(): Promise<string> {
  const dir = await copyDist('site');
  const nq = await readFile(path.join(dir, 'dumps', 'dataset.nq'));
  await writeFile(path.join(dir, 'dumps', 'dataset.nq.sha256'), `${createHash('sha256').update(nq).digest('hex')}  dataset.nq\n`);
  await writeFile(path.join(dir, 'dumps', 'dataset.ttl'), '<http://localhost:8080/a> <http://localhost:8080/b> "c" .\n');
  const writer = createSearchIndexWriter(new Iris(MINI_BASE), await miniAuthority());
  const quads = await miniQuadsByRecord();
  for (const r of MINI_RECORDS) writer.add(r, quads.get(r.id) ?? []);
  await writer.write(dir);
  return dir;
}
