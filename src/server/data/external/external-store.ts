// The second DataStore: an external SPARQL store (Virtuoso), read through the generation its control record names; documents are built from its answers by the embedded readers.
import { DataFactory, Store, type Quad, type Term } from 'n3';
import { ENTITY_KINDS, type EntityKind, type Iris, type ThingKind } from '../../../core/iri.ts';
import { dcterms, own, schema } from '../../../core/vocab.ts';
import { describe, describeDocument } from '../../describe.ts';
import { Labels } from '../../labels.ts';
import type { QueryAnswer, QueryJob } from '../../sparql/execute.ts';
import type { ServiceJob } from '../../sparql/messages.ts';
import { bindTerms, checkIri, paged, withValues } from '../../../store-external/rewrite.ts';
import { template, type StoreReader } from '../../../store-external/store-reader.ts';
import { INCOMING_PAGE_SIZE, type DataStore, type DescribeOptions, type FacetCount, type PageOptions, type SparqlOptions, type StoreStats, type ThesisFacet, type ThesisListOptions, type ThesisSummary, type ThingCounts, type ThingEntry } from '../data-store.ts';
import type { Description, DocumentQuads, Label } from '../description.ts';
import { noPageParts, pageParts } from '../page-parts.ts';
import { tripleIds } from '../triple-ids.ts';
import { creatorsInOrder } from '../embedded-reads.ts';
import { readNeighbourhood, readPage } from './neighbourhood.ts';
import type { ExternalSparql } from './external-sparql.ts';

const { namedNode, literal } = DataFactory;
const DEFAULT_LIMIT = 100;

/** True when an IRI can be named in a query (checkIri would let it through). */
function isQueryableIri(iri: string): boolean {
  try {
    checkIri(namedNode(iri));
    return true;
  } catch {
    return false;
  }
}

/** What answers depend on only through the generation served: kept per generation, never across a load's switch. */
class PerGeneration {
  private generation = '';
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(generation: string, key: string, make: () => Promise<T>): Promise<T> {
    if (generation !== this.generation) {
      this.values.clear();
      this.generation = generation;
    }
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.values.set(key, value);
      value.catch(() => this.values.delete(key));
    }
    return value;
  }
}

/** The DataStore over an external SPARQL store: every answer is read from the store at the generation it serves. */
export class ExternalStore implements DataStore {
  private readonly cache = new PerGeneration();

  constructor(private readonly reader: StoreReader, private readonly iris: Iris, private readonly endpoint: ExternalSparql) {}

  /** A value cached for the generation served now. */
  private async cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    const { generation } = await this.reader.generation();
    return this.cache.get(generation.id, key, make);
  }

  /** The generation served (its id is what ETags and caches of other parts may derive from). */
  async generationId(): Promise<string> {
    return (await this.reader.generation()).generation.id;
  }

  private withPage(store: Store<Quad, Quad, Quad, Quad>, doc: DocumentQuads, options: PageOptions): Description {
    const ids = tripleIds(store);
    const page = options.forPage === false ? noPageParts(doc) : pageParts({ store, labels: Labels.index(store), iris: this.iris }, doc, options.alsoLabel, ids);
    return { ...doc, ...page };
  }

  async exists(iri: string): Promise<boolean> {
    // An IRI no query may name (a request path with '<' or a space) names nothing the store holds.
    if (!isQueryableIri(iri)) return false;
    return this.reader.ask(bindTerms(template('exists'), { s: namedNode(iri) }));
  }

  async describe(iri: string, options: DescribeOptions = {}): Promise<Description> {
    const pageSize = options.pageSize ?? INCOMING_PAGE_SIZE;
    const page = options.page ?? 1;
    const start = (page - 1) * pageSize;
    const n = await readNeighbourhood(this.reader, this.iris, iri, { start, size: pageSize }, options.forPage !== false, options.alsoLabel);
    // The local store holds this page's incoming links only; their count and paging are the store's.
    const doc = describe(n.store, this.iris, namedNode(iri), { page: 1, pageSize: Number.MAX_SAFE_INTEGER });
    const full: DocumentQuads = { ...doc, incoming: n.incoming, incomingTotal: n.incomingTotal, page, pageSize, hasNext: pageSize > 0 && start + pageSize < n.incomingTotal };
    return this.withPage(n.store, full, options);
  }

  async describeDocument(document: string, graph: string, options: PageOptions = {}): Promise<Description> {
    const rows = (await this.reader.selectWhole(bindTerms(template('graph-triples'), { g: namedNode(graph) }))).rows;
    const store = new Store<Quad, Quad, Quad, Quad>();
    for (const r of rows) store.addQuad(r.get('s') as never, r.get('p') as never, r.get('o') as never);
    const subjects = new Map<string, Term>();
    for (const q of store.getQuads(null, null, null, null)) subjects.set(q.subject.value, q.subject);
    const doc = describeDocument(store, namedNode(document), subjects.values());
    if (options.forPage !== false) await readPage(this.reader, store, new Set(subjects.keys()), options.alsoLabel);
    return this.withPage(store, doc, options);
  }

  async hasGraph(iri: string): Promise<boolean> {
    if (!isQueryableIri(iri)) return false;
    return this.reader.ask(bindTerms(template('has-graph'), { g: namedNode(iri) }));
  }

  async graphNames(): Promise<string[]> {
    return this.cached('graphs', async () => (await this.reader.selectAll(template('graph-names'), 'g')).map((r) => r.get('g')!.value));
  }

  async labels(iris: Iterable<string>): Promise<Map<string, Label>> {
    const store = new Store<Quad, Quad, Quad, Quad>();
    await readPage(this.reader, store, new Set(), [...iris]);
    const index = Labels.index(store);
    const out = new Map<string, Label>();
    for (const iri of iris) {
      const lit = index.literal(iri);
      if (lit) out.set(iri, { value: lit.value, language: lit.language });
    }
    return out;
  }

  async stats(): Promise<StoreStats> {
    const { record } = await this.reader.generation();
    return { triples: record.triples, graphs: record.graphs };
  }

  /** Every typed `B id/…` thing with its kind and id, and every stated dcterms:modified: read once per generation. */
  private things(): Promise<{ things: { kind: ThingKind; id: string; iri: string }[]; modified: Map<string, string> }> {
    return this.cached('things', async () => {
      const base = literal(this.iris.base);
      const [typed, dated] = await Promise.all([
        this.reader.selectAll(bindTerms(template('typed-things'), { base }), 's'),
        this.reader.selectAll(template('modified'), 's'),
      ]);
      const things: { kind: ThingKind; id: string; iri: string }[] = [];
      for (const r of typed) {
        const iri = r.get('s')!.value;
        const parsed = this.iris.parse(iri);
        if (parsed && parsed.space === 'id') things.push({ kind: parsed.kind, id: parsed.id, iri });
      }
      return { things, modified: new Map(dated.map((r) => [r.get('s')!.value, r.get('modified')!.value])) };
    });
  }

  async countThings(): Promise<ThingCounts> {
    const { things } = await this.things();
    const entities = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
    let theses = 0;
    for (const t of things) {
      if (t.kind === 'thesis') theses++;
      else if (t.kind in entities) entities[t.kind as EntityKind]++;
    }
    return { theses, entities };
  }

  async listThings(kinds: readonly ThingKind[]): Promise<ThingEntry[]> {
    const { things, modified } = await this.things();
    const wanted = new Set<string>(kinds);
    return things.filter((t) => wanted.has(t.kind)).map((t) => {
      // A thesis changes when its record does: the record graph's dcterms:modified (provenance) dates it.
      const graph = t.kind === 'thesis' ? this.iris.recordGraph(t.id).value : undefined;
      return { kind: t.kind, id: t.id, modified: (graph && modified.get(graph)) ?? modified.get(t.iri) };
    });
  }

  async modified(iris: Iterable<string>): Promise<Map<string, string>> {
    const list = [...iris].filter(isQueryableIri).map((i) => namedNode(i));
    const out = new Map<string, string>();
    // A sitemap asks for every thesis at once: 500 IRIs a request, four requests at a time.
    const batches: Term[][] = [];
    for (let i = 0; i < list.length; i += 500) batches.push(list.slice(i, i + 500));
    for (let i = 0; i < batches.length; i += 4) {
      const answers = await Promise.all(batches.slice(i, i + 4).map((b) => this.reader.selectWhole(withValues(template('modified'), 's', b))));
      for (const a of answers) for (const r of a.rows) out.set(r.get('s')!.value, r.get('modified')!.value);
    }
    return out;
  }

  /** The thesis IRI prefix (`B id/thesis/`), as a literal to bind. */
  private thesisBase(): Term {
    return literal(this.iris.thing('thesis', 'x').value.slice(0, -1));
  }

  /** The facet's predicate and the template counting its values. */
  private facetQuery(facet: ThesisFacet): { name: string; predicate?: Term } {
    if (facet === 'year') return { name: 'facet-year' };
    if (facet === 'program') return { name: 'facet-literal', predicate: own(this.iris.base)('program') };
    return { name: 'facet-iri', predicate: facet === 'degree' ? schema('inSupportOf') : dcterms('isPartOf') };
  }

  async thesisFacets(facet: ThesisFacet): Promise<FacetCount[]> {
    return this.cached(`facet ${facet}`, async () => {
      const { name, predicate } = this.facetQuery(facet);
      const rows = (await this.reader.selectWhole(bindTerms(template(name), { thesisBase: this.thesisBase(), ...(predicate ? { facet: predicate } : {}) }))).rows;
      const counts = rows.map((r) => ({ value: r.get('value')!.value, count: Number(r.get('count')!.value) }));
      const iriValued = facet === 'degree' || facet === 'collection';
      const labels = iriValued ? await this.labels(counts.map((c) => c.value)) : new Map<string, Label>();
      const out: FacetCount[] = counts.map((c) => ({ ...c, ...(iriValued ? { label: labels.get(c.value) } : {}) }));
      const collate = new Intl.Collator('en').compare;
      const label = (f: FacetCount) => f.label?.value ?? f.value;
      return out.sort(facet === 'year' ? (a, b) => collate(b.value, a.value) : (a, b) => b.count - a.count || collate(label(a), label(b)));
    });
  }

  async listTheses(options: ThesisListOptions = {}): Promise<{ total: number; theses: ThesisSummary[] }> {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const terms: Record<string, Term> = { thesisBase: this.thesisBase() };
    let list = template('thesis-list');
    let count = template('thesis-count');
    if (options.facet) {
      if (options.value === undefined) return { total: 0, theses: [] };
      const { predicate } = this.facetQuery(options.facet);
      const filter = template(options.facet === 'year' ? 'facet-filter-year' : 'facet-filter') as { where?: unknown[] };
      const value = options.facet === 'year' || options.facet === 'program' ? literal(options.value) : namedNode(options.value);
      Object.assign(terms, { value, ...(predicate ? { facet: predicate } : {}) });
      const add = <T>(q: T) => ({ ...q, where: [...((q as { where: unknown[] }).where), ...(filter.where ?? [])] }) as T;
      list = add(list);
      count = add(count);
    }
    const [page, total] = await Promise.all([
      limit > 0 ? this.reader.selectWhole(paged(bindTerms(list, terms), limit, offset)) : Promise.resolve({ rows: [] }),
      this.reader.selectWhole(bindTerms(count, terms)),
    ]);
    // Titles and bylines: the page predicates of the listed theses and of their creators, read into a small store.
    const store = new Store<Quad, Quad, Quad, Quad>();
    const iris = page.rows.map((r) => r.get('t')!.value);
    await readPage(this.reader, store, new Set(), iris);
    const ids = tripleIds(store);
    const labels = Labels.index(store);
    const theses = page.rows.map((r): ThesisSummary => {
      const iri = r.get('t')!.value;
      const node = ids.id(namedNode(iri));
      const title = labels.literal(iri);
      const creators = node === undefined ? [] : creatorsInOrder(ids, node).flatMap((c) => labels.get(c) ?? []);
      return { iri, title: title ? { value: title.value, language: title.language } : undefined, creators, issued: r.get('issued')?.value };
    });
    return { total: Number(total.rows[0]?.get('n')?.value ?? 0), theses };
  }

  async sparql(job: QueryJob | ServiceJob, options: SparqlOptions = {}): Promise<QueryAnswer> {
    options.signal?.throwIfAborted();
    return this.endpoint.run(job, options.limits, options.signal);
  }
}
