// The writer of each format of the table (src/core/formats.ts), keyed by its key: a new format is an entry there and a writer here.
import jsonld from 'jsonld';
import type { NamedNode } from 'n3';
import { ERR_NOT_ACCEPTABLE } from '../../core/errors.ts';
import { FORMATS, type FormatKey } from '../../core/formats.ts';
import type { DocExtension } from '../../core/iri.ts';
import { jsonldContext } from '../../core/jsonld-context.ts';
import { descriptionQuads, type Description } from '../data/description.ts';
import { toBibtex, toCslJson, toReference, toRis } from '../citations/cite.ts';
import { styleNames, styleOf } from '../citations/csl-styles.ts';
import { cslItem } from '../citations/thesis-item.ts';
import type { FormatParameters } from '../resource/document.ts';
import { noRemote, serialize } from '../resource/serialize.ts';
import { resourcePage } from '../views/resource-page.ts';
import type { ViewEnv } from '../views/terms.ts';

/** What a writer is handed: the deployment, the description, the document's IRIs and kind, the negotiated parameters. */
export interface WriterInput {
  env: ViewEnv;
  d: Description;
  kind: string;
  docIri: (ext?: DocExtension) => string;
  parameters: FormatParameters;
}

/** A format's writer, and whether it reads a page's description (labels, lists, bylines) or the RDF alone. */
export interface Writer {
  needsPage: boolean;
  write(input: WriterInput): Promise<string>;
}

const JSONLD_PROFILES = { expanded: 'http://www.w3.org/ns/json-ld#expanded', compacted: 'http://www.w3.org/ns/json-ld#compacted', flattened: 'http://www.w3.org/ns/json-ld#flattened' } as const;

/** The JSON-LD form a `profile=` asks for (JSON-LD 1.1 §9: a space-separated list of IRIs; the short names too); compacted by default. */
export function jsonldForm(profile: string | undefined): keyof typeof JSONLD_PROFILES {
  for (const p of (profile ?? '').split(/\s+/)) {
    const form = (Object.keys(JSONLD_PROFILES) as (keyof typeof JSONLD_PROFILES)[]).find((k) => p === JSONLD_PROFILES[k] || p === k);
    if (form) return form;
  }
  return 'compacted';
}

/** JSON-LD in the form asked for: the documents' compacted form, or jsonld.js's expansion or flattening of it. */
async function writeJsonLd({ env, d, parameters }: WriterInput): Promise<string> {
  const compacted = await serialize(descriptionQuads(d), 'jsonld', env.iris.base);
  const form = jsonldForm(parameters.profile);
  if (form === 'compacted') return compacted;
  const options = { documentLoader: noRemote } as unknown as jsonld.Options.Expand;
  const doc = JSON.parse(compacted) as jsonld.JsonLdDocument;
  const out = form === 'expanded' ? await jsonld.expand(doc, options) : await jsonld.flatten(doc, jsonldContext(env.iris.base) as jsonld.ContextDefinition, options);
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A thesis's citation item from its description. */
function item({ env, d }: WriterInput) {
  return cslItem({ ...env, d }, d.subject as NamedNode);
}

const rdf = (ext: 'ttl' | 'nt' | 'rdf'): Writer => ({ needsPage: false, write: ({ env, d }) => serialize(descriptionQuads(d), ext, env.iris.base) });

/** Every format's writer. */
export const WRITERS: Record<FormatKey, Writer> = {
  html: { needsPage: true, write: ({ env, d, kind, docIri }) => resourcePage(env, d, { docIri, kind }) },
  ttl: rdf('ttl'),
  nt: rdf('nt'),
  jsonld: { needsPage: false, write: writeJsonLd },
  rdf: rdf('rdf'),
  bib: { needsPage: true, write: async (input) => toBibtex(item(input)) },
  ris: { needsPage: true, write: async (input) => toRis(item(input)) },
  csl: { needsPage: true, write: async (input) => toCslJson(item(input)) },
  txt: {
    needsPage: true,
    async write(input) {
      const { style, locale } = input.parameters;
      // A style we do not ship cannot be written: the client is told which there are (no fetching at run time).
      if (styleOf(style) === undefined) throw ERR_NOT_ACCEPTABLE(`no citation style ${JSON.stringify(style)} here; style= takes one of ${styleNames().join(', ')} (default apa)`);
      return toReference(item(input), { style, locale });
    },
  },
};

/** The writer of a document extension. */
export function writerFor(ext: DocExtension): Writer {
  return WRITERS[FORMATS.find((f) => f.extension === ext)!.key];
}
