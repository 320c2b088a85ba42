// The first DataStore: the dataset loaded in this process (the union QuadStore, its graph names and label index) and the SPARQL worker pool.
import { DataFactory } from 'n3';
import { ENTITY_KINDS, type EntityKind, type Iris, type ThingKind } from '../../core/iri.ts';
import { dcterms, rdf } from '../../core/vocab.ts';
import { ERR_NOT_READY } from '../../core/errors.ts';
import { hasSubject, type GraphNames, type QuadStore } from '../store.ts';
import type { Labels } from '../labels.ts';
import type { QueryAnswer, QueryJob } from '../sparql/execute.ts';
import type { ServiceJob } from '../sparql/messages.ts';
import { describe, describeDocument } from '../describe.ts';
import type { DataStore, DescribeOptions, FacetCount, PageOptions, SparqlOptions, StoreStats, ThesisFacet, ThesisListOptions, ThesisSummary, ThingCounts, ThingEntry } from './data-store.ts';
import { ThesisCatalog } from './embedded-catalog.ts';
import type { Description, DocumentQuads, Label } from './description.ts';
import { noPageParts, pageParts } from './page-parts.ts';
import { tripleIds, type TripleIds } from './triple-ids.ts';

const { namedNode } = DataFactory;

/** What the embedded store reads: the loaded dataset, and the query pool when the app runs one. */
export interface EmbeddedParts {
  store: QuadStore;
  /** The named graphs (the store plugin's GraphNames; tests over a small n3 Store pass a stand-in). */
  graphs: Pick<GraphNames, 'has' | 'size' | 'values' | 'subjects'>;
  labels: Labels;
  iris: Iris;
  /** Runs SPARQL jobs (the app's QueryPool, which cancels a job when its signal aborts); without it, sparql() answers 503. */
  pool?: { run(job: QueryJob | ServiceJob, options?: SparqlOptions): Promise<QueryAnswer> };
}

/** Waits for a promise unless the signal gives up first (then rejects with the signal's reason). */
function untilAborted<T>(run: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return run;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The DataStore over the in-process store: every answer is computed synchronously and handed back as a promise. */
export class EmbeddedStore implements DataStore {
  private catalogue?: ThesisCatalog;

  constructor(private readonly parts: EmbeddedParts) {}

  /** The theses' catalogue, read on the first browse request (not at start: most requests never need it). */
  private catalog(): ThesisCatalog {
    this.catalogue ??= new ThesisCatalog(this.parts.store, this.parts.labels, this.parts.iris);
    return this.catalogue;
  }

  /** Adds the page parts to a document's RDF, unless only the RDF was asked for; `ids` are those it was described with. */
  private withPage(doc: DocumentQuads, options: PageOptions, ids: TripleIds): Description {
    const { store, labels, iris } = this.parts;
    const page = options.forPage === false ? noPageParts(doc) : pageParts({ store, labels, iris }, doc, options.alsoLabel, ids);
    return { ...doc, ...page };
  }

  async exists(iri: string): Promise<boolean> {
    return hasSubject(this.parts.store, namedNode(iri));
  }

  async describe(iri: string, options: DescribeOptions = {}): Promise<Description> {
    // One reader for the document and its page parts: what the description read, the page parts need again.
    const ids = tripleIds(this.parts.store);
    return this.withPage(describe(this.parts.store, this.parts.iris, namedNode(iri), options, ids), options, ids);
  }

  async describeDocument(document: string, graph: string, options: PageOptions = {}): Promise<Description> {
    const ids = tripleIds(this.parts.store);
    return this.withPage(describeDocument(this.parts.store, namedNode(document), this.parts.graphs.subjects(graph), ids), options, ids);
  }

  async hasGraph(iri: string): Promise<boolean> {
    return this.parts.graphs.has(iri);
  }

  async graphNames(): Promise<string[]> {
    return [...this.parts.graphs.values()];
  }

  async labels(iris: Iterable<string>): Promise<Map<string, Label>> {
    const out = new Map<string, Label>();
    for (const iri of iris) {
      const lit = this.parts.labels.literal(iri);
      if (lit) out.set(iri, { value: lit.value, language: lit.language });
    }
    return out;
  }

  async stats(): Promise<StoreStats> {
    return { triples: this.parts.store.size, graphs: this.parts.graphs.size };
  }

  async countThings(): Promise<ThingCounts> {
    const { store, iris } = this.parts;
    const entities = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
    let theses = 0;
    store.forSubjects((subject) => {
      const parsed = subject.termType === 'NamedNode' ? iris.parse(subject.value) : undefined;
      if (!parsed || parsed.space !== 'id') return;
      if (parsed.kind === 'thesis') theses++;
      else if (parsed.kind in entities) entities[parsed.kind as EntityKind]++;
    }, rdf('type'), null, null);
    return { theses, entities };
  }

  async listThings(kinds: readonly ThingKind[]): Promise<ThingEntry[]> {
    const { store, iris } = this.parts;
    const wanted = new Set<string>(kinds);
    const out: ThingEntry[] = [];
    store.forSubjects((subject) => {
      if (subject.termType !== 'NamedNode') return;
      const parsed = iris.parse(subject.value);
      if (!parsed || parsed.space !== 'id' || !wanted.has(parsed.kind)) return;
      // A thesis changes when its record does: the record graph's dcterms:modified (provenance) dates it.
      const graph = parsed.kind === 'thesis' ? iris.recordGraph(parsed.id) : undefined;
      const modified = (graph && store.getObjects(graph, dcterms('modified'), null)[0]) ?? store.getObjects(subject, dcterms('modified'), null)[0];
      out.push({ kind: parsed.kind, id: parsed.id, modified: modified?.value });
    }, rdf('type'), null, null);
    return out;
  }

  async modified(iris: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const iri of iris) {
      // The latest as stated (the build writes one xsd:dateTime form, so text order is time order).
      const dates = this.parts.store.getObjects(namedNode(iri), dcterms('modified'), null).filter((t) => t.termType === 'Literal').map((t) => t.value);
      const date = dates.sort().at(-1);
      if (date !== undefined) out.set(iri, date);
    }
    return out;
  }

  async thesisFacets(facet: ThesisFacet): Promise<FacetCount[]> {
    return this.catalog().facets(facet);
  }

  async listTheses(options: ThesisListOptions = {}): Promise<{ total: number; theses: ThesisSummary[] }> {
    return this.catalog().list(options);
  }

  async sparql(job: QueryJob | ServiceJob, options: SparqlOptions = {}): Promise<QueryAnswer> {
    const { pool } = this.parts;
    if (!pool) throw ERR_NOT_READY('this server runs no SPARQL engine');
    options.signal?.throwIfAborted();
    // The pool cancels the query on the signal and frees its place; waiting here stops too, for a pool that ignores it.
    return untilAborted(pool.run(job, options), options.signal);
  }
}
