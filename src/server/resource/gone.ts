// 410 Gone for machines too: a client that asks for RDF gets a small RDF document saying the thing is withdrawn, and why.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataFactory } from 'n3';
import type { DocExtension, Iris, ThingKind } from '../../core/iri.ts';
import { owl, rdfs, xsd } from '../../core/vocab.ts';
import { ERR_GONE } from '../../core/errors.ts';
import { DOC_FORMATS, negotiate, type Offer } from '../negotiate.ts';
import { ERROR_FORMATS } from '../errors.ts';
import { contentType } from './document.ts';
import { serialize, type RdfExtension } from './serialize.ts';

const { literal, quad } = DataFactory;

// The error plugin's own answers (text, JSON problem, page) come first, so curl, a browser or `Accept: application/json`
// get what they get for any error; only a client that names an RDF syntax is given RDF.
const GONE_OFFERS: readonly Offer<string>[] = [
  ...ERROR_FORMATS,
  ...DOC_FORMATS.filter((f) => f.key !== 'html').map((f) => ({ ...f, aliases: f.aliases?.filter((a) => a !== 'application/json') })),
];

/** The RDF syntax a request for a withdrawn thing wants, or undefined when it wants an error in words. */
function rdfWanted(request: FastifyRequest, fixed?: DocExtension): RdfExtension | undefined {
  if (fixed) return fixed === 'html' ? undefined : fixed;
  const format = (request.query as Record<string, unknown>).format;
  const offer = negotiate(GONE_OFFERS, request.headers.accept, typeof format === 'string' ? format : undefined);
  return offer && ['ttl', 'nt', 'jsonld', 'rdf'].includes(offer.key) ? (offer.key as RdfExtension) : undefined;
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
