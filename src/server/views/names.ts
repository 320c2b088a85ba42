// Human names for any IRI a page shows: a label from the data, a display label for a standard term, or one made from what the IRI is.
import { NS } from '../../core/vocab.ts';
import { labelOf, type ViewContext } from './terms.ts';
import { vocabLabel } from './vocab-labels.ts';

/** A name to show, with its language when the data tags one (so the page can mark it up with `lang`). */
export interface DisplayName {
  text: string;
  lang?: string;
}

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const GRAPH_NAMES = { authority: 'Authority graph', ontology: 'Ontology graph', dataset: 'Dataset description graph' } as const;

/** The English name of an ISO 639 code (`eng`, `fre`, `en`), or undefined for a code Intl does not know. */
export function languageName(code: string): string | undefined {
  try {
    return LANGUAGES.of(code);
  } catch {
    return undefined; // not a well-formed language tag
  }
}

/** Shortens a long label for use inside another name ("Abstract of …"), at a word boundary. */
export function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** The words an annotation quotes, in typographic quotes, or undefined when it quotes none. */
export function mentionName(ctx: ViewContext, annotation: string): string | undefined {
  const a = ctx.d.annotations.get(annotation);
  if (a?.exact) return `Mention of “${a.exact}”`;
  const body = a?.body ? labelOf(ctx, a.body)?.value : undefined;
  return body ? `Mention of ${body}` : undefined;
}

/** A name made from what an IRI of ours is (a graph, an abstract, an annotation or its parts), for things the data leaves unlabelled. */
function madeName(ctx: ViewContext, iri: string): string | undefined {
  const { iris } = ctx;
  const hash = iri.indexOf('#');
  if (hash > 0 && iri.startsWith(iris.base)) {
    const whole = iri.slice(0, hash);
    const of = nameOf(ctx, whole);
    return of ? `${of.text} (${iri.slice(hash + 1)})` : undefined;
  }
  const graph = iris.parseGraph(iri);
  if (graph) return 'record' in graph ? `Record graph of ${graph.record}` : GRAPH_NAMES[graph.name];
  const parsed = iris.parse(iri);
  if (!parsed) return undefined;
  switch (parsed.kind) {
    case 'abstract': {
      const thesis = ctx.d.abstractOf.get(iri);
      const title = thesis ? labelOf(ctx, thesis)?.value : undefined;
      return `Abstract of ${title ? clip(title) : `thesis ${parsed.id}`}`;
    }
    case 'annotation':
      return mentionName(ctx, iri) ?? `Annotation ${parsed.id}`;
    case 'source':
      return `Source record of ${parsed.id}`;
    default:
      return `${parsed.kind[0]!.toUpperCase()}${parsed.kind.slice(1)} ${parsed.id}`;
  }
}

/** The best name for an IRI, or undefined when nothing better than its prefixed form is known. */
export function nameOf(ctx: ViewContext, iri: string): DisplayName | undefined {
  const lit = labelOf(ctx, iri);
  if (lit) return { text: lit.value, lang: lit.language || undefined };
  const term = vocabLabel(iri);
  if (term) return { text: term.label };
  if (iri.startsWith(NS.iso639)) {
    const language = languageName(iri.slice(NS.iso639.length));
    if (language) return { text: language };
  }
  // A Wikidata item is named by its Q-number: the label lives at Wikidata, and pages fetch nothing from elsewhere.
  if (iri.startsWith(NS.wd)) return { text: `Wikidata ${iri.slice(NS.wd.length)}` };
  const made = madeName(ctx, iri);
  return made ? { text: made } : undefined;
}

/** The gloss of a term: its rdfs:comment in our vocabulary graph (as the description gives it), else the display file's comment. */
export function termComment(ctx: ViewContext, iri: string): string | undefined {
  return ctx.d.comments.get(iri) ?? vocabLabel(iri)?.comment;
}
