// The one safe reader of untrusted XML (oai_dc ingest, the harvest client): refuse any DOCTYPE, check well-formedness, parse to a small element tree.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ERR_INPUT_SYNTAX, ERR_INPUT_UNSAFE_XML, type ThesisLodError } from './errors.ts';

/** What maps a text offset to its 1-based line (pipeline/ingest/source-text.ts LineIndex is one). */
export interface LineLookup {
  lineAt(offset: number): number;
}

/** An element: local name (prefix dropped), attributes, child elements, text (entities decoded), offsets. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Offsets of the element in the text: [start, end). */
  start: number;
  end: number;
}

// OAI-PMH never needs a DOCTYPE, and every entity attack (external entities, "billion laughs") needs one:
// refusing it before parsing means nothing is ever fetched or expanded. <!ENTITY is refused for good measure.
const UNSAFE = /<!\s*(DOCTYPE|ENTITY)/i;

/** ERR_INPUT_UNSAFE_XML (with its line) when the text declares a DOCTYPE or an entity. */
export function findUnsafeMarkup(text: string, lines: LineLookup): ThesisLodError | undefined {
  const m = UNSAFE.exec(text);
  if (!m) return undefined;
  return ERR_INPUT_UNSAFE_XML(`<!${m[1]!.toUpperCase()} is not accepted in harvested XML (OAI-PMH needs none; entities could fetch files or expand without bound)`, { line: lines.lineAt(m.index) });
}

/** ERR_INPUT_SYNTAX (with line) when the text is not well-formed XML. */
export function checkWellFormed(text: string): ThesisLodError | undefined {
  const result = XMLValidator.validate(text);
  if (result === true) return undefined;
  return ERR_INPUT_SYNTAX(`not well-formed XML: ${result.err.msg}`, { line: result.err.line });
}

// Entities are left alone by the parser (processEntities: false) and decoded here: with no DOCTYPE, only
// the five predefined ones and character references exist.
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const parser = new XMLParser({
  preserveOrder: true, captureMetaData: true, ignoreAttributes: false, attributeNamePrefix: '',
  removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, processEntities: false,
  trimValues: false, ignoreDeclaration: true, ignorePiTags: true, cdataPropName: '__cdata',
  commentPropName: false,
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type OrderedNode = Record<string | symbol, unknown>;

function toElements(nodes: OrderedNode[]): { elements: XmlElement[]; text: string } {
  const elements: XmlElement[] = [];
  let text = '';
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@')!;
    const content = node[name];
    if (name === '#text') { text += decodeEntities(String(content)); continue; }
    if (name === '__cdata') { text += (content as OrderedNode[]).map((c) => String(c['#text'] ?? '')).join(''); continue; }
    const inner = toElements((content as OrderedNode[]) ?? []);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((node[':@'] as Record<string, unknown>) ?? {})) attrs[k] = decodeEntities(String(v));
    const meta = node[META] as { startIndex: number; endIndex: number } | undefined;
    elements.push({ name, attrs, children: inner.elements, text: inner.text, start: meta?.startIndex ?? 0, end: meta?.endIndex ?? 0 });
  }
  return { elements, text };
}

/** Parses text already checked by findUnsafeMarkup and checkWellFormed; returns the top-level elements. */
export function parseXml(text: string): XmlElement[] {
  return toElements(parser.parse(text) as OrderedNode[]).elements;
}

/** The first child element with a local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child element with a local name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/**
 * Reads untrusted XML in one call: refuses a DOCTYPE or entity declaration (ERR_INPUT_UNSAFE_XML), then malformed
 * text (ERR_INPUT_SYNTAX, with its line), and returns the top-level elements. Throws the ThesisLodError.
 */
export function readXml(text: string): XmlElement[] {
  const unsafe = findUnsafeMarkup(text, { lineAt: (offset) => text.slice(0, offset).split('\n').length });
  if (unsafe) throw unsafe;
  const syntax = checkWellFormed(text);
  if (syntax) throw syntax;
  try {
    return parseXml(text);
  } catch (err) {
    throw ERR_INPUT_SYNTAX(`the XML parser failed: ${(err as Error).message}`, {}, err);
  }
}
