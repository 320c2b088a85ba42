// The one RDF/XML writer (the dumps and the documents): each subject a node element (typed when it can be), each statement a property element, blank nodes by rdf:nodeID.
//
// The shape is the flattest RDF/XML there is (RDF 1.1 XML Syntax §2.2–2.10, 2.14): no nesting, no abbreviation beyond a
// typed node element, so every statement reads back as itself. Text and attribute values are escaped for XML 1.0;
// a character XML 1.0 cannot carry at all is refused before (xmlSafe, which the runner calls on every record).
import { createHash } from 'node:crypto';
import type { Quad, Term } from 'n3';
import { ERR_BUILD } from './errors.ts';
import { NS } from './vocab.ts';

const RDF_TYPE = `${NS.rdf}type`;
const RDF_LANG_STRING = `${NS.rdf}langString`;
const XSD_STRING = `${NS.xsd}string`;

// Characters XML 1.0 cannot carry at all, even escaped: a literal or IRI holding one has no RDF/XML form.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
// XML 1.0 (5th edition) NameStartChar and NameChar, without the colon: what a local name or a nodeID may hold.
const START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const CHAR = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = new RegExp(`^[${START}][${CHAR}]*$`, 'u');
// The longest NCName that ends an IRI: where a QName's local part can start.
const LOCAL_TAIL = new RegExp(`[${START}][${CHAR}]*$`, 'u');
// Names RDF/XML reserves: none of them can be a property element, and none a typed node element (RDF/XML §5.1, 7.2.2–7.2.5).
const RESERVED = new Set(['RDF', 'ID', 'about', 'parseType', 'resource', 'nodeID', 'datatype', 'li', 'aboutEach', 'aboutEachPrefix', 'bagID', 'Description'].map((n) => `${NS.rdf}${n}`));
// QNames are looked up for predicates and classes, a vocabulary; capped should a corpus bring one of its own.
const CACHE_LIMIT = 10_000;

/** True when every term of the quads can be written in XML 1.0 and every predicate as an element (the runner rejects a record that cannot). */
export function xmlSafe(quads: readonly Quad[]): { ok: true } | { ok: false; literal?: string; predicate?: string } {
  for (const q of quads) {
    for (const t of [q.subject, q.object]) {
      if (NOT_XML.test(t.value)) return { ok: false, literal: t.value.slice(0, 60) };
    }
    if (!nameable(q.predicate.value)) return { ok: false, predicate: q.predicate.value };
  }
  return { ok: true };
}

const NAMEABLE = new Map<string, boolean>();
// Whether a predicate can be a property element: XML characters only, not a name RDF/XML reserves, and a QName cut.
function nameable(iri: string): boolean {
  let ok = NAMEABLE.get(iri);
  if (ok === undefined) {
    ok = !NOT_XML.test(iri) && !RESERVED.has(iri) && splitQName(iri) !== undefined;
    if (NAMEABLE.size < CACHE_LIMIT) NAMEABLE.set(iri, ok);
  }
  return ok;
}

/** An IRI cut into namespace and local name, the local name an NCName; undefined when no such cut exists. */
export function splitQName(iri: string, namespaces?: ReadonlyMap<string, string>): { namespace: string; local: string } | undefined {
  // A declared namespace wins when the rest is a local name (http://schema.org/x/y stays schema-less otherwise).
  if (namespaces) {
    for (const ns of namespaces.keys()) {
      if (iri.length > ns.length && iri.startsWith(ns) && NCNAME.test(iri.slice(ns.length))) return { namespace: ns, local: iri.slice(ns.length) };
    }
  }
  const tail = LOCAL_TAIL.exec(iri);
  if (!tail || tail.index === 0) return undefined;
  return { namespace: iri.slice(0, tail.index), local: tail[0] };
}

/** The prefix of a namespace no prefix of ours names: `ns` and eight hex digits of its SHA-256, the same in every thread and build. */
export function generatedPrefix(namespace: string): string {
  return `ns${createHash('sha256').update(namespace).digest('hex').slice(0, 8)}`;
}

const TEXT_ESCAPE = /[&<>\r\u0085\u2028]/;
const ATTR_ESCAPE = /[&<>"\t\n\r\u0085\u2028]/;
const ENTITY: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;', '\u0085': '&#133;', '\u2028': '&#8232;',
};
// A raw CR would be normalised away by any XML parser (NEL and LS by those that follow XML 1.1), and `]]>` may not
// stand in text: all are escaped; character references are never normalised.
const text = (s: string) => (TEXT_ESCAPE.test(s) ? s.replace(new RegExp(TEXT_ESCAPE, 'g'), (c) => ENTITY[c]!) : s);
// Attribute values are normalised too (tab, LF and CR become spaces) unless written as references.
const attr = (s: string) => (ATTR_ESCAPE.test(s) ? s.replace(new RegExp(ATTR_ESCAPE, 'g'), (c) => ENTITY[c]!) : s);

/** What one graph's statements become: node elements, and the namespaces beyond ours that their names use. */
export interface RdfXmlFragment {
  xml: string;
  /** [prefix, namespace] pairs the root element must declare besides our prefixes. */
  namespaces: [string, string][];
  /** Our prefixes the names use (a document declares only these; a dump declares all of ours up front). */
  used: string[];
}

/** Writes node elements for graphs; one per thread, with our prefixes (namespace → prefix). */
export class RdfXmlWriter {
  private readonly known: Map<string, string>;
  private readonly qnames = new Map<string, { qname: string; extra?: [string, string] } | null>();

  constructor(prefixes: Record<string, string>) {
    this.known = new Map(Object.entries(prefixes).map(([p, ns]) => [ns, p]));
  }

  // The element name of an IRI, and the namespace declaration it needs if it is not one of ours; null when it has none.
  private qname(iri: string): { qname: string; extra?: [string, string] } | null {
    let found = this.qnames.get(iri);
    if (found !== undefined) return found;
    const split = splitQName(iri, this.known);
    if (!split) {
      found = null;
    } else {
      const prefix = this.known.get(split.namespace);
      if (prefix !== undefined) found = { qname: `${prefix}:${split.local}` };
      else {
        const made = generatedPrefix(split.namespace);
        found = { qname: `${made}:${split.local}`, extra: [made, split.namespace] };
      }
    }
    if (this.qnames.size < CACHE_LIMIT) this.qnames.set(iri, found);
    return found;
  }

  /** The node elements of some triples (graph names ignored), subjects in order of first appearance. */
  write(quads: readonly Quad[]): RdfXmlFragment {
    const bySubject = new Map<string, Quad[]>();
    for (const q of quads) {
      const key = q.subject.termType === 'BlankNode' ? `_:${q.subject.value}` : q.subject.value;
      const list = bySubject.get(key);
      if (list) list.push(q);
      else bySubject.set(key, [q]);
    }
    const extra = new Map<string, string>();
    const used = new Set<string>();
    const use = (name: { qname: string; extra?: [string, string] }) => {
      if (name.extra) extra.set(name.extra[0], name.extra[1]);
      else used.add(name.qname.slice(0, name.qname.indexOf(':')));
      return name.qname;
    };
    const nodeIds = new Map<string, string>();
    let out = '';
    for (const statements of bySubject.values()) {
      const subject = statements[0]!.subject;
      // The first type that has a name (and is not one RDF/XML reserves) names the node element.
      let typed = -1;
      let element = 'rdf:Description';
      for (let i = 0; i < statements.length; i++) {
        const q = statements[i]!;
        if (q.predicate.value !== RDF_TYPE || q.object.termType !== 'NamedNode' || RESERVED.has(q.object.value)) continue;
        const name = this.qname(q.object.value);
        if (name) {
          typed = i;
          element = use(name);
          break;
        }
      }
      out += `  <${element} ${this.identify(subject, 'about', nodeIds)}`;
      if (statements.length === (typed >= 0 ? 1 : 0)) {
        out += '/>\n';
        continue;
      }
      out += '>\n';
      for (let i = 0; i < statements.length; i++) {
        if (i === typed) continue;
        const q = statements[i]!;
        const name = RESERVED.has(q.predicate.value) ? null : this.qname(q.predicate.value);
        if (!name) throw ERR_BUILD(`RDF/XML cannot name the property ${q.predicate.value}`);
        const p = use(name);
        const o = q.object;
        if (o.termType === 'Literal') {
          const lang = o.language ? ` xml:lang="${attr(o.language)}"` : '';
          const dt = o.language || o.datatype.value === XSD_STRING || o.datatype.value === RDF_LANG_STRING ? '' : ` rdf:datatype="${attr(o.datatype.value)}"`;
          out += `    <${p}${lang}${dt}>${text(o.value)}</${p}>\n`;
        } else {
          out += `    <${p} ${this.identify(o, 'resource', nodeIds)}/>\n`;
        }
      }
      out += `  </${element}>\n`;
    }
    return { xml: out, namespaces: [...extra], used: [...used] };
  }

  // `rdf:about`/`rdf:resource` for an IRI, `rdf:nodeID` for a blank node: its label when that is an XML name (the build's
  // canonical labels, n3's `b0_…`), else `b_` and the label's UTF-8 in hex, one id per label within a write.
  private identify(t: Term, attribute: 'about' | 'resource', nodeIds: Map<string, string>): string {
    if (t.termType === 'NamedNode') return `rdf:${attribute}="${attr(t.value)}"`;
    if (t.termType === 'BlankNode') {
      if (NCNAME.test(t.value)) return `rdf:nodeID="${t.value}"`;
      let id = nodeIds.get(t.value);
      if (id === undefined) nodeIds.set(t.value, (id = `b_${Buffer.from(t.value, 'utf8').toString('hex')}`));
      return `rdf:nodeID="${id}"`;
    }
    throw ERR_BUILD(`RDF/XML cannot hold a ${t.termType} term here`);
  }
}

/** The XML declaration and the root's start tag, declaring the namespaces ([prefix, namespace], rdf among them). */
export function rdfXmlRoot(namespaces: readonly (readonly [string, string])[]): string {
  const decls = namespaces.map(([p, uri]) => `\n xmlns:${p}="${attr(uri)}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${decls}>\n`;
}

/** The end of a document rdfXmlRoot began. */
export const RDF_XML_END = '</rdf:RDF>\n';

/** One whole RDF/XML document of some triples (graph names ignored), declaring rdf and only the namespaces its names use. */
export function writeRdfXmlDocument(writer: RdfXmlWriter, prefixes: Record<string, string>, quads: readonly Quad[]): string {
  const fragment = writer.write(quads);
  const used = new Set(['rdf', ...fragment.used]);
  const ours = Object.entries(prefixes).filter(([p]) => used.has(p));
  return rdfXmlRoot([...ours, ...fragment.namespaces.sort(([a], [b]) => (a < b ? -1 : 1))]) + fragment.xml + RDF_XML_END;
}
