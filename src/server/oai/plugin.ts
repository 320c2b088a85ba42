// The oai route plugin: OAI-PMH 2.0 at /oai over GET and POST (form-encoded), answering from DIST_DIR/oai/index.json and the store.
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ThesisLodError } from '../../core/errors.ts';
import { dcterms } from '../../core/vocab.ts';
import { checkRequest, type RawParams } from './arguments.ts';
import { OaiIndex } from './oai-index.ts';
import { envelope, errorResponse } from './response.ts';
import { ThesisFactsReader } from './thesis-facts.ts';
import { TokenCodec, tokenKey } from './tokens.ts';
import { VERB_HANDLERS, type OaiContext } from './verbs.ts';

const XML_TYPE = 'text/xml; charset=utf-8';

/** True for an error of the OAI-PMH catalogue entries (they carry the spec's code). */
function oaiCodeOf(err: unknown): string | undefined {
  return err instanceof ThesisLodError && err.code.startsWith('TL_ERR_OAI_') && err.statusCode === 200 ? codeFor(err.code) : undefined;
}

// TL_ERR_OAI_BAD_RESUMPTION_TOKEN → badResumptionToken.
function codeFor(code: string): string {
  return code.slice('TL_ERR_OAI_'.length).toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Registers /oai. Everything it reads is loaded here, once: the index, the signing key, the repository's name. */
export default async function oaiPlugin(app: FastifyInstance): Promise<void> {
  const { config, iris, store } = app;
  const [index, key] = await Promise.all([OaiIndex.load(config.distDir), tokenKey(config.oaiTokenSecret, config.stateDir)]);
  const title = store.getObjects(iris.dataset(), dcterms('title'), iris.graph('dataset'))[0]?.value;
  const ctx: OaiContext = {
    index, facts: new ThesisFactsReader(store, iris), tokens: new TokenCodec(key, config.oaiTokenTtlSeconds), iris,
    baseUrl: iris.oai().value, repositoryId: config.oaiRepositoryId, repositoryName: title ?? 'thesis-lod',
    adminEmail: config.oaiAdminEmail, pageSize: config.oaiPageSize, now: () => Date.now(),
  };
  // The SPARQL plugin may have registered the form parser in its own scope only.
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);

  async function oaiHandler(request: FastifyRequest, reply: FastifyReply) {
    const params = (request.method === 'POST' ? request.body : request.query) as RawParams | undefined;
    const now = new Date(ctx.now());
    reply.type(XML_TYPE);
    let echo: Record<string, string> | undefined;
    try {
      const { verb, args } = checkRequest(params ?? {});
      echo = { verb, ...args };
      const { doc, root } = envelope(ctx.baseUrl, echo, now);
      VERB_HANDLERS[verb](root, args, ctx);
      return doc.end({ prettyPrint: false });
    } catch (err) {
      const code = oaiCodeOf(err);
      if (!code) throw err;
      // OAI-PMH errors are answers, not HTTP failures (section 3.6): 200, with the code in the body.
      return errorResponse(ctx.baseUrl, code === 'badVerb' || code === 'badArgument' ? undefined : echo, code, (err as Error).message, now);
    }
  }

  app.route({ method: ['GET', 'POST'], url: '/oai', handler: oaiHandler });
}
