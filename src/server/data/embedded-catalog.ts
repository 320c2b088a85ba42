// The embedded store's catalogue of theses: each thesis's line and facet values, read from the store once, for the browse pages.
import type { Term } from 'n3';
import type { Iris } from '../../core/iri.ts';
import { dcterms, own, rdf, schema } from '../../core/vocab.ts';
import type { QuadStore } from '../store.ts';
import type { Labels } from '../labels.ts';
import type { FacetCount, ThesisFacet, ThesisListOptions, ThesisSummary } from './data-store.ts';
import type { Label } from './description.ts';
import { creatorsInOrder } from './embedded-reads.ts';
import { tripleIds } from './triple-ids.ts';

const DEFAULT_LIMIT = 100;
// One collator, not localeCompare per comparison: sorting tens of thousands of titles stays fast.
const collate = new Intl.Collator('en').compare;

interface Entry {
  summary: ThesisSummary;
  values: Record<ThesisFacet, string[]>;
}

const distinct = (terms: Term[], type: Term['termType']) => [...new Set(terms.filter((t) => t.termType === type).map((t) => t.value))];
const asLabel = (lit: { value: string; language: string } | undefined): Label | undefined => (lit ? { value: lit.value, language: lit.language } : undefined);

/** Every thesis of the store with its facet values, newest first: the data does not change while the server runs, so read once. */
export class ThesisCatalog {
  private readonly entries: Entry[] = [];
  private readonly facetCache = new Map<ThesisFacet, FacetCount[]>();

  constructor(store: QuadStore, private readonly labels: Labels, iris: Iris) {
    const ids = tripleIds(store);
    const program = own(iris.base)('program');
    const seen = new Set<string>();
    store.forSubjects((subject) => {
      if (subject.termType !== 'NamedNode' || seen.has(subject.value) || iris.parse(subject.value)?.kind !== 'thesis' || iris.parse(subject.value)?.space !== 'id') return;
      seen.add(subject.value);
      const issued = store.getObjects(subject, dcterms('issued'), null).find((t) => t.termType === 'Literal')?.value;
      const node = ids.id(subject);
      const creators = node === undefined ? [] : creatorsInOrder(ids, node).flatMap((c) => labels.get(c) ?? []);
      this.entries.push({
        summary: { iri: subject.value, title: asLabel(labels.literal(subject.value)), creators, issued },
        values: {
          year: issued && /^\d{4}/.test(issued) ? [issued.slice(0, 4)] : [],
          degree: distinct(store.getObjects(subject, schema('inSupportOf'), null), 'NamedNode'),
          program: distinct(store.getObjects(subject, program, null), 'Literal'),
          collection: distinct(store.getObjects(subject, dcterms('isPartOf'), null), 'NamedNode'),
        },
      });
    }, rdf('type'), null, null);
    const title = (e: Entry) => e.summary.title?.value ?? e.summary.iri;
    this.entries.sort((a, b) => collate(b.summary.issued ?? '', a.summary.issued ?? '') || collate(title(a), title(b)) || collate(a.summary.iri, b.summary.iri));
  }

  /** The values of a facet with their counts: most theses first (years newest first), then by label. */
  facets(facet: ThesisFacet): FacetCount[] {
    let out = this.facetCache.get(facet);
    if (!out) {
      const counts = new Map<string, number>();
      for (const e of this.entries) for (const v of e.values[facet]) counts.set(v, (counts.get(v) ?? 0) + 1);
      const iriValued = facet === 'degree' || facet === 'collection';
      out = [...counts].map(([value, count]) => ({ value, count, ...(iriValued ? { label: asLabel(this.labels.literal(value)) } : {}) }));
      const name = (f: FacetCount) => f.label?.value ?? f.value;
      out.sort(facet === 'year' ? (a, b) => collate(b.value, a.value) : (a, b) => b.count - a.count || collate(name(a), name(b)));
      this.facetCache.set(facet, out);
    }
    return out;
  }

  /** A window of the theses (all, or those with one facet value), and how many there are. */
  list(options: ThesisListOptions = {}): { total: number; theses: ThesisSummary[] } {
    const { facet, value } = options;
    const matching = facet ? this.entries.filter((e) => value !== undefined && e.values[facet].includes(value)) : this.entries;
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    return { total: matching.length, theses: matching.slice(offset, offset + limit).map((e) => e.summary) };
  }
}
