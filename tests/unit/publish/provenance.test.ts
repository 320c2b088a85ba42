// Record provenance: the record graph (not the thesis) is derived from the harvested source record; build activities once.
import type { Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { buildActivities, buildActivity, recordProvenance } from '../../../pipeline/publish/provenance.ts';
import type { LedgerEntry } from '../../../pipeline/ledger.ts';
import { expectTriples, fullRecord, iris, lit, n, objects, seedRecord } from '../map/helpers.ts';

const entry: LedgerEntry = { contentHash: 'x', firstPublished: '2025-09-01T00:00:00Z', lastModified: '2025-10-01T00:00:00Z' };
const subjectsOf = (quads: Quad[]) => new Set(quads.map((q) => q.subject.value));

describe('recordProvenance', () => {
  it('derives the record graph from a source record minted for the item, never from the DOI, and says nothing of the thesis', () => {
    const seed = seedRecord();
    const quads = recordProvenance(iris, seed, entry);
    const graph = iris.recordGraph(seed.id);
    const source = iris.source(seed.id);
    expect(source.value).toBe('http://localhost:8080/id/source/1.0449833');
    expectTriples(quads, [
      [graph, n('prov:wasDerivedFrom'), source],
      [graph, n('prov:wasGeneratedBy'), buildActivity(iris, entry.lastModified)],
      [graph, n('dcterms:modified'), lit('2025-10-01T00:00:00Z', 'dateTime')],
      [source, n('rdf:type'), n('prov:Entity')],
      [source, n('foaf:primaryTopic'), iris.thesis(seed.id)],
    ]);
    expect(objects(quads, graph, n('prov:wasDerivedFrom'))).toEqual([source]);
    expect(quads.some((q) => q.object.value.startsWith('https://doi.org/'))).toBe(false);
    expect(subjectsOf(quads).has(iris.thesis(seed.id).value)).toBe(false);
    expect(objects(quads, source, n('rdfs:comment'))[0]!.value).toContain(seed.source.file);
    expect(quads.every((q) => q.graph.equals(graph))).toBe(true);
  });

  it('gives the landing page, when ingest knows it, as the source record’s own source', () => {
    const record = fullRecord();
    const quads = recordProvenance(iris, record, entry);
    const page = n(`<${record.landingPage}>`);
    expectTriples(quads, [
      [iris.recordGraph(record.id), n('prov:wasDerivedFrom'), iris.source(record.id)],
      [iris.source(record.id), n('dcterms:source'), page],
      [page, n('rdf:type'), n('schema:WebPage')],
      [page, n('schema:about'), iris.thesis(record.id)],
    ]);
    expect(objects(quads, iris.recordGraph(record.id), n('prov:wasDerivedFrom'))).toHaveLength(1);
  });

  it('names the build activity without describing it (the dataset graph does, once)', () => {
    const quads = recordProvenance(iris, seedRecord(), entry);
    expect(subjectsOf(quads).has(buildActivity(iris, entry.lastModified).value)).toBe(false);
  });
});

describe('buildActivities', () => {
  it('describes each distinct date once, in date order, in the dataset graph', () => {
    const quads = buildActivities(iris, ['2025-10-01T00:00:00Z', '2025-09-01T00:00:00Z', '2025-10-01T00:00:00Z']);
    expect(quads.every((q) => q.graph.equals(iris.graph('dataset')))).toBe(true);
    expect(quads.filter((q) => q.predicate.equals(n('prov:endedAtTime'))).map((q) => q.object.value)).toEqual(['2025-09-01T00:00:00Z', '2025-10-01T00:00:00Z']);
    expectTriples(quads, [[buildActivity(iris, '2025-09-01T00:00:00Z'), n('rdf:type'), n('prov:Activity')]]);
  });
});
