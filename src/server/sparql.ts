// The SPARQL 1.1 Protocol endpoint at `B sparql`: queries run on worker threads (Comunica), read-only, with time, size and concurrency limits, cancelled when the client leaves.
import fp from 'fastify-plugin';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERR_METHOD_NOT_ALLOWED, ERR_NOT_ACCEPTABLE, ERR_UPDATE_REFUSED, ThesisLodError } from '../core/errors.ts';
import { negotiate, acceptableList, type Offer } from './negotiate.ts';
import { QueryPool } from './sparql/pool.ts';
import { externalPoolStandIn } from './data/external/endpoint-stand-in.ts';
import { loadStoreBuffers } from './store.ts';
import { readProtocol, type ProtocolRequest } from './sparql/protocol.ts';
import { checkQueryText } from './sparql/query-limits.ts';
import { GRAPH_FORMATS, type GraphFormat } from './sparql/formats.ts';
import type { QueryAnswer, QueryJob } from './sparql/execute.ts';
import type { ServiceJob } from './sparql/messages.ts';
import { SPARQL_CORS } from './cors-policies.ts';

const ALLOWED = 'GET, HEAD, POST, OPTIONS';
// What a GET without a query can be: the service description in any RDF syntax (Turtle for `*/*`), or the query UI.
const NO_QUERY_FORMATS: readonly Offer<GraphFormat | 'html'>[] = [
  ...GRAPH_FORMATS,
  { key: 'html', mediaType: 'text/html', aliases: ['application/xhtml+xml'], label: 'HTML query UI' },
];

/** Longest query text written to the log: enough to recognise it, never a whole hostile body. */
const LOGGED_QUERY_CHARS = 2000;

/** nginx's "client closed request": logged for a query whose client left; nobody receives it. */
const CLIENT_GONE = 499;

/**
 * A signal that aborts when the client closes the connection before its answer is sent. It listens on the response:
 * a request emits 'close' as soon as its body has been read (every POST), with the client still waiting.
 */
function clientGone(reply: FastifyReply): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onClose = function clientClosed() {
    if (!reply.raw.writableFinished) controller.abort(new Error('the client closed the connection before the answer was sent'));
  };
  reply.raw.once('close', onClose);
  return { signal: controller.signal, release: () => reply.raw.off('close', onClose) };
}

function send(reply: FastifyReply, answer: QueryAnswer, maxRows: number): FastifyReply {
  // Virtuoso's header: clients that know it learn the result was cut at the row cap.
  if (answer.truncated) reply.header('X-SPARQL-MaxRows', String(maxRows));
  return reply.type(answer.contentType).send(Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength));
}

async function sparqlRoutes(app: FastifyInstance, { pool }: { pool: QueryPool }): Promise<void> {
  const { config } = app;
  // Form bodies and raw query bodies are parsed in this scope only; any other type reaches the handler as text and is refused with 415 there.
  await app.register(formbody);
  app.addContentTypeParser(['application/sparql-query', 'application/sparql-update'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  /**
   * Runs a job through the app's DataStore (`app.data`), or on this plugin's pool in an app of the endpoint alone; it is
   * cancelled when the client leaves, and every 503 (busy, restarting, timed out) says when to retry.
   */
  async function answerJob(reply: FastifyReply, job: QueryJob | ServiceJob, gone: AbortSignal): Promise<QueryAnswer> {
    try {
      return await (app.hasDecorator('data') ? app.data.sparql(job, { signal: gone }) : pool.run(job, { signal: gone }));
    } catch (err) {
      if ((err as ThesisLodError).statusCode === 503) reply.header('Retry-After', String(pool.retryAfter));
      throw err;
    }
  }

  /** Runs a query, logging it with its duration (or why it failed, or that its client left). */
  async function runQuery(request: FastifyRequest, reply: FastifyReply, protocol: ProtocolRequest): Promise<FastifyReply> {
    const started = performance.now();
    const query = protocol.text.length > LOGGED_QUERY_CHARS ? `${protocol.text.slice(0, LOGGED_QUERY_CHARS)}…` : protocol.text;
    // Before any parser sees it, and before it takes a place in the pool: a text too large or too deep is refused here.
    checkQueryText(protocol.text, { maxBytes: config.maxQueryBytes, maxDepth: config.maxQueryDepth });
    const gone = clientGone(reply);
    try {
      const answer = await answerJob(reply, {
        query: protocol.text,
        defaultGraphs: protocol.defaultGraphs,
        namedGraphs: protocol.namedGraphs,
        wish: { accept: request.headers.accept, format: protocol.format },
        // The address fastify reads (X-Forwarded-For only behind a trusted proxy): the pool bounds each one's share.
        client: request.ip,
      }, gone.signal);
      request.log.info({ query, ms: Math.round(performance.now() - started), rows: answer.rows, format: answer.format, truncated: answer.truncated }, 'sparql query');
      return send(reply, answer, config.maxResultRows);
    } catch (err) {
      const ms = Math.round(performance.now() - started);
      if (gone.signal.aborted) {
        // Nobody is left to read an error; the query was cancelled in its worker and its place freed.
        request.log.info({ query, ms }, 'sparql query cancelled: the client left');
        return reply.code(CLIENT_GONE).send();
      }
      request.log.info({ query, ms, code: (err as ThesisLodError).code }, 'sparql query failed');
      throw err;
    } finally {
      gone.release();
    }
  }

  /** A GET without query: the query UI for a browser, the service description for everyone else. */
  async function withoutQuery(request: FastifyRequest, reply: FastifyReply, protocol: ProtocolRequest): Promise<FastifyReply> {
    // The first `format` value this answer has (a name and its media type agree), else Accept.
    const named = protocol.format.map((f) => negotiate(NO_QUERY_FORMATS, undefined, f)).find((o) => o !== undefined);
    const offer = named ?? negotiate(NO_QUERY_FORMATS, request.headers.accept);
    if (!offer) throw ERR_NOT_ACCEPTABLE(`GET /sparql without a query answers the service description (${acceptableList(GRAPH_FORMATS)}) or the query UI (text/html)`);
    if (offer.key === 'html') {
      // The site plugin decorates `queryUi`; without it (an app without the site), say where the UI would be.
      if (request.server.hasDecorator('queryUi')) return request.server.queryUi(request, reply);
      return reply.code(200).type('text/html; charset=utf-8').send('<!doctype html><title>SPARQL endpoint</title><p>The query UI is not installed on this server. Send queries with <code>?query=</code> or POST them.</p>');
    }
    const gone = clientGone(reply);
    try {
      return send(reply, await answerJob(reply, { service: true, wish: { format: offer.key }, client: request.ip }, gone.signal), config.maxResultRows);
    } catch (err) {
      if (gone.signal.aborted) return reply.code(CLIENT_GONE).send();
      throw err;
    } finally {
      gone.release();
    }
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/sparql',
    config: { cors: SPARQL_CORS },
    handler: async function sparqlEndpoint(request, reply) {
      reply.header('Vary', 'Accept');
      const protocol = readProtocol(request.method, request.headers['content-type'], request.query, request.body);
      if (protocol.operation === 'update') throw ERR_UPDATE_REFUSED('SPARQL Update is not accepted here; the dataset changes only through a new build');
      if (protocol.operation === 'none') return withoutQuery(request, reply, protocol);
      return runQuery(request, reply, protocol);
    },
  });

  app.options('/sparql', { config: { cors: SPARQL_CORS } }, async function sparqlPreflight(request, reply) {
    reply.header('Allow', ALLOWED);
    // @fastify/cors echoes the request headers a client asks for; a preflight naming none may still send these.
    if (request.headers['access-control-request-headers'] === undefined) reply.header('access-control-allow-headers', 'Accept, Content-Type');
    return reply.code(204).send();
  });

  app.route({
    method: ['PUT', 'DELETE', 'PATCH'],
    url: '/sparql',
    config: { cors: SPARQL_CORS },
    handler: async function sparqlNotAllowed(request, reply) {
      reply.header('Allow', ALLOWED);
      throw ERR_METHOD_NOT_ALLOWED(`${request.method} is not part of the SPARQL 1.1 Protocol for queries; use GET or POST`);
    },
  });
}

/** Starts the query workers (ready, dataset loaded and engine warmed, before the app is), and mounts /sparql. */
async function sparqlPlugin(app: FastifyInstance): Promise<void> {
  const { config } = app;
  // An external store (STORE=sparql) runs the queries: no workers here, only the routes (src/server/data/external/).
  if (config.store === 'sparql') return app.register(sparqlRoutes, { pool: externalPoolStandIn(config) });
  // The store plugin's shared memory when it ran; an app of the endpoint alone loads the store itself.
  const buffers = app.hasDecorator('storeBuffers') ? app.storeBuffers : (await loadStoreBuffers(config.distDir)).buffers;
  const pool = new QueryPool({
    buffers,
    baseUri: config.baseUri,
    size: config.sparqlWorkers,
    spares: config.sparqlSpareWorkers,
    timeoutMs: config.queryTimeoutMs,
    maxConcurrent: config.maxConcurrentQueries,
    queueWaitMs: config.queryQueueWaitMs,
    perClient: config.sparqlPerClient,
    limits: { maxRows: config.maxResultRows, maxBytes: config.maxResultBytes },
    heapMb: 2048,
    // A runaway query takes the CPU documents leave; documents never wait for it.
    niceness: config.sparqlWorkerNiceness,
    log: app.log,
  });
  // Workers load while the other plugins register; the app is ready (and /health answers) only once they are.
  const started = pool.start();
  started.catch(() => {});
  app.decorate('sparqlPool', pool);
  app.addHook('onReady', async function sparqlReady() {
    try {
      await started;
    } catch (err) {
      // A failed start must not leave threads running behind an app nobody will close.
      await pool.close();
      throw err;
    }
  });
  app.addHook('onClose', async function sparqlClose() {
    await pool.close();
  });
  await app.register(sparqlRoutes, { pool });
}

export default fp(sparqlPlugin, { name: 'sparql' });

declare module 'fastify' {
  interface FastifyInstance {
    /** The SPARQL worker pool: what it holds (facts) and how often a worker was replaced (restarts). */
    sparqlPool: QueryPool;
  }
}
