// The one vocabulary module: every namespace and prefix the writers, the JSON-LD context, SPARQL and the views use.
import { DataFactory, type NamedNode } from 'n3';

const { namedNode } = DataFactory;

/** Standard namespaces, fixed whatever the deployment's base. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  dcterms: 'http://purl.org/dc/terms/',
  dcmitype: 'http://purl.org/dc/dcmitype/',
  schema: 'http://schema.org/',
  bibo: 'http://purl.org/ontology/bibo/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  prov: 'http://www.w3.org/ns/prov#',
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
  oa: 'http://www.w3.org/ns/oa#',
  sh: 'http://www.w3.org/ns/shacl#',
  sd: 'http://www.w3.org/ns/sparql-service-description#',
  vann: 'http://purl.org/vocab/vann/',
  ubc: 'http://open.library.ubc.ca/terms#',
  vivo: 'http://vivoweb.org/ontology/core#',
  relators: 'http://id.loc.gov/vocabulary/relators/',
  iso639: 'http://id.loc.gov/vocabulary/iso639-2/',
  wd: 'http://www.wikidata.org/entity/',
} as const;

export type Prefix = keyof typeof NS | 'tl';

/** The prefix of our own ontology; its namespace is `BASE ontology#`, so it depends on the deployment. */
export const OWN_PREFIX = 'tl';

/** All prefixes for a deployment base, ours included: what writers, contexts and SPARQL headers declare. */
export function prefixes(base: string): Record<string, string> {
  return { ...NS, [OWN_PREFIX]: ontologyNamespace(base) };
}

/** Our ontology's namespace for a base IRI (hash terms on the ontology document). */
export function ontologyNamespace(base: string): string {
  return `${base}ontology#`;
}

type Namespace = (local: string) => NamedNode;

/** Builds a term factory for a namespace IRI; terms are cached so hot paths make no new objects. */
export function namespace(iri: string): Namespace {
  const cache = new Map<string, NamedNode>();
  return (local: string) => {
    let term = cache.get(local);
    if (!term) {
      term = namedNode(iri + local);
      cache.set(local, term);
    }
    return term;
  };
}

export const rdf = namespace(NS.rdf);
export const rdfs = namespace(NS.rdfs);
export const xsd = namespace(NS.xsd);
export const owl = namespace(NS.owl);
export const dcterms = namespace(NS.dcterms);
export const dcmitype = namespace(NS.dcmitype);
export const schema = namespace(NS.schema);
export const bibo = namespace(NS.bibo);
export const foaf = namespace(NS.foaf);
export const skos = namespace(NS.skos);
export const prov = namespace(NS.prov);
export const voidNs = namespace(NS.void);
export const dcat = namespace(NS.dcat);
export const oa = namespace(NS.oa);
export const sh = namespace(NS.sh);
export const sd = namespace(NS.sd);
export const vann = namespace(NS.vann);
export const ubc = namespace(NS.ubc);
export const vivo = namespace(NS.vivo);
export const relators = namespace(NS.relators);

/** W3C format identifiers (http://www.w3.org/ns/formats/), named by the service description's sd:resultFormat; not a prefix the data uses. */
export const FORMATS_NS = 'http://www.w3.org/ns/formats/';
export const formats = namespace(FORMATS_NS);

/** SPDX terms (checksums of the dumps, as DCAT-AP reads them); stated only by the served dataset description, not a prefix the data uses. */
export const SPDX_NS = 'http://spdx.org/rdf/terms#';
export const spdx = namespace(SPDX_NS);

/** Our own ontology's terms for a deployment base. */
export function own(base: string): Namespace {
  return namespace(ontologyNamespace(base));
}

// Per base: its prefixes in declaration order, and the IRIs shortened so far.
const shortened = new Map<string, { entries: [string, string][]; memo: Map<string, string> }>();

/** Shortens an IRI to prefix:local when a known prefix covers it (for views and messages), else returns it whole. */
export function shorten(iri: string, base: string): string {
  let table = shortened.get(base);
  if (!table) shortened.set(base, (table = { entries: Object.entries(prefixes(base)), memo: new Map() }));
  let short = table.memo.get(iri);
  if (short === undefined) {
    short = iri;
    for (const [prefix, ns] of table.entries) {
      if (iri.startsWith(ns) && /^[A-Za-z_][\w.-]*$/.test(iri.slice(ns.length))) {
        short = `${prefix}:${iri.slice(ns.length)}`;
        break;
      }
    }
    // Pages shorten the same properties and classes over and over; what data IRIs bring stays bounded.
    if (table.memo.size >= 10_000) table.memo.clear();
    table.memo.set(iri, short);
  }
  return short;
}
