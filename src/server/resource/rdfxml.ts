// RDF/XML writer: one flat rdf:Description per subject, written as xmlbuilder2 writes it (which stays the reference, and writes an empty graph).
import { create } from 'xmlbuilder2';
import type { Quad, Term } from 'n3';
import { NS, prefixes } from '../../core/vocab.ts';

const RDF = NS.rdf;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
// An ASCII NCName: what a property element's local name must be.
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// Why not rdflib's serializer: rdflib 2.4 writes a node with only a type as a typed element holding whitespace, which
// rdflib's own parser then reads as an rdf:value literal, and nests blank nodes as parseType="Resource" even in cycles.
// A flat form (subjects side by side, blank nodes by rdf:nodeID) is valid RDF/XML every parser reads the same way.

/** Splits a predicate IRI into namespace and local name, preferring our prefixes; undefined when no split is an NCName. */
function split(iri: string, known: Record<string, string>): { ns: string; local: string; prefix?: string } | undefined {
  for (const [prefix, ns] of Object.entries(known)) {
    if (iri.startsWith(ns) && NCNAME.test(iri.slice(ns.length))) return { ns, local: iri.slice(ns.length), prefix };
  }
  const m = /^(.*[#/])([A-Za-z_][A-Za-z0-9_.-]*)$/.exec(iri);
  return m ? { ns: m[1]!, local: m[2]! } : undefined;
}

/** A blank node label as an rdf:nodeID (an NCName). */
function nodeId(t: Term): string {
  return `b${t.value.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** The namespaces a document's predicates need, each once with its prefix (rdf first, then in order of first use), and each predicate's element name. */
function namespacesOf(quads: readonly Quad[], base: string): { namespaces: Map<string, string>; nameOf: (iri: string) => string } {
  const known = prefixes(base);
  const namespaces = new Map<string, string>([[RDF, 'rdf']]);
  const names = new Map<string, string>();
  const nameOf = (iri: string): string => {
    let name = names.get(iri);
    if (name !== undefined) return name;
    const parts = split(iri, known);
    if (!parts) throw new TypeError(`cannot write predicate <${iri}> in RDF/XML: no XML name can end it`);
    if (!namespaces.has(parts.ns)) {
      const taken = new Set(namespaces.values());
      let prefix = parts.prefix && !taken.has(parts.prefix) ? parts.prefix : `ns${namespaces.size}`;
      while (taken.has(prefix)) prefix = `${prefix}_`;
      namespaces.set(parts.ns, prefix);
    }
    name = `${namespaces.get(parts.ns)}:${parts.local}`;
    names.set(iri, name);
    return name;
  };
  for (const q of quads) nameOf(q.predicate.value);
  return { namespaces, nameOf };
}

/** Writes triples as RDF/XML (graph names ignored). Throws when a predicate cannot be written as an XML name. */
export function writeRdfXml(quads: readonly Quad[], base: string): string {
  const { namespaces, nameOf } = namespacesOf(quads, base);
  // An empty graph is a childless root, which the XML library writes as it writes one.
  if (quads.length === 0) return writeWithXmlBuilder(quads, namespaces, nameOf);
  const bySubject = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const entry = bySubject.get(key);
    if (entry) entry.quads.push(q);
    else bySubject.set(key, { subject: q.subject, quads: [q] });
  }
  // Written as the XML library (xmlbuilder2, pretty-printed) writes this flat shape, escaping as it does.
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="${attribute(RDF)}"`;
  for (const [ns, prefix] of namespaces) if (prefix !== 'rdf') out += ` xmlns:${prefix}="${attribute(ns)}"`;
  out += '>\n';
  for (const { subject, quads: list } of bySubject.values()) {
    out += subject.termType === 'BlankNode' ? `  <rdf:Description rdf:nodeID="${attribute(nodeId(subject))}">\n` : `  <rdf:Description rdf:about="${attribute(subject.value)}">\n`;
    for (const q of list) {
      const name = nameOf(q.predicate.value);
      const o = q.object;
      if (o.termType === 'NamedNode') out += `    <${name} rdf:resource="${attribute(o.value)}"/>\n`;
      else if (o.termType === 'BlankNode') out += `    <${name} rdf:nodeID="${attribute(nodeId(o))}"/>\n`;
      else if (o.termType === 'Literal') {
        const dt = o.datatype.value;
        const atts = o.language ? ` xml:lang="${attribute(o.language)}"` : dt !== `${NS.xsd}string` ? ` rdf:datatype="${attribute(dt)}"` : '';
        out += o.value === '' ? `    <${name}${atts}/>\n` : `    <${name}${atts}>${text(o.value)}</${name}>\n`;
      } else out += `    <${name}/>\n`;
    }
    out += '  </rdf:Description>\n';
  }
  return `${out}</rdf:RDF>\n`;
}

// Every `&` is escaped: xmlbuilder2 (wellFormed off) left one that already started an entity reference, so a literal
// "&amp;" was read back as "&"; a literal is published as it is, ampersands included.
const LOOSE_AMPERSAND = /&/g;
const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"]/;

function text(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(LOOSE_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : value;
}

function attribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(LOOSE_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : value;
}

/** The same document through xmlbuilder2 (escaping and namespaces are the library's job): the reference the direct writer follows. */
export function writeRdfXmlWithXmlBuilder(quads: readonly Quad[], base: string): string {
  const { namespaces, nameOf } = namespacesOf(quads, base);
  return writeWithXmlBuilder(quads, namespaces, nameOf);
}

function writeWithXmlBuilder(quads: readonly Quad[], namespaces: Map<string, string>, nameOf: (iri: string) => string): string {
  const bySubject = new Map<string, { subject: Term; quads: Quad[] }>();
  for (const q of quads) {
    const key = `${q.subject.termType}:${q.subject.value}`;
    const entry = bySubject.get(key) ?? { subject: q.subject, quads: [] };
    entry.quads.push(q);
    bySubject.set(key, entry);
  }
  const nsOfPrefix = new Map([...namespaces].map(([ns, p]) => [p, ns]));
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(RDF, 'rdf:RDF');
  for (const [ns, prefix] of namespaces) if (prefix !== 'rdf') root.att(XMLNS, `xmlns:${prefix}`, ns);
  for (const { subject, quads: list } of bySubject.values()) {
    const desc = root.ele(RDF, 'rdf:Description');
    if (subject.termType === 'BlankNode') desc.att(RDF, 'rdf:nodeID', nodeId(subject));
    else desc.att(RDF, 'rdf:about', subject.value);
    for (const q of list) {
      const name = nameOf(q.predicate.value);
      const prop = desc.ele(nsOfPrefix.get(name.split(':')[0]!)!, name);
      const o = q.object;
      if (o.termType === 'NamedNode') prop.att(RDF, 'rdf:resource', o.value);
      else if (o.termType === 'BlankNode') prop.att(RDF, 'rdf:nodeID', nodeId(o));
      else if (o.termType === 'Literal') {
        if (o.language) prop.att(XML_NS, 'xml:lang', o.language);
        else if (o.datatype.value !== `${NS.xsd}string`) prop.att(RDF, 'rdf:datatype', o.datatype.value);
        prop.txt(o.value);
      }
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
