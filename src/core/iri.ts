// The one IRI-minting module: every IRI the dataset and the server use is made (and parsed back) here.
import { DataFactory, type NamedNode } from 'n3';
import { BASE_EXTENSIONS, splitExtension, type BaseExtension, type FormatExtension } from './formats.ts';

const { namedNode } = DataFactory;

/** Kinds of thing with a `B id/{kind}/{id}` IRI and a `B doc/{kind}/{id}` document. */
export const THING_KINDS = [
  'thesis', 'person', 'organization', 'place', 'event', 'concept',
  'collection', 'degree', 'annotation', 'abstract', 'source',
] as const;
export type ThingKind = (typeof THING_KINDS)[number];

/** Kinds the authority file may hold. */
export const ENTITY_KINDS = ['person', 'organization', 'place', 'event', 'concept'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Representations every document is offered in, by file extension (the page and the RDF syntaxes of src/core/formats.ts). */
export const DOC_EXTENSIONS: readonly BaseExtension[] = BASE_EXTENSIONS;
/** Any document format's extension: those and, for a thesis, the citation formats (src/core/formats.ts). */
export type DocExtension = FormatExtension;

/** Dump file names under `B dumps/`. */
export const DUMP_EXTENSIONS = ['ttl', 'nt', 'nq', 'jsonld', 'rdf'] as const;

// Ids are the repository's or the authority file's own (1.0449833, faw); anything else is refused
// so that an IRI never needs escaping and a path segment maps back to exactly one id.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/** True when a string can serve as an id segment of our IRIs. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id) && !id.includes('..');
}

function checkId(id: string): string {
  if (!isValidId(id)) throw new TypeError(`Not a valid id for an IRI: ${JSON.stringify(id)}`);
  return id;
}

/** Mints and parses every IRI of a deployment, all relative to its BASE_URI. */
export class Iris {
  readonly base: string;

  constructor(base: string) {
    if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(base)) throw new TypeError(`BASE_URI must be an http(s) IRI ending in "/": ${base}`);
    this.base = base;
  }

  /** `B id/`: the URI space every thing of ours lives in (VoID uriSpace; what counts as one of our entities). */
  idSpace(): string { return `${this.base}id/`; }

  /** `B id/{kind}/{id}`: the thing itself (answers 303 to its document). */
  thing(kind: ThingKind, id: string): NamedNode {
    return namedNode(`${this.base}id/${kind}/${checkId(id)}`);
  }

  thesis(itemId: string): NamedNode { return this.thing('thesis', itemId); }
  entity(kind: EntityKind, id: string): NamedNode { return this.thing(kind, id); }
  abstract(itemId: string): NamedNode { return this.thing('abstract', itemId); }

  /** A person named on a record but absent from the authority file: scoped to that record and role. */
  recordPerson(itemId: string, role: 'creator' | 'supervisor' | 'contributor', position: number): NamedNode {
    return this.thing('person', `${checkId(itemId)}-${role}-${position}`);
  }

  /** An organisation named on a record (publisher, grantor, provider, affiliation) but absent from the authority file: scoped like recordPerson. */
  recordOrganization(itemId: string, role: 'publisher' | 'grantor' | 'provider' | 'affiliation', position: number): NamedNode {
    return this.thing('organization', `${checkId(itemId)}-${role}-${position}`);
  }

  /** A mention in an abstract, identified by its code-point span so the IRI keeps its meaning across builds. */
  annotation(itemId: string, start: number, end: number): NamedNode {
    return this.thing('annotation', `${checkId(itemId)}-${start}-${end}`);
  }

  /** A node inside an annotation (its SpecificResource target, its quote and position selectors): a hash IRI on the annotation, so no blank nodes. */
  annotationPart(itemId: string, start: number, end: number, part: 'target' | 'quote' | 'position'): NamedNode {
    return namedNode(`${this.annotation(itemId, start, end).value}#${part}`);
  }

  /** A software agent of the build (the `linker`), described in the dataset description: `B dataset#{name}`. */
  agent(name: string): NamedNode { return this.datasetPart(name); }

  collection(id: string): NamedNode { return this.thing('collection', id); }
  degree(id: string): NamedNode { return this.thing('degree', id); }

  /** A degree or collection a record names but the authority file does not list: scoped to the record (`B id/degree/{itemId}-degree`), never minted from its label. */
  recordDegree(itemId: string): NamedNode { return this.thing('degree', `${checkId(itemId)}-degree`); }
  recordCollection(itemId: string): NamedNode { return this.thing('collection', `${checkId(itemId)}-collection`); }

  /** `B id/source/{itemId}`: the harvested source record a record graph was derived from (described in that graph). */
  source(itemId: string): NamedNode { return this.thing('source', itemId); }

  /** `B graph/thesis/{itemId}`: the named graph holding one record. */
  recordGraph(itemId: string): NamedNode { return namedNode(`${this.base}graph/thesis/${checkId(itemId)}`); }
  /** Named graphs for what is not a record: `authority`, `ontology`, `dataset`. */
  graph(name: 'authority' | 'ontology' | 'dataset'): NamedNode { return namedNode(`${this.base}graph/${name}`); }

  /** `B doc/{kind}/{id}[.ext]`: the document about a thing, negotiated or in one format. */
  doc(kind: ThingKind, id: string, ext?: DocExtension): NamedNode {
    return namedNode(`${this.base}doc/${kind}/${checkId(id)}${ext ? `.${ext}` : ''}`);
  }

  /** The dataset description document, and the dataset itself as a hash IRI on it. */
  datasetDoc(ext?: DocExtension): NamedNode { return namedNode(`${this.base}dataset${ext ? `.${ext}` : ''}`); }
  dataset(): NamedNode { return namedNode(`${this.base}dataset#dataset`); }
  /** A part of the dataset description (a distribution, a class partition): `B dataset#{fragment}`. */
  datasetPart(fragment: string): NamedNode { return namedNode(`${this.base}dataset#${checkId(fragment)}`); }

  ontology(): NamedNode { return namedNode(`${this.base}ontology`); }
  /** The ontology document in one format (`B ontology.ttl`); without ext it is the ontology IRI itself. */
  ontologyDoc(ext?: DocExtension): NamedNode { return namedNode(`${this.base}ontology${ext ? `.${ext}` : ''}`); }
  ontologyTerm(local: string): NamedNode { return namedNode(`${this.base}ontology#${checkId(local)}`); }

  sparql(): NamedNode { return namedNode(`${this.base}sparql`); }
  oai(): NamedNode { return namedNode(`${this.base}oai`); }
  dump(ext: (typeof DUMP_EXTENSIONS)[number]): NamedNode { return namedNode(`${this.base}dumps/dataset.${ext}`); }
  sitemap(): NamedNode { return namedNode(`${this.base}sitemap.xml`); }
  /** A gzip variant of a dump (`B dumps/dataset.nq.gz`). */
  dumpGzip(ext: (typeof DUMP_EXTENSIONS)[number]): NamedNode { return namedNode(`${this.base}dumps/dataset.${ext}.gz`); }
  /** The index of the dumps. */
  dumps(): NamedNode { return namedNode(`${this.base}dumps/`); }
  /** The change feed (an OrderedCollection), its pages (1 the oldest), and one activity (a fragment of the feed). */
  changes(): NamedNode { return namedNode(`${this.base}changes`); }
  changesPage(n: number): NamedNode { return namedNode(`${this.base}changes/page/${n}`); }
  changeActivity(type: string, itemId: string, time: string): NamedNode { return namedNode(`${this.base}changes#${type.toLowerCase()}-${checkId(itemId)}-${time}`); }
  home(): NamedNode { return namedNode(this.base); }

  /** Reads a named-graph IRI back: `{record: itemId}` for `B graph/thesis/{itemId}`, `{name}` for the others, else undefined. */
  parseGraph(iri: string): { record: string } | { name: 'authority' | 'ontology' | 'dataset' } | undefined {
    if (!iri.startsWith(`${this.base}graph/`)) return undefined;
    const rest = iri.slice(this.base.length + 'graph/'.length);
    const record = /^thesis\/([^/?#]+)$/.exec(rest);
    if (record) return isValidId(record[1]!) ? { record: record[1]! } : undefined;
    const name = (['authority', 'ontology', 'dataset'] as const).find((n) => n === rest);
    return name ? { name } : undefined;
  }

  /** Reads `{kind, id}` back from a thing or document IRI of this base, or undefined when it is not one. */
  parse(iri: string): { space: 'id' | 'doc'; kind: ThingKind; id: string; ext?: DocExtension } | undefined {
    if (!iri.startsWith(this.base)) return undefined;
    return parsePath(iri.slice(this.base.length));
  }
}

// Ids minted by Iris for one record: `{itemId}-{role}-{n}` (people, organisations), `{itemId}-degree`, `{itemId}-collection`,
// `{itemId}-{start}-{end}` (annotations); abstract and source ids are the itemId itself.
const RECORD_SCOPED: Partial<Record<ThingKind, RegExp>> = {
  person: /^(.+)-(?:creator|supervisor|contributor)-\d+$/,
  organization: /^(.+)-(?:publisher|grantor|provider|affiliation)-\d+$/,
  degree: /^(.+)-degree$/,
  collection: /^(.+)-collection$/,
  annotation: /^(.+)-\d+-\d+$/,
  abstract: /^(.+)$/,
  source: /^(.+)$/,
  thesis: /^(.+)$/,
};

/**
 * The itemId of the record a thing belongs to, read from its id (`annotation`, `1.0449833-41-49` → `1.0449833`), or
 * undefined for a thing not scoped to a record (authority entities, places). A shape only: the caller checks the record.
 */
export function recordOf(kind: ThingKind, id: string): string | undefined {
  const m = RECORD_SCOPED[kind]?.exec(id);
  return m && isValidId(m[1]!) ? m[1] : undefined;
}

/** Parses a base-relative path `id/{kind}/{id}` or `doc/{kind}/{id}[.ext]`; only known extensions are stripped, since ids contain dots. */
export function parsePath(path: string): { space: 'id' | 'doc'; kind: ThingKind; id: string; ext?: DocExtension } | undefined {
  const m = /^(id|doc)\/([a-z]+)\/([^/?#]+)$/.exec(path);
  if (!m) return undefined;
  const [, space, kind, rest] = m as unknown as [string, 'id' | 'doc', string, string];
  if (!(THING_KINDS as readonly string[]).includes(kind)) return undefined;
  let id = rest;
  let ext: DocExtension | undefined;
  if (space === 'doc') {
    // The longest known suffix (`.csl.json` before `.json`); ids contain dots, so nothing else is stripped.
    const split = splitExtension(rest);
    if (split.format && (!('kinds' in split.format) || (split.format.kinds as readonly string[]).includes(kind))) {
      ext = split.format.extension;
      id = split.id;
    }
  }
  if (!isValidId(id)) return undefined;
  return { space, kind: kind as ThingKind, id, ext };
}

/** The OAI-PMH identifier of a thesis: `oai:{repositoryId}:{itemId}` (the oai-identifier scheme; repositoryId from OAI_REPOSITORY_ID). */
export function oaiIdentifier(repositoryId: string, itemId: string): string {
  return `oai:${repositoryId}:${checkId(itemId)}`;
}

/** The item id an OAI-PMH identifier of this repository names, or undefined for any other identifier. */
export function parseOaiIdentifier(repositoryId: string, identifier: string): string | undefined {
  const prefix = `oai:${repositoryId}:`;
  if (!identifier.startsWith(prefix)) return undefined;
  const id = identifier.slice(prefix.length);
  return isValidId(id) ? id : undefined;
}
