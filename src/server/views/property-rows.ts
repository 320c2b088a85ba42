// The property list of a page: equivalent properties with the same values become one row under one human label, in reading order.
import type { Literal, Quad, Term } from 'n3';
import { NS, prefixes } from '../../core/vocab.ts';
import { html, type SafeHtml } from './html.ts';
import { listItems, prefixed, renderTerm, termName, type ViewContext } from './terms.ts';
import { languageName, termComment } from './names.ts';

/**
 * Families of properties that say the same thing in different vocabularies (the mapper writes dcterms and schema.org
 * side by side), best name first, in the order a reader of a thesis record expects: title, authors, supervisors, dates,
 * degree, program, subjects, mentions, publisher, licence, identifiers, then the rest. Only members of one family are
 * merged, and only when their values are identical: a degree grantor that happens to be the publisher stays its own row.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['dcterms:title', 'schema:name', 'foaf:name', 'skos:prefLabel', 'rdfs:label'],
  ['dcterms:alternative', 'schema:alternateName', 'skos:altLabel'],
  ['schema:author', 'dcterms:creator', 'bibo:authorList'],
  ['tl:supervisor'],
  ['dcterms:contributor', 'schema:contributor'],
  ['schema:familyName', 'foaf:familyName'], ['schema:givenName', 'foaf:givenName'],
  ['dcterms:issued', 'schema:datePublished'], ['tl:graduationDate'], ['dcterms:available'],
  ['schema:startDate'], ['schema:endDate'], ['tl:period'],
  ['bibo:degree'], ['schema:inSupportOf'], ['tl:degreeGrantor'], ['tl:program'], ['tl:campus'], ['tl:scholarlyLevel'],
  ['schema:sourceOrganization'], ['schema:affiliation'],
  ['dcterms:subject', 'schema:about'], ['schema:keywords'],
  ['schema:mentions'],
  ['dcterms:abstract', 'schema:abstract', 'dcterms:description', 'schema:description'],
  ['rdf:value', 'schema:text'], ['skos:definition'], ['rdfs:comment'],
  ['schema:location'], ['schema:containedInPlace'], ['schema:parentOrganization'], ['tl:establishedWithHelpFrom'], ['tl:partner'], ['tl:involves'],
  ['skos:broader'], ['skos:narrower'], ['skos:related'], ['skos:inScheme'], ['skos:topConceptOf'], ['skos:hasTopConcept'],
  ['dcterms:publisher', 'schema:publisher'], ['tl:provider'],
  ['dcterms:license', 'schema:license'], ['dcterms:rights'],
  ['dcterms:identifier'], ['bibo:doi'], ['schema:identifier'], ['schema:sameAs', 'owl:sameAs'], ['bibo:handle'], ['schema:url'],
  ['prov:wasDerivedFrom'], ['skos:exactMatch'], ['skos:closeMatch'], ['skos:relatedMatch'],
  ['dcterms:isPartOf', 'schema:isPartOf'],
  ['dcterms:language', 'schema:inLanguage'],
  ['dcterms:type'], ['schema:genre'], ['schema:additionalType'],
  ['tl:hasAbstract'],
];

/**
 * The name of a row that lacks its family's first member: a place's skos:prefLabel and rdfs:label read as its "Name",
 * not as "Preferred label" (the SKOS term stays visible next to it).
 */
const ROW_NAME_FALLBACK: Readonly<Record<string, string>> = {
  'foaf:name': 'schema:name', 'skos:prefLabel': 'schema:name', 'rdfs:label': 'schema:name', 'skos:altLabel': 'schema:alternateName',
};

/**
 * What a cataloguer calls a field of a thesis record where the vocabulary's own label reads otherwise ("in support of",
 * "part of"): the row leads with this name, and the terms stay beside it for readers of the RDF.
 */
const THESIS_FIELD_NAMES: Readonly<Record<string, string>> = {
  'schema:inSupportOf': 'Degree', 'bibo:degree': 'Degree', 'dcterms:isPartOf': 'Collection', 'tl:program': 'Program',
  'prov:wasDerivedFrom': 'Source record', 'schema:sameAs': 'Persistent link', 'dcterms:type': 'Resource type',
};

const familiesByBase = new Map<string, string[][]>();

/** Expands `prefix:local` for a deployment (ours, `tl:`, depend on the base). */
function expand(base: string, name: string): string {
  const [prefix, local] = name.split(':') as [string, string];
  return `${prefixes(base)[prefix]}${local}`;
}

/** The families with full IRIs for a deployment. */
function families(base: string): string[][] {
  let out = familiesByBase.get(base);
  if (!out) {
    out = FAMILIES.map((f) => f.map((name) => expand(base, name)));
    familiesByBase.set(base, out);
  }
  return out;
}

/** The property whose label names a row: its first property, or that property's stand-in when the fallback table has one. */
export function rowNameTerm(ctx: ViewContext, row: PropertyRow): string {
  const first = row.predicates[0]!;
  const short = prefixed(ctx, first);
  return short in ROW_NAME_FALLBACK ? expand(ctx.iris.base, ROW_NAME_FALLBACK[short]!) : first;
}

/** The properties some rows are named by instead of their own (`schema:name` for `rdfs:label`): a page names them too, so its description labels them. */
export function rowNameStandIns(base: string): string[] {
  return [...new Set(Object.values(ROW_NAME_FALLBACK))].map((name) => expand(base, name));
}

/** One row of the list: the properties it stands for (best name first) and the values, in display order. */
export interface PropertyRow {
  predicates: string[];
  values: Term[];
}

/** Text a page already shows in a section of its own (the abstract): a literal equal to it links there instead of repeating. */
export interface ShownAbove {
  text: string;
  anchor: string;
  label: string;
}

function termKey(t: Term): string {
  if (t.termType === 'Literal') return `L${t.value}\u0000${(t as Literal).language}\u0000${(t as Literal).datatype.value}`;
  return `${t.termType[0]}${t.value}`;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const LANGUAGE_PREDICATES = new Set([`${NS.dcterms}language`, `${NS.schema}inLanguage`]);

/**
 * What a value means for grouping: literals compare with their whitespace collapsed (a record's abstract and description
 * differ only in line breaks), and a language compares by name (dcterms:language iso639-2:eng is schema:inLanguage "en").
 */
function sameness(predicate: string, t: Term): string {
  if (LANGUAGE_PREDICATES.has(predicate)) {
    const code = t.termType === 'Literal' ? t.value : t.value.startsWith(NS.iso639) ? t.value.slice(NS.iso639.length) : undefined;
    const name = code && languageName(code);
    if (name) return `lang:${name}`;
  }
  if (t.termType !== 'Literal') return termKey(t);
  // Text compares as text: "Li, Yi"@en and "Li, Yi" read the same, so they make one row (the first property's value is shown).
  const dt = (t as Literal).datatype.value;
  const textual = dt === `${NS.xsd}string` || dt === `${NS.rdf}langString`;
  return `L${normalise(t.value)}\u0000${textual ? '' : dt}`;
}

/** The values of each predicate of a subject (rdf:type left to the types line), first-seen order, duplicates removed. */
function byPredicate(quads: readonly Quad[], subject: Term): Map<string, Term[]> {
  const map = new Map<string, Term[]>();
  const seen = new Set<string>();
  for (const q of quads) {
    if (!q.subject.equals(subject) || q.predicate.value === `${NS.rdf}type`) continue;
    const k = `${q.predicate.value} ${termKey(q.object)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const list = map.get(q.predicate.value);
    if (list) list.push(q.object);
    else map.set(q.predicate.value, [q.object]);
  }
  return map;
}

/** Groups a subject's properties into rows: family members with identical values (an rdf:List compared by its items) share one. */
export function propertyRows(ctx: ViewContext, quads: readonly Quad[], subject: Term): PropertyRow[] {
  const values = byPredicate(quads, subject);
  const items = new Map<string, Term[]>();
  for (const [p, vs] of values) {
    const list = vs.length === 1 ? listItems(ctx, vs[0]!) : undefined;
    if (list?.length) items.set(p, list);
  }
  // What a property's values mean, compared between family members: computed once a property.
  const identities = new Map<string, string>();
  const identity = (p: string) => {
    let id = identities.get(p);
    if (id === undefined) identities.set(p, (id = (items.get(p) ?? values.get(p)!).map((t) => sameness(p, t)).sort().join('\u0001')));
    return id;
  };
  const rows: PropertyRow[] = [];
  const placed = new Set<string>();
  for (const family of families(ctx.iris.base)) {
    const present = family.filter((p) => values.has(p));
    for (const p of present) {
      if (placed.has(p)) continue;
      const same = present.filter((o) => !placed.has(o) && identity(o) === identity(p));
      for (const o of same) placed.add(o);
      // An ordered list (bibo:authorList) gives the order for the whole row.
      const ordered = same.find((o) => items.has(o));
      rows.push({ predicates: same, values: ordered ? items.get(ordered)! : values.get(p)! });
    }
  }
  for (const [p, vs] of values) if (!placed.has(p)) rows.push({ predicates: [p], values: items.get(p) ?? vs });
  return rows;
}

/** Upper-cases the first letter: vocabulary labels are lower case ("degree grantor"), a row name starts a line. */
export function capitalise(text: string): string {
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
}


function renderValue(ctx: ViewContext, value: Term, above?: ShownAbove): SafeHtml {
  if (above && value.termType === 'Literal' && normalise(value.value) === above.text) {
    return html`<a class="see-above" href="#${above.anchor}">${above.label}, shown above</a>`;
  }
  return renderTerm(ctx, value);
}

/** The name a row leads with: a thesis field's cataloguing name, else the human label of the property that names it. */
export function rowLabel(ctx: ViewContext, row: PropertyRow, subject: Term): string {
  const field = ctx.iris.parse(subject.value)?.kind === 'thesis' ? THESIS_FIELD_NAMES[prefixed(ctx, row.predicates[0]!)] : undefined;
  return field ?? capitalise(termName(ctx, rowNameTerm(ctx, row)));
}

/** The row's name: words first (rowLabel), then every property it stands for in prefixed form, each a link, as secondary text. */
function rowName(ctx: ViewContext, row: PropertyRow, subject: Term): SafeHtml {
  const first = row.predicates[0]!;
  const terms = row.predicates.map((p, i) => html`${i ? ', ' : ''}<a href="${ctx.urls.href(p) ?? '#'}">${prefixed(ctx, p)}</a>`);
  const gloss = termComment(ctx, first);
  return html`<span class="prop"${gloss ? html` title="${gloss}"` : ''}>${rowLabel(ctx, row, subject)}</span> <span class="terms">${terms}</span>`;
}

/** Renders a subject's properties as one description list (`id` on the list when given). */
export function propertyList(ctx: ViewContext, quads: readonly Quad[], subject: Term, id?: string, above?: ShownAbove): SafeHtml {
  const shown = above && { ...above, text: normalise(above.text) };
  const rows = propertyRows(ctx, quads, subject).map((row) => {
    const vs = row.values;
    const value = vs.length === 1 ? renderValue(ctx, vs[0]!, shown) : html`<ul>${vs.map((v) => html`<li>${renderValue(ctx, v, shown)}</li>`)}</ul>`;
    return html`\n<dt>${rowName(ctx, row, subject)}</dt>\n<dd>${value}</dd>`;
  });
  if (!rows.length) return html``;
  return html`<dl class="props"${id ? html` id="${id}"` : ''}>${rows}</dl>`;
}
