// `thesis-lod serve`: builds the app over DIST_DIR and listens; logs the public URL, closes cleanly on SIGINT/SIGTERM.
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { build } from '../app.ts';
import { loadConfig, type Config, type ConfigInput } from '../core/config.ts';
import { formatProblem, ThesisLodError } from '../core/errors.ts';

/** Flags `serve` and `start` share (each also an environment variable, see src/core/config.ts). */
export interface ServeFlags {
  port?: string;
  host?: string;
  baseUri?: string;
  distDir?: string;
  trustProxy?: boolean;
  queryTimeoutMs?: string;
  maxConcurrentQueries?: string;
  queryQueueWaitMs?: string;
  sparqlWorkers?: string;
  sparqlSpareWorkers?: string;
  sparqlWorkerNiceness?: string;
  sparqlPerClient?: string;
  maxQueryBytes?: string;
  maxQueryDepth?: string;
  logLevel: string;
}

/** Adds the server flags to a command. */
export function serverOptions(command: Command): Command {
  return command
    .option('--port <n>', 'port to listen on (env PORT, default 8080)')
    .option('--host <addr>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('--base-uri <iri>', 'public IRI base of the data, may have a path behind a proxy (env BASE_URI, default http://localhost:$PORT/)')
    .option('--dist-dir <dir>', 'built dataset to serve (env DIST_DIR, default dist)')
    .option('--trust-proxy', 'honour X-Forwarded-Host/Proto from a reverse proxy (env TRUST_PROXY)')
    .option('--query-timeout-ms <n>', 'SPARQL per-query timeout (env QUERY_TIMEOUT_MS, default 10000)')
    .option('--max-concurrent-queries <n>', 'SPARQL queries run at once; as many again may wait (env MAX_CONCURRENT_QUERIES, default 8)')
    .option('--query-queue-wait-ms <n>', 'how long a query beyond the bound waits for a place before 503 (env QUERY_QUEUE_WAIT_MS, default 5000)')
    .option('--sparql-workers <n>', 'SPARQL worker threads over the shared store (env SPARQL_WORKERS, default cores - 1, 1 to 4)')
    .option('--sparql-spare-workers <n>', 'warm workers kept ready to replace a runaway one (env SPARQL_SPARE_WORKERS, default 1)')
    .option('--sparql-worker-niceness <n>', 'nice value of the worker threads, so documents get the CPU first (env SPARQL_WORKER_NICENESS, default 10; 0: off)')
    .option('--sparql-per-client <n>', 'SPARQL queries one client address may have running; more wait, past twice that 503 (env SPARQL_PER_CLIENT, default 4)')
    .option('--max-query-bytes <n>', 'largest SPARQL query text accepted, else 400 (env MAX_QUERY_BYTES, default 65536)')
    .option('--max-query-depth <n>', 'deepest nesting of brackets and chained operators in a query, else 400 (env MAX_QUERY_DEPTH, default 200)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug', 'info');
}

/** The config flags of a serve-like command (unset flags fall through to the environment). */
export function configFlags(flags: ServeFlags): ConfigInput {
  return {
    port: flags.port, host: flags.host, baseUri: flags.baseUri, distDir: flags.distDir,
    trustProxy: flags.trustProxy, queryTimeoutMs: flags.queryTimeoutMs, maxConcurrentQueries: flags.maxConcurrentQueries,
    queryQueueWaitMs: flags.queryQueueWaitMs, sparqlWorkers: flags.sparqlWorkers, sparqlSpareWorkers: flags.sparqlSpareWorkers,
    sparqlWorkerNiceness: flags.sparqlWorkerNiceness, sparqlPerClient: flags.sparqlPerClient,
    maxQueryBytes: flags.maxQueryBytes, maxQueryDepth: flags.maxQueryDepth,
  };
}

/** Builds the app and listens; resolves once listening. The app closes on SIGINT/SIGTERM. */
export async function serve(config: Config, logLevel = 'info'): Promise<FastifyInstance> {
  const started = Date.now();
  const app = await build(config, { logger: { level: logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? `${config.host}:${address.port}` : String(address);
  app.log.info({ distDir: config.distDir, listening, startupMs: Date.now() - started }, `serving ${config.baseUri} (listening on ${listening})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, function shutdown() {
      app.log.info(`${signal}: closing`);
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  return app;
}

/** Prints a start-up failure as one line that says where and why, and sets a non-zero exit code. */
export function printStartFailure(err: unknown): void {
  if (err instanceof ThesisLodError) console.error(formatProblem(err.toProblem()));
  else console.error(err);
  process.exitCode = 1;
}

/** Registers `serve` and its flags. */
export function register(program: Command): void {
  serverOptions(program.command('serve').description('serve a built DIST_DIR: dereferenceable URIs, pages, SPARQL'))
    .action(async (flags: ServeFlags) => {
      try {
        await serve(loadConfig(configFlags(flags)), flags.logLevel);
      } catch (err) {
        printStartFailure(err);
      }
    });
}
