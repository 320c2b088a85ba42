// The RDF/XML dump: rdflib serialises each record; the bodies are joined inside one rdf:RDF declaring every namespace.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as $rdf from 'rdflib';
import type { Quad, Term } from 'n3';
import { ERR_BUILD } from '../../src/core/errors.ts';
import { NS } from '../../src/core/vocab.ts';
import { DumpFile, type DumpInfo } from './dump-file.ts';

const XSD_STRING = `${NS.xsd}string`;
const RDF_LANG_STRING = `${NS.rdf}langString`;
const RDF_TYPE = `${NS.rdf}type`;

// Characters XML 1.0 cannot carry at all, even escaped: a literal holding one has no RDF/XML form.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** True when every literal of the quads can be written in XML 1.0 (the runner rejects a record that cannot). */
export function xmlSafe(quads: readonly Quad[]): { ok: true } | { ok: false; literal: string } {
  for (const q of quads) {
    if (q.object.termType === 'Literal' && NOT_XML.test(q.object.value)) return { ok: false, literal: q.object.value.slice(0, 60) };
  }
  return { ok: true };
}

// rdflib terms are costly to make (class instances with defined properties). Vocabulary IRIs (predicates,
// classes, datatypes) repeat in every record, so those are cached; the cache is capped in case a corpus
// brings a vocabulary of its own. Other IRIs are made afresh, so memory does not follow the corpus.
const VOCABULARY = new Map<string, $rdf.NamedNode>();
function vocabularySym(iri: string): $rdf.NamedNode {
  let t = VOCABULARY.get(iri);
  if (!t) {
    t = $rdf.sym(iri);
    if (VOCABULARY.size < 10_000) VOCABULARY.set(iri, t);
  }
  return t;
}

function toRdflib(t: Term, vocabulary = false): $rdf.NamedNode | $rdf.BlankNode | $rdf.Literal {
  switch (t.termType) {
    case 'NamedNode': return vocabulary ? vocabularySym(t.value) : $rdf.sym(t.value);
    case 'BlankNode': return $rdf.blankNode(t.value);
    case 'Literal': {
      if (t.language) return $rdf.lit(t.value, t.language);
      const dt = t.datatype.value;
      return dt === XSD_STRING || dt === RDF_LANG_STRING ? $rdf.lit(t.value) : $rdf.lit(t.value, undefined, vocabularySym(dt));
    }
    default: throw ERR_BUILD(`RDF/XML cannot hold a ${t.termType} term`);
  }
}

type RootStats = { roots: Term[]; subjects: Record<string, unknown>; rootsHash: Record<string, boolean>; incoming: Record<string, unknown[]> };
type XmlSerializer = {
  setNamespaces(ns: Record<string, string>): void;
  rootSubjects(sts: unknown[]): RootStats;
  fromStr(s: string): Term;
  statementsToXML(sts: unknown[]): string;
};

/**
 * rdflib's RDF/XML serialiser nests a blank node referenced once as `rdf:parseType="Resource"` around
 * a whole node element, which parses back as different triples (rdflib 2.4.0). We make every blank
 * node a root written with rdf:nodeID instead: flatter, and it round-trips. One serialiser serves the
 * whole dump (making one costs more than serialising a record), so prefixes it makes up stay fixed.
 */
function createXmlSerializer(namespaces: Map<string, string>): XmlSerializer {
  // The serialiser reads only the statements it is given; the store is there for fromNT, so an empty one serves.
  const sz = ($rdf.Serializer as unknown as (s: $rdf.Store) => XmlSerializer)($rdf.graph());
  sz.setNamespaces(Object.fromEntries(namespaces));
  const rootSubjects = sz.rootSubjects.bind(sz);
  sz.rootSubjects = (sts) => {
    const stats = rootSubjects(sts);
    for (const key of Object.keys(stats.subjects)) {
      const node = sz.fromStr(key);
      if (node.termType === 'BlankNode' && !stats.rootsHash[`_:${node.value}`]) {
        stats.roots.push(node);
        stats.rootsHash[`_:${node.value}`] = true;
      }
    }
    for (const [key, from] of Object.entries(stats.incoming)) if (key.startsWith('_:') && from.length === 1) from.push(from[0]);
    return stats;
  };
  return sz;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

const ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<rdf:RDF\b([^>]*)>/;
// A node element with no property (a subject stated only by its type) comes out of rdflib as an open tag, a
// newline and indentation, and a close tag; rdflib's own parser then reads that whitespace as an rdf:value
// literal. Written as an empty element it means what it should. Only node elements (rdf:about, rdf:nodeID)
// are touched: a property element's whitespace content is a literal and stays.
const EMPTY_NODE = /<([A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*)(\s+rdf:(?:about|nodeID)="[^"]*")>\n[ \t]*<\/\1>/g;
const XMLNS = /xmlns:([A-Za-z_][\w.-]*)="([^"]*)"/g;

/**
 * Writes each graph's statements as rdflib serialises them, collecting the namespaces rdflib declares.
 * The bodies go to a side file while records stream; `close()` writes the root element with every
 * namespace up front and copies the bodies after it, so memory never holds more than one record.
 */
export class RdfXmlDump {
  private readonly file: string;
  private readonly body: DumpFile;
  private readonly namespaces: Map<string, string>;
  private readonly serializer: XmlSerializer;

  constructor(file: string, prefixes: Record<string, string>) {
    this.file = file;
    this.body = new DumpFile(`${file}.body`);
    this.namespaces = new Map(Object.entries(prefixes));
    this.serializer = createXmlSerializer(this.namespaces);
  }

  /** Serialises one graph (as triples) and appends its node elements. */
  async write(quads: readonly Quad[]): Promise<void> {
    if (quads.length === 0) return;
    const statements = quads.map((q) => $rdf.st(
      toRdflib(q.subject) as $rdf.NamedNode,
      toRdflib(q.predicate, true) as $rdf.NamedNode,
      toRdflib(q.object, q.predicate.value === RDF_TYPE),
    ));
    const xml = this.serializer.statementsToXML(statements);
    const root = ROOT.exec(xml);
    const end = xml.lastIndexOf('</rdf:RDF>');
    if (!root || end < 0) throw ERR_BUILD('rdflib RDF/XML has no rdf:RDF root element');
    for (const [, prefix, uri] of root[1]!.matchAll(XMLNS)) {
      const known = this.namespaces.get(prefix!);
      if (known === undefined) this.namespaces.set(prefix!, uri!);
      else if (known !== uri) throw ERR_BUILD(`rdflib bound prefix ${prefix} to ${uri}, already bound to ${known}`);
    }
    // A raw CR inside text would be normalised away by any XML parser; the character reference keeps it.
    const body = xml.slice(root[0].length, end).replace(/^\n+|\s+$/g, '').replace(EMPTY_NODE, '<$1$2/>');
    await this.body.write(`${body.replace(/\r/g, '&#13;')}\n`);
  }

  /** Abandons the dump after a failed build. */
  destroy(): void {
    this.body.destroy();
  }

  /** Writes the final document (header with all namespaces, then the bodies) and removes the side file. */
  async close(): Promise<DumpInfo> {
    await this.body.close();
    const out = new DumpFile(this.file);
    const decls = [...this.namespaces].map(([p, uri]) => `\n xmlns:${p}="${escapeAttr(uri)}"`).join('');
    await out.write(`<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${decls}>\n`);
    for await (const chunk of createReadStream(this.body.file)) await out.write(chunk as Buffer);
    await out.write('</rdf:RDF>\n');
    const info = await out.close();
    await rm(this.body.file, { force: true });
    return info;
  }
}
