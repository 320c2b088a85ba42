// The one typed config object, from flags, environment and defaults, checked once at start-up.
import os from 'node:os';
import path from 'node:path';
import { ERR_CONFIG } from './errors.ts';

export interface Config {
  port: number;
  host: string;
  /** The IRI base minted into the data; ends with "/". */
  baseUri: string;
  dataDir: string;
  distDir: string;
  stateDir: string;
  /** Any rejected record fails the build. */
  strict: boolean;
  /** Honour X-Forwarded-Host/Proto (only behind a proxy we trust). */
  trustProxy: boolean;
  /** The metadata's own licence, stated in the dataset description. */
  metadataLicense: string;
  /** SPARQL limits. */
  queryTimeoutMs: number;
  maxResultRows: number;
  maxResultBytes: number;
  /** SPARQL queries admitted at once; as many more wait up to queryQueueWaitMs for one to end, the rest get 503. */
  maxConcurrentQueries: number;
  queryQueueWaitMs: number;
  /** Queries one client (address) may have running and waiting at once; beyond it, 503 at once. */
  sparqlPerClient: number;
  /** Caps on a query's text, checked before it is parsed: UTF-8 bytes, and nesting depth (brackets, chained operators). */
  maxQueryBytes: number;
  maxQueryDepth: number;
  bodyLimitBytes: number;
  /** SPARQL worker threads; they share the one store, and each runs several queries interleaved. */
  sparqlWorkers: number;
  /** Warm idle SPARQL workers kept ready to replace a runaway one at once. */
  sparqlSpareWorkers: number;
  /** Nice value of the SPARQL worker threads (Linux): documents get the CPU first. 0 leaves them at the server's. */
  sparqlWorkerNiceness: number;
  /** A build that would withdraw more than this share (0–1) of the published records fails, unless allowWithdrawals. */
  maxWithdrawShare: number;
  /** Let a build withdraw any share of the records (`--allow-withdrawals`). */
  allowWithdrawals: boolean;
  /** Harvest client: milliseconds between two requests to the repository. */
  harvestDelayMs: number;
  /** OAI-PMH repository identifier, the middle of `oai:{id}:{itemId}` (default: BASE_URI's host name). */
  oaiRepositoryId: string;
  /** OAI-PMH Identify adminEmail. */
  oaiAdminEmail: string;
  /** Records (or headers, or sets) per OAI-PMH list response before a resumptionToken. */
  oaiPageSize: number;
  /** The key resumption tokens are signed with; empty: STATE_DIR/oai-token.key (made once, shared by every instance on that STATE_DIR). */
  oaiTokenSecret: string;
  /** How long a resumption token is accepted, in seconds. */
  oaiTokenTtlSeconds: number;
  /** Where the data is served from: `embedded` (DIST_DIR, in this process) or `sparql` (an external store at storeUrls). */
  store: 'embedded' | 'sparql';
  /** The external store's SPARQL query endpoints, one per replica (STORE_URL, comma-separated). */
  storeUrls: string[];
  /** Milliseconds a document's reads may take from the external store before the server answers 503. */
  storeTimeoutMs: number;
  /** How /sparql runs over the external store: `forward` (the rewritten query sent whole) or `comunica` (@comunica/query-sparql over it). */
  storeEngine: 'forward' | 'comunica';
  /** Credentials for loading the external store: from the environment only (STORE_USER, STORE_PASSWORD), never a flag. */
  storeUser?: string;
  storePassword?: string;
}

export type ConfigInput = Partial<Record<keyof Config, string | number | boolean | undefined>>;

const ENV_NAMES: Partial<Record<keyof Config, string>> = {
  port: 'PORT', host: 'HOST', baseUri: 'BASE_URI', dataDir: 'DATA_DIR', distDir: 'DIST_DIR', stateDir: 'STATE_DIR',
  trustProxy: 'TRUST_PROXY', metadataLicense: 'METADATA_LICENSE', queryTimeoutMs: 'QUERY_TIMEOUT_MS',
  maxResultRows: 'MAX_RESULT_ROWS', maxResultBytes: 'MAX_RESULT_BYTES', maxConcurrentQueries: 'MAX_CONCURRENT_QUERIES',
  queryQueueWaitMs: 'QUERY_QUEUE_WAIT_MS', bodyLimitBytes: 'BODY_LIMIT_BYTES', sparqlWorkers: 'SPARQL_WORKERS',
  sparqlSpareWorkers: 'SPARQL_SPARE_WORKERS', sparqlWorkerNiceness: 'SPARQL_WORKER_NICENESS',
  sparqlPerClient: 'SPARQL_PER_CLIENT', maxQueryBytes: 'MAX_QUERY_BYTES', maxQueryDepth: 'MAX_QUERY_DEPTH',
  maxWithdrawShare: 'MAX_WITHDRAW_SHARE', harvestDelayMs: 'HARVEST_DELAY_MS',
  oaiRepositoryId: 'OAI_REPOSITORY_ID', oaiAdminEmail: 'OAI_ADMIN_EMAIL', oaiPageSize: 'OAI_PAGE_SIZE',
  oaiTokenSecret: 'OAI_TOKEN_SECRET', oaiTokenTtlSeconds: 'OAI_TOKEN_TTL_SECONDS',
  store: 'STORE', storeUrls: 'STORE_URL', storeTimeoutMs: 'STORE_TIMEOUT_MS', storeEngine: 'STORE_ENGINE',
};

/**
 * SPARQL workers by default: one core is left to the main thread, which serves documents, so runaway queries cannot
 * take every core; at least one, at most four (a worker runs several queries at once anyway).
 */
export function defaultSparqlWorkers(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

function pick(key: keyof Config, flags: ConfigInput, env: NodeJS.ProcessEnv): string | number | boolean | undefined {
  if (flags[key] !== undefined) return flags[key];
  const name = ENV_NAMES[key];
  return name ? env[name] : undefined;
}

function int(key: keyof Config, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw ERR_CONFIG(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

function share(key: keyof Config, value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw ERR_CONFIG(`${key} must be a share from 0 to 1 (0.1 is 10%), got ${JSON.stringify(value)}`);
  return n;
}

function absoluteIri(key: keyof Config, value: unknown, fallback: string): string {
  if (value === undefined || value === '') return fallback;
  const text = String(value);
  // The licence becomes an IRI in every dump: a name like "CC0 1.0" would only fail deep inside a writer.
  if (!/^https?:\/\/[^\s<>"{}|\\^`]+$/.test(text)) throw ERR_CONFIG(`${key} must be an absolute http(s) IRI, got ${JSON.stringify(text)}`);
  return text;
}

function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 'yes';
}

/** Builds the config from CLI flags over environment over defaults; throws TL_ERR_CONFIG with the reason. */
export function loadConfig(flags: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('port', pick('port', flags, env), 8080, 0, 65535);
  const host = String(pick('host', flags, env) ?? '127.0.0.1');
  let baseUri = String(pick('baseUri', flags, env) ?? `http://localhost:${port}/`);
  if (!baseUri.endsWith('/')) baseUri += '/';
  try {
    const u = new URL(baseUri);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
    if (u.search || u.hash) throw new Error('has a query or fragment');
  } catch (cause) {
    throw ERR_CONFIG(`BASE_URI must be an absolute http(s) IRI ending in "/", got ${JSON.stringify(baseUri)} (${(cause as Error).message})`);
  }
  const dir = (key: keyof Config, fallback: string) => path.resolve(String(pick(key, flags, env) ?? fallback));
  const config: Config = {
    port,
    host,
    baseUri,
    dataDir: dir('dataDir', 'data'),
    distDir: dir('distDir', 'dist'),
    stateDir: dir('stateDir', 'state'),
    strict: bool(flags.strict),
    trustProxy: bool(pick('trustProxy', flags, env)),
    metadataLicense: absoluteIri('metadataLicense', pick('metadataLicense', flags, env), 'https://creativecommons.org/publicdomain/zero/1.0/'),
    queryTimeoutMs: int('queryTimeoutMs', pick('queryTimeoutMs', flags, env), 10_000, 10, 600_000),
    maxResultRows: int('maxResultRows', pick('maxResultRows', flags, env), 10_000, 1, 10_000_000),
    maxResultBytes: int('maxResultBytes', pick('maxResultBytes', flags, env), 20 * 1024 * 1024, 1024, 1 << 30),
    maxConcurrentQueries: int('maxConcurrentQueries', pick('maxConcurrentQueries', flags, env), 8, 1, 256),
    // Long enough for a client's own parallel queries beyond its share to wait their turn rather than be shed.
    queryQueueWaitMs: int('queryQueueWaitMs', pick('queryQueueWaitMs', flags, env), 5000, 0, 600_000),
    sparqlPerClient: int('sparqlPerClient', pick('sparqlPerClient', flags, env), 4, 1, 256),
    maxQueryBytes: int('maxQueryBytes', pick('maxQueryBytes', flags, env), 64 * 1024, 1024, 16 * 1024 * 1024),
    maxQueryDepth: int('maxQueryDepth', pick('maxQueryDepth', flags, env), 200, 8, 1000),
    bodyLimitBytes: int('bodyLimitBytes', pick('bodyLimitBytes', flags, env), 1024 * 1024, 1024, 100 * 1024 * 1024),
    sparqlWorkers: int('sparqlWorkers', pick('sparqlWorkers', flags, env), defaultSparqlWorkers(), 1, 16),
    sparqlSpareWorkers: int('sparqlSpareWorkers', pick('sparqlSpareWorkers', flags, env), 1, 0, 4),
    sparqlWorkerNiceness: int('sparqlWorkerNiceness', pick('sparqlWorkerNiceness', flags, env), 10, 0, 19),
    maxWithdrawShare: share('maxWithdrawShare', pick('maxWithdrawShare', flags, env), 0.1),
    allowWithdrawals: bool(flags.allowWithdrawals),
    harvestDelayMs: int('harvestDelayMs', pick('harvestDelayMs', flags, env), 1000, 0, 600_000),
    oaiRepositoryId: oaiRepositoryId(pick('oaiRepositoryId', flags, env), baseUri),
    oaiAdminEmail: '',
    oaiPageSize: int('oaiPageSize', pick('oaiPageSize', flags, env), 100, 1, 10_000),
    oaiTokenSecret: String(pick('oaiTokenSecret', flags, env) ?? ''),
    oaiTokenTtlSeconds: int('oaiTokenTtlSeconds', pick('oaiTokenTtlSeconds', flags, env), 86_400, 1, 31 * 86_400),
    ...storeConfig(flags, env),
  };
  config.oaiAdminEmail = oaiAdminEmail(pick('oaiAdminEmail', flags, env), config.oaiRepositoryId);
  // A build replaces DIST_DIR whole, so nothing that must survive a build may live inside it.
  const keep: [string, string][] = [['STATE_DIR', config.stateDir], ['DATA_DIR', config.dataDir], ['the working directory', process.cwd()]];
  for (const [name, dir] of keep) {
    if (isWithin(dir, config.distDir)) throw ERR_CONFIG(`${name} (${dir}) must not be inside DIST_DIR (${config.distDir}): a build replaces DIST_DIR whole`);
  }
  return config;
}

// The oai-identifier scheme's repositoryIdentifier: a domain name with at least one dot. A host that is not one
// (localhost, an IP address) gives localhost.localdomain, so the default still validates.
const OAI_REPOSITORY_ID = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;
function oaiRepositoryId(value: unknown, baseUri: string): string {
  const host = new URL(baseUri).hostname;
  const text = value === undefined || value === '' ? (OAI_REPOSITORY_ID.test(host) ? host : 'localhost.localdomain') : String(value);
  if (!OAI_REPOSITORY_ID.test(text)) throw ERR_CONFIG(`OAI_REPOSITORY_ID must be a domain name such as library.example.org, got ${JSON.stringify(text)}`);
  return text;
}

// OAI-PMH.xsd's pattern for adminEmail: \S+@(\S+\.)+\S+ (the domain has a dot); the default is admin@ the repository identifier.
function oaiAdminEmail(value: unknown, repositoryId: string): string {
  const text = value === undefined || value === '' ? `admin@${repositoryId}` : String(value);
  if (!/^\S+@(\S+\.)+\S+$/.test(text)) throw ERR_CONFIG(`OAI_ADMIN_EMAIL must be an e-mail address, got ${JSON.stringify(text)}`);
  return text;
}

/** The store backend: STORE (embedded|sparql), STORE_URL (replicas comma-separated), credentials from the environment alone. */
function storeConfig(flags: ConfigInput, env: NodeJS.ProcessEnv): Pick<Config, 'store' | 'storeUrls' | 'storeTimeoutMs' | 'storeEngine' | 'storeUser' | 'storePassword'> {
  const urls = String(pick('storeUrls', flags, env) ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  const store = String(pick('store', flags, env) ?? (urls.length ? 'sparql' : 'embedded'));
  if (store !== 'embedded' && store !== 'sparql') throw ERR_CONFIG(`STORE must be "embedded" or "sparql", got ${JSON.stringify(store)}`);
  if (store === 'sparql' && urls.length === 0) throw ERR_CONFIG('STORE=sparql needs STORE_URL: the query endpoint of each replica, comma-separated (http://host:8890/sparql)');
  for (const url of urls) {
    if (!/^https?:\/\/[^\s]+$/.test(url)) throw ERR_CONFIG(`STORE_URL must list absolute http(s) URLs, got ${JSON.stringify(url)}`);
  }
  const engine = String(pick('storeEngine', flags, env) ?? 'forward');
  if (engine !== 'forward' && engine !== 'comunica') throw ERR_CONFIG(`STORE_ENGINE must be "forward" or "comunica", got ${JSON.stringify(engine)}`);
  return {
    store,
    storeUrls: urls,
    storeTimeoutMs: int('storeTimeoutMs', pick('storeTimeoutMs', flags, env), 5000, 100, 600_000),
    storeEngine: engine,
    storeUser: env.STORE_USER || undefined,
    storePassword: env.STORE_PASSWORD || undefined,
  };
}

/** True when `dir` is `parent` itself or lies below it. */
function isWithin(dir: string, parent: string): boolean {
  const rel = path.relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
