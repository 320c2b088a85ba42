// What the crosswalks need of one thesis, read from its record graph and the authority graph in the store (what DIST_DIR's formats are made from).
import type { Quad, Term } from 'n3';
import type { Iris } from '../../core/iri.ts';
import { NS, bibo, dcterms, foaf, owl, own, rdf, rdfs, schema, skos } from '../../core/vocab.ts';
import type { QuadStore } from '../store.ts';
import { xmlSafe } from './xml-text.ts';
import { readList, RDF_NIL, termKey } from '../../core/rdf-read.ts';

/** A person, organisation or concept the thesis names: its label, our IRI, and the IRIs the data says it is (owl:sameAs, skos:exactMatch). */
export interface Named {
  label: string;
  iri?: string;
  sameAs: string[];
}

/** The thesis as the crosswalks read it; every text already safe for XML 1.0. */
export interface ThesisFacts {
  id: string;
  iri: string;
  graph: string;
  title: string;
  alternatives: string[];
  creators: Named[];
  supervisors: Named[];
  contributors: Named[];
  publishers: Named[];
  grantor?: Named;
  /** dcterms:issued as stated (2016, 2016-05, 2016-05-04). */
  issued?: string;
  abstract?: string;
  /** ISO 639-2 codes (eng). */
  languages: string[];
  rights?: string;
  license?: string;
  doi?: string;
  handle?: string;
  /** Landing pages (schema:url). */
  urls: string[];
  /** Degree name as the record gives it ("Master of Science - MSc"), and the degree resource. */
  degreeText?: string;
  degree?: Named & { level?: string };
  program?: string;
  subjects: Named[];
  collection?: Named;
}

const LABELS = [skos('prefLabel'), schema('name'), rdfs('label'), foaf('name'), dcterms('title')];

/** Reads facts through the store's union of graphs (labels and links live in the authority graph). */
export class ThesisFactsReader {
  private readonly tl: ReturnType<typeof own>;

  constructor(private readonly store: QuadStore, private readonly iris: Iris) {
    this.tl = own(iris.base);
  }

  private objects(s: Term | string, p: Term, g: Term | null = null): Term[] {
    return this.store.getObjects(s, p, g);
  }

  private literal(s: Term | string, p: Term, g: Term | null = null): string | undefined {
    const values = this.objects(s, p, g).filter((o) => o.termType === 'Literal') as (Term & { language: string })[];
    const best = values.find((o) => !o.language) ?? values.find((o) => o.language.startsWith('en')) ?? values[0];
    return best ? xmlSafe(best.value) : undefined;
  }

  private label(t: Term): string {
    for (const p of LABELS) {
      const l = this.literal(t, p);
      if (l) return l;
    }
    return xmlSafe(t.value);
  }

  private named(t: Term): Named {
    const links = [...this.objects(t, owl('sameAs')), ...this.objects(t, skos('exactMatch')), ...this.objects(t, schema('sameAs'))];
    const sameAs = [...new Set(links.filter((o) => o.termType === 'NamedNode').map((o) => o.value))];
    return { label: this.label(t), iri: t.termType === 'NamedNode' ? t.value : undefined, sameAs };
  }

  // The creators in the order of bibo:authorList, then any the list leaves out.
  private creators(thesis: Term, graph: Term): Term[] {
    const head = this.objects(thesis, bibo('authorList'), graph)[0];
    const ordered = head === undefined ? [] : readList(head, {
      first: (cell) => this.objects(cell, rdf('first'), graph)[0],
      rest: (cell) => this.objects(cell, rdf('rest'), graph)[0],
      isNil: (t) => t.value === RDF_NIL,
      isCell: (t) => t.termType === 'BlankNode',
      key: termKey,
    }, true)!;
    for (const c of this.objects(thesis, dcterms('creator'), graph)) if (!ordered.some((o) => o.equals(c))) ordered.push(c);
    return ordered;
  }

  /** The facts of `B id/thesis/{id}` from `B graph/thesis/{id}`; undefined when the store has no such graph. */
  read(id: string): ThesisFacts | undefined {
    const thesis = this.iris.thesis(id);
    const graph = this.iris.recordGraph(id);
    const title = this.literal(thesis, dcterms('title'), graph);
    if (title === undefined) return undefined;
    const tl = this.tl;
    const iriValues = (p: Term) => this.objects(thesis, p, graph).filter((o) => o.termType === 'NamedNode').map((o) => o.value);
    const people = (p: Term) => this.objects(thesis, p, graph).map((o) => this.named(o));
    const supervisors = this.objects(thesis, tl('supervisor'), graph);
    const degree = this.objects(thesis, bibo('degree'), graph)[0];
    const grantor = this.objects(thesis, tl('degreeGrantor'), graph)[0];
    const collection = this.objects(thesis, dcterms('isPartOf'), graph)[0];
    const subjects = this.objects(thesis, dcterms('subject'), graph).map((s) => (s.termType === 'Literal' ? { label: xmlSafe(s.value), sameAs: [] } : this.named(s)));
    return {
      id, iri: thesis.value, graph: graph.value, title,
      alternatives: this.objects(thesis, dcterms('alternative'), graph).map((o) => xmlSafe(o.value)),
      creators: this.creators(thesis, graph).map((c) => this.named(c)),
      supervisors: supervisors.map((s) => this.named(s)),
      // dcterms:contributor also holds the supervisors (tl:supervisor is its sub-property): only the others here.
      contributors: this.objects(thesis, dcterms('contributor'), graph).filter((c) => !supervisors.some((s) => s.equals(c))).map((c) => this.named(c)),
      publishers: people(dcterms('publisher')),
      grantor: grantor ? this.named(grantor) : undefined,
      issued: this.literal(thesis, dcterms('issued'), graph),
      abstract: this.literal(thesis, dcterms('abstract'), graph),
      languages: iriValues(dcterms('language')).filter((l) => l.startsWith(NS.iso639)).map((l) => l.slice(NS.iso639.length)),
      rights: this.literal(thesis, dcterms('rights'), graph),
      license: iriValues(dcterms('license'))[0],
      doi: this.literal(thesis, bibo('doi'), graph),
      handle: this.literal(thesis, bibo('handle'), graph),
      urls: iriValues(schema('url')),
      degreeText: this.literal(thesis, schema('inSupportOf'), graph),
      degree: degree ? { ...this.named(degree), level: this.literal(degree, schema('educationalLevel')) } : undefined,
      program: this.literal(thesis, tl('program'), graph),
      subjects,
      collection: collection ? this.named(collection) : undefined,
    };
  }

  /** The record graph's quads (the RDF format), each triple once. */
  graphQuads(id: string): Quad[] {
    return this.store.getQuads(null, null, null, this.iris.recordGraph(id));
  }
}
