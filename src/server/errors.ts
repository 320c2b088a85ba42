// The one error handler: our errors answer their status and message, fastify's 4xx explain, 5xx never leak internals.
import { STATUS_CODES } from 'node:http';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERR_NOT_FOUND, ThesisLodError } from '../core/errors.ts';
import { negotiate, type Offer } from './negotiate.ts';
import { PublicUrls } from './public-url.ts';
import { errorPage } from './views/error-page.ts';

type ErrorFormat = 'text' | 'json' | 'html';

/** The representations of an error (the 410 table reuses them). Plain text first: `curl` (Accept: *\/*) reads a line; a browser asks for text/html by name and gets a page. */
export const ERROR_FORMATS: readonly Offer<ErrorFormat>[] = [
  { key: 'text', mediaType: 'text/plain', label: 'text' },
  { key: 'json', mediaType: 'application/json', aliases: ['application/problem+json'], label: 'JSON' },
  { key: 'html', mediaType: 'text/html', aliases: ['application/xhtml+xml'], label: 'HTML' },
];

/** What the client is told: status, a code, and a message safe to show. */
export interface PublicError {
  statusCode: number;
  code: string;
  message: string;
}

/** Maps any thrown value to what may be shown: 5xx bodies carry a generic message only (the error itself is logged). */
export function publicError(error: unknown): PublicError {
  if (error instanceof ThesisLodError) {
    // Our 503s (busy, timeout, not ready) say what to do; a 500 of ours may name files or internals, so it is hidden too.
    if (error.statusCode >= 500 && error.statusCode !== 503) return internal();
    return { statusCode: error.statusCode, code: error.code, message: error.message };
  }
  const e = error as Partial<FastifyError>;
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  // fastify's own 4xx (413 body too large, 415 media type, 400 bad JSON, validation) already explain themselves.
  if (status >= 400 && status < 500) return { statusCode: status, code: e.code ?? 'TL_ERR_BAD_REQUEST', message: e.message ?? STATUS_CODES[status]! };
  return internal();
}

function internal(): PublicError {
  return { statusCode: 500, code: 'TL_ERR_INTERNAL', message: 'Internal server error: the problem is logged; quote the request id if you report it.' };
}

/** Sends an error in the representation the client prefers (text, JSON, or a page for browsers). */
export function sendError(request: FastifyRequest, reply: FastifyReply, err: PublicError): FastifyReply {
  const format = negotiate(ERROR_FORMATS, request.headers.accept)?.key ?? 'text';
  const title = STATUS_CODES[err.statusCode] ?? 'Error';
  reply.code(err.statusCode);
  // The body's format follows Accept, so caches must key on it (a 404 page cached for a browser is no answer for curl).
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/(^|,)\s*(accept|\*)\s*(,|$)/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept` : 'Accept');
  // A Content-Encoding/Location/ETag set for the answer that failed must not describe this one.
  reply.removeHeader('etag');
  reply.removeHeader('content-location');
  if (format === 'json') {
    return reply.type('application/json; charset=utf-8').send({ statusCode: err.statusCode, error: title, code: err.code, message: err.message, requestId: request.id });
  }
  if (format === 'html') {
    const urls = request.server.urls ?? new PublicUrls(request.server.config.baseUri);
    return reply.type('text/html; charset=utf-8').send(errorPage(urls, { status: err.statusCode, title, message: err.message, requestId: request.id }));
  }
  return reply.type('text/plain; charset=utf-8').send(`${err.statusCode} ${title}\n${err.message}\nrequest id: ${request.id}\n`);
}

async function errorsPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler(function handleError(error, request, reply) {
    const shown = publicError(error);
    // Only a fault of ours is an error with its stack. A 503 of ours (busy, timed out, not ready) is load, which the body
    // and Retry-After explain: one warning line. A 4xx is the client's: one info line.
    if (shown.statusCode >= 500 && !(error instanceof ThesisLodError && error.statusCode === 503)) request.log.error({ err: error, reqId: request.id }, 'request failed');
    else if (shown.statusCode >= 500) request.log.warn({ code: shown.code, status: shown.statusCode }, shown.message);
    else request.log.info({ code: shown.code, status: shown.statusCode }, shown.message);
    return sendError(request, reply, shown);
  });

  app.setNotFoundHandler(function notFound(request, reply) {
    const path = request.url.split('?')[0]!;
    return sendError(request, reply, publicError(ERR_NOT_FOUND(`nothing is published at ${path}`)));
  });
}

export default fp(errorsPlugin, { name: 'errors' });
