// What a thesis page adds for search engines beyond its schema.org statements: the degree, grantor, url and DOI as schema.org wants them, and the Highwire tags Scholar reads.
import { DataFactory, type NamedNode } from 'n3';
import { NS, own } from '../../core/vocab.ts';
import { doiIri } from '../../core/identifiers.ts';
import { cslItem, degreeLevel, degreeOf, linksOf, objectsOf } from '../citations/thesis-item.ts';
import { html, type SafeHtml } from './html.ts';
import { labelOf, type ViewContext } from './terms.ts';

const { namedNode } = DataFactory;

const LEVEL_NAMES = { doctoral: 'Doctoral', master: "Master's", bachelor: "Bachelor's" } as const;

type Node = Record<string, unknown>;

/** The values of a compacted property as a list (absent: none). */
function values(node: Node, key: string): unknown[] {
  const v = node[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Completes a thesis's framed schema.org node from its description: sourceOrganization (the degree grantor when the
 * record names no department), inSupportOf and educationalLevel (the degree), url (the landing page, else this page),
 * and the DOI as a PropertyValue identifier (schema.org's way to say which scheme an identifier is in).
 */
export function completeThesisNode(ctx: ViewContext, thesis: NamedNode, node: Node, pageUrl: string): void {
  const tl = own(ctx.iris.base);
  if (node.sourceOrganization === undefined) {
    const grantor = objectsOf(ctx.d.about, thesis, tl('degreeGrantor')).find((o) => o.termType === 'NamedNode');
    if (grantor) {
      const name = labelOf(ctx, grantor.value)?.value;
      node.sourceOrganization = { '@id': grantor.value, '@type': 'Organization', ...(name ? { name } : {}) };
    }
  }
  const degree = degreeOf(ctx, thesis);
  if (degree && node.inSupportOf === undefined) node.inSupportOf = degree;
  const level = degreeLevel(degree);
  if (level && node.educationalLevel === undefined) node.educationalLevel = LEVEL_NAMES[level];
  // schema:url's range is URL (text): the landing page framed as a typed WebPage node is written as its address.
  const urls = values(node, 'url').map((u) => (typeof u === 'object' && u !== null && '@id' in u ? (u as { '@id': string })['@id'] : u));
  node.url = urls.length === 0 ? linksOf(ctx, thesis).landingPage ?? pageUrl : urls.length === 1 ? urls[0] : urls;
  const doi = objectsOf(ctx.d.about, thesis, namedNode(`${NS.bibo}doi`)).find((o) => o.termType === 'Literal')?.value;
  if (doi) {
    const url = doiIri(doi).value;
    const rest = values(node, 'identifier').filter((v) => v !== url && v !== doi);
    const doiValue = { '@type': 'PropertyValue', propertyID: 'DOI', value: doi, url };
    node.identifier = rest.length ? [doiValue, ...rest] : doiValue;
  }
  const keywords = cslItem(ctx, thesis).keyword;
  if (keywords && node.keywords === undefined) node.keywords = keywords.split(',');
}

/** Highwire tags beyond title, authors, date, institution and DOI: the language, the keywords, the full text's URL where a file is named. */
export function moreHighwireTags(ctx: ViewContext, thesis: NamedNode): SafeHtml {
  const item = cslItem(ctx, thesis);
  const tags: [string, string | undefined][] = [
    ['citation_language', item.language],
    ['citation_keywords', item.keyword?.split(',').join('; ')],
    ['citation_pdf_url', item.custom?.pdf],
  ];
  return html`${tags.filter(([, v]) => v).map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}`;
}
