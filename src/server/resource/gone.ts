// 410 Gone for machines too: a client that asks for RDF gets a small RDF document saying the thing is withdrawn, and why.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataFactory } from 'n3';
import type { DocExtension, Iris, ThingKind } from '../../core/iri.ts';
import { owl, rdfs, xsd } from '../../core/vocab.ts';
import { ERR_GONE } from '../../core/errors.ts';
import { FORMATS } from '../../core/formats.ts';
import { DOC_FORMATS, negotiate, type Offer } from '../negotiate.ts';
import { ERROR_FORMATS } from '../errors.ts';
import { contentType } from './document.ts';
import { serialize, type RdfExtension } from './serialize.ts';

const { literal, quad } = DataFactory;

// The error plugin's own answers (text, JSON problem, page) come first, so curl, a browser or `Accept: application/json`
// get what they get for any error; only a client that names an RDF syntax is given RDF.
// The RDF syntaxes are the format table's (src/core/formats.ts): a new one is offered here too.
const RDF_EXTENSIONS: readonly string[] = FORMATS.filter((f) => f.family === 'rdf').map((f) => f.extension);
const GONE_OFFERS: readonly Offer<string>[] = [
  ...ERROR_FORMATS,
  ...DOC_FORMATS.filter((f) => RDF_EXTENSIONS.includes(f.key)).map((f) => ({ ...f, aliases: f.aliases?.filter((a) => a !== 'application/json') })),
];

function isRdf(ext: string): ext is RdfExtension {
  return RDF_EXTENSIONS.includes(ext);
}

/** The RDF syntax a request for a withdrawn thing wants, or undefined when it wants an error in words. */
function rdfWanted(request: FastifyRequest, fixed?: DocExtension): RdfExtension | undefined {
  // A withdrawn thesis's citation URL (…/1.0449833.bib) is told so in words, like its page.
  if (fixed) return isRdf(fixed) ? fixed : undefined;
  const format = (request.query as Record<string, unknown>).format;
  const offer = negotiate(GONE_OFFERS, request.headers.accept, typeof format === 'string' ? format : undefined);
  return offer && isRdf(offer.key) ? offer.key : undefined;
}

/**
 * Answers 410 for a withdrawn `kind/id`: RDF (`owl:deprecated true` and the reason as rdfs:comment) when the client asks
 * for an RDF syntax, else throws ERR_GONE so the error plugin answers in text, JSON or a page.
 */
export async function sendGone(request: FastifyRequest, reply: FastifyReply, iris: Iris, kind: ThingKind, id: string, reason: string, fixed?: DocExtension): Promise<FastifyReply> {
  const message = `${kind} ${id} is no longer published (${reason})`;
  if (!fixed) reply.header('vary', 'Accept');
  const ext = rdfWanted(request, fixed);
  if (!ext) throw ERR_GONE(message);
  const thing = iris.thing(kind, id);
  const body = await serialize([
    quad(thing, owl('deprecated'), literal('true', xsd('boolean'))),
    quad(thing, rdfs('comment'), literal(`Gone: ${message}. This identifier will not be reused.`, 'en')),
  ], ext, iris.base);
  return reply.code(410).type(contentType(ext)).header('cache-control', 'public, max-age=300').send(body);
}
