// Display labels for standard terms (dcterms, schema.org, bibo …) from ontology/display-labels.ttl: read by the views only, never published.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import { NS } from '../../core/vocab.ts';
import { ERR_CONFIG } from '../../core/errors.ts';

/** The file: one rdfs:label @en (and an optional rdfs:comment @en) per standard term a page may name. */
export const DISPLAY_LABELS_FILE = fileURLToPath(new URL('../../../ontology/display-labels.ttl', import.meta.url));

/** How a page names a term it does not define: a label and, when known, a one-line gloss. */
export interface TermLabel {
  label: string;
  comment?: string;
}

/** Parses display-label Turtle into a map IRI → label (English or untagged; other statements are ignored). */
export function parseDisplayLabels(text: string, file = DISPLAY_LABELS_FILE): Map<string, TermLabel> {
  const map = new Map<string, TermLabel>();
  let quads;
  try {
    quads = new Parser({ format: 'text/turtle' }).parse(text);
  } catch (cause) {
    const line = /line (\d+)/.exec((cause as Error).message)?.[1];
    throw ERR_CONFIG(`the display labels do not parse: ${(cause as Error).message}`, { file, line: line ? Number(line) : undefined }, cause);
  }
  for (const q of quads) {
    if (q.subject.termType !== 'NamedNode' || q.object.termType !== 'Literal') continue;
    const lang = q.object.language;
    if (lang !== '' && lang !== 'en' && !lang.startsWith('en-')) continue;
    const entry = map.get(q.subject.value) ?? { label: '' };
    if (q.predicate.value === `${NS.rdfs}label` && !entry.label) entry.label = q.object.value;
    else if (q.predicate.value === `${NS.rdfs}comment` && !entry.comment) entry.comment = q.object.value;
    map.set(q.subject.value, entry);
  }
  // A comment with no label names nothing: drop it rather than show an empty row name.
  for (const [iri, entry] of map) if (!entry.label) map.delete(iri);
  return map;
}

let loaded: Map<string, TermLabel> | undefined;

/** The display labels, read once on first use (a small file; the pages need it from the first request). */
export function displayLabels(): Map<string, TermLabel> {
  loaded ??= parseDisplayLabels(readFileSync(DISPLAY_LABELS_FILE, 'utf8'));
  return loaded;
}

/** The display label of a standard term, or undefined when the file has none. */
export function vocabLabel(iri: string): TermLabel | undefined {
  return displayLabels().get(iri);
}
