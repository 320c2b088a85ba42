// Store generations: a load writes every graph under a generation's prefix, and one record in the store's control graph names the generation served.
import { DataFactory, type NamedNode } from 'n3';

const { namedNode } = DataFactory;

/** Every IRI here is the store's own, never published: the prefix marks them apart from the dataset's IRIs. */
const OWN = 'urn:x-thesis-lod:';
/** Where the store says which generation it serves (not a member of any generation: queries never see it). */
export const CONTROL_GRAPH = `${OWN}control`;
/** The subject of the record: one per store. */
export const STORE_NODE = `${OWN}store`;
/** Predicates of the record. */
export const CONTROL = {
  current: `${OWN}current`,
  triples: `${OWN}triples`,
  quads: `${OWN}quads`,
  graphs: `${OWN}graphs`,
  loaded: `${OWN}loaded`,
} as const;
/** Every generation's graphs start with this. */
export const GENERATIONS_PREFIX = `${OWN}gen:`;

/** What the control graph says about the generation served. */
export interface GenerationRecord {
  id: string;
  /** Distinct triples of the union, quads of the dump, named graphs: counted by load once verified. */
  triples: number;
  quads: number;
  graphs: number;
  loaded: string;
}

/** One generation's naming: its graphs are the dataset's graph IRIs under its prefix, and its group is their union. */
export class Generation {
  readonly prefix: string;
  /** A Virtuoso graph group of every graph of the generation: `FROM <group>` is the default graph of our data only. */
  readonly group: string;

  constructor(readonly id: string) {
    if (!/^[A-Za-z0-9-]+$/.test(id)) throw new Error(`generation id ${JSON.stringify(id)} must be letters, digits and '-'`);
    this.prefix = `${GENERATIONS_PREFIX}${id}:`;
    this.group = `${GENERATIONS_PREFIX}${id}`;
  }

  /** The store's name of a dataset graph in this generation. */
  graph(publicGraph: string): NamedNode {
    return namedNode(this.prefix + publicGraph);
  }

  /** The dataset's name of one of this generation's graphs, or undefined for any other IRI. */
  publicName(storeGraph: string): string | undefined {
    return storeGraph.startsWith(this.prefix) ? storeGraph.slice(this.prefix.length) : undefined;
  }
}

/** Strips any generation prefix from an IRI the store answered with (a graph name bound in a result). */
export function publicIri(iri: string): string {
  if (!iri.startsWith(GENERATIONS_PREFIX)) return iri;
  const rest = iri.slice(GENERATIONS_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? iri : rest.slice(colon + 1);
}

/** A new generation id: sortable by time, unique enough for loads that never run at once on one store. */
export function newGenerationId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:.TZ]/g, '').slice(0, 17)}-${Math.random().toString(36).slice(2, 6)}`;
}
