// The JSON-LD 1.1 context of our data, made from src/core/vocab.ts for a deployment base (our `tl:` namespace depends on it).
import { readFileSync } from 'node:fs';
import { prefixes } from './vocab.ts';

type TermDefinition = string | { '@id': string; '@type'?: string; '@container'?: '@list' | '@set' | '@language' };
export type JsonLdContextObject = Record<string, TermDefinition | number>;

// One short term per IRI (compaction picks the term whose definition matches the value; a value of another
// datatype than the term's falls back to the prefixed name, so nothing is lost). Where dcterms and schema.org
// say the same thing, the dcterms property gets the bare term and schema.org's keeps its prefix, except for
// schema.org-only names. Dates are typed at their usual precision; IRIs are `@type: @id`.
const TERMS: Record<string, TermDefinition> = {
  id: '@id',
  type: '@type',
  // classes
  Thesis: 'schema:Thesis',
  Person: 'schema:Person',
  Organization: 'schema:Organization',
  Place: 'schema:Place',
  Event: 'schema:Event',
  Collection: 'dcmitype:Collection',
  Abstract: 'tl:Abstract',
  Concept: 'skos:Concept',
  Annotation: 'oa:Annotation',
  SpecificResource: 'oa:SpecificResource',
  TextQuoteSelector: 'oa:TextQuoteSelector',
  TextPositionSelector: 'oa:TextPositionSelector',
  // the thesis
  identifier: 'dcterms:identifier',
  title: 'dcterms:title',
  name: 'schema:name',
  alternative: 'dcterms:alternative',
  alternateName: 'schema:alternateName',
  creator: { '@id': 'dcterms:creator', '@type': '@id' },
  author: { '@id': 'schema:author', '@type': '@id' },
  authorList: { '@id': 'bibo:authorList', '@type': '@id', '@container': '@list' },
  supervisor: { '@id': 'tl:supervisor', '@type': '@id' },
  contributor: { '@id': 'dcterms:contributor', '@type': '@id' },
  publisher: { '@id': 'dcterms:publisher', '@type': '@id' },
  degreeGrantor: { '@id': 'tl:degreeGrantor', '@type': '@id' },
  provider: { '@id': 'tl:provider', '@type': '@id' },
  sourceOrganization: { '@id': 'schema:sourceOrganization', '@type': '@id' },
  issued: { '@id': 'dcterms:issued', '@type': 'xsd:gYear' },
  datePublished: { '@id': 'schema:datePublished', '@type': 'xsd:gYear' },
  available: { '@id': 'dcterms:available', '@type': 'xsd:date' },
  graduationDate: { '@id': 'tl:graduationDate', '@type': 'xsd:gYearMonth' },
  language: { '@id': 'dcterms:language', '@type': '@id' },
  inLanguage: 'schema:inLanguage',
  rights: 'dcterms:rights',
  license: { '@id': 'dcterms:license', '@type': '@id' },
  abstract: 'dcterms:abstract',
  hasAbstract: { '@id': 'tl:hasAbstract', '@type': '@id' },
  text: 'schema:text',
  description: 'dcterms:description',
  doi: 'bibo:doi',
  handle: 'bibo:handle',
  sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
  url: { '@id': 'schema:url', '@type': '@id' },
  inSupportOf: 'schema:inSupportOf',
  degree: { '@id': 'bibo:degree', '@type': '@id' },
  program: 'tl:program',
  campus: 'tl:campus',
  scholarlyLevel: 'tl:scholarlyLevel',
  aggregatedSourceRepository: 'tl:aggregatedSourceRepository',
  genre: 'schema:genre',
  isPartOf: { '@id': 'dcterms:isPartOf', '@type': '@id' },
  subject: { '@id': 'dcterms:subject', '@type': '@id' },
  about: { '@id': 'schema:about', '@type': '@id' },
  mentions: { '@id': 'schema:mentions', '@type': '@id' },
  wasDerivedFrom: { '@id': 'prov:wasDerivedFrom', '@type': '@id' },
  // people
  familyName: 'schema:familyName',
  givenName: 'schema:givenName',
  // entities and concepts
  label: 'rdfs:label',
  prefLabel: 'skos:prefLabel',
  altLabel: 'skos:altLabel',
  exactMatch: { '@id': 'skos:exactMatch', '@type': '@id' },
  // annotations (types as the Web Annotation vocabulary's own context gives them)
  hasBody: { '@id': 'oa:hasBody', '@type': '@id' },
  hasTarget: { '@id': 'oa:hasTarget', '@type': '@id' },
  hasSource: { '@id': 'oa:hasSource', '@type': '@id' },
  hasSelector: { '@id': 'oa:hasSelector', '@type': '@id' },
  motivatedBy: { '@id': 'oa:motivatedBy', '@type': '@id' },
  exact: 'oa:exact',
  prefix: 'oa:prefix',
  suffix: 'oa:suffix',
  start: { '@id': 'oa:start', '@type': 'xsd:nonNegativeInteger' },
  end: { '@id': 'oa:end', '@type': 'xsd:nonNegativeInteger' },
};

/**
 * The context for a base: `@version` 1.1, every prefix of vocab.ts (ours, `tl`, at `B ontology#`), then the
 * terms. ontology/context.jsonld is this for the default base; a test keeps the two in step.
 */
export function jsonldContext(base: string): JsonLdContextObject {
  return { '@version': 1.1, ...prefixes(base), ...TERMS };
}

/** The default base the context file in ontology/ is rendered for (DESIGN.md: http://localhost:$PORT/, PORT 8080). */
export const DEFAULT_CONTEXT_BASE = 'http://localhost:8080/';

/** The text of ontology/context.jsonld: `{"@context": …}` for the default base, two-space indented, newline-terminated. */
export function renderContextFile(base: string = DEFAULT_CONTEXT_BASE): string {
  return `${JSON.stringify({ '@context': jsonldContext(base) }, null, 2)}\n`;
}

/** Reads a context file back (used by the test that keeps ontology/context.jsonld in step with this module). */
export function readContextFile(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
