// The metadata formats, one table keyed by metadataPrefix (ListMetadataFormats, GetRecord and the lists all read it).
import { DataFactory, type Quad } from 'n3';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { writeRdfXml } from '../resource/rdfxml.ts';
import { writeEtdms, ETDMS_NS } from './format-etdms.ts';
import { MARC_NS, writeMarc21 } from './format-marc21.ts';
import { OAI_DC_NS, writeOaiDc } from './format-oai-dc.ts';
import type { ThesisFacts } from './thesis-facts.ts';
import { xmlSafe } from './xml-text.ts';

/** What a format's writer is handed beside the facts. */
export interface FormatContext {
  datestamp: string;
  /** Our HTML page of the thesis (MARC 856 4 2). */
  page: string;
  base: string;
  /** The record graph's quads (the RDF format). */
  quads: () => Quad[];
}

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  write(parent: XMLBuilder, facts: ThesisFacts, ctx: FormatContext): void;
}

// A literal XML 1.0 cannot hold (a control character) is written with U+FFFD in its place.
function safeQuads(quads: Quad[]): Quad[] {
  return quads.map((q) => {
    if (q.object.termType !== 'Literal' || xmlSafe(q.object.value) === q.object.value) return q;
    const o = q.object;
    const literal = DataFactory.literal(xmlSafe(o.value), o.language || o.datatype);
    return DataFactory.quad(q.subject, q.predicate, literal, q.graph);
  });
}

/** The record's graph as RDF/XML (the project's writer), placed under `parent` as an element. */
function writeRdf(parent: XMLBuilder, _facts: ThesisFacts, ctx: FormatContext): void {
  parent.import(create(writeRdfXml(safeQuads(ctx.quads()), ctx.base)).root());
}

export const FORMATS: readonly MetadataFormat[] = [
  { prefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: OAI_DC_NS, write: writeOaiDc },
  { prefix: 'etdms', schema: 'http://www.ndltd.org/standards/metadata/etdms/1.0/etdms.xsd', namespace: ETDMS_NS, write: writeEtdms },
  { prefix: 'marc21', schema: 'http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd', namespace: MARC_NS, write: writeMarc21 },
  { prefix: 'rdf', schema: 'http://www.openarchives.org/OAI/2.0/rdf.xsd', namespace: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', write: writeRdf },
];

/** The format of a metadataPrefix, if we disseminate it. */
export function formatOf(prefix: string): MetadataFormat | undefined {
  return FORMATS.find((f) => f.prefix === prefix);
}
