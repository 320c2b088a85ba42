// The request's arguments checked against the verb table (OAI-PMH 2.0 sections 3.1, 3.3, 4): badVerb and badArgument are decided here.
import { ERR_OAI_BAD_ARGUMENT, ERR_OAI_BAD_VERB } from '../../core/errors.ts';

export const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'] as const;
export type Verb = (typeof VERBS)[number];

type Need = 'required' | 'optional' | 'exclusive';

// Per verb, the arguments it takes: required, optional, or exclusive (resumptionToken: alone with the verb).
const ARGUMENTS: Record<Verb, Record<string, Need>> = {
  Identify: {},
  ListMetadataFormats: { identifier: 'optional' },
  ListSets: { resumptionToken: 'exclusive' },
  ListIdentifiers: { metadataPrefix: 'required', from: 'optional', until: 'optional', set: 'optional', resumptionToken: 'exclusive' },
  ListRecords: { metadataPrefix: 'required', from: 'optional', until: 'optional', set: 'optional', resumptionToken: 'exclusive' },
  GetRecord: { identifier: 'required', metadataPrefix: 'required' },
};

const METADATA_PREFIX = /^[A-Za-z0-9\-_.!~*'()]+$/;
const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

/** A checked request: its verb and its single-valued arguments. */
export interface OaiRequest {
  verb: Verb;
  args: Record<string, string>;
}

/** What a request's parameters were, as fastify parsed the query string or the form body (repeats become arrays). */
export type RawParams = Record<string, string | string[] | undefined>;

/** Checks verb and arguments; throws badVerb or badArgument (the response then echoes no arguments). */
export function checkRequest(params: RawParams): OaiRequest {
  const verb = params.verb;
  if (verb === undefined) throw ERR_OAI_BAD_VERB('the verb argument is missing');
  if (Array.isArray(verb)) throw ERR_OAI_BAD_VERB('the verb argument is repeated');
  if (!(VERBS as readonly string[]).includes(verb)) throw ERR_OAI_BAD_VERB(`${JSON.stringify(verb)} is not an OAI-PMH verb (${VERBS.join(', ')})`);
  const allowed = ARGUMENTS[verb as Verb];
  const args: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === 'verb' || value === undefined) continue;
    if (!(name in allowed)) throw ERR_OAI_BAD_ARGUMENT(`${verb} takes no argument ${JSON.stringify(name)}`);
    if (Array.isArray(value)) throw ERR_OAI_BAD_ARGUMENT(`the argument ${name} is repeated`);
    if (value === '') throw ERR_OAI_BAD_ARGUMENT(`the argument ${name} is empty`);
    args[name] = value;
  }
  // OAI-PMH.xsd's syntax for these: a value outside it is an illegal argument, not an unknown set or format.
  for (const name of ['metadataPrefix', 'set'] as const) {
    const syntax = name === 'set' ? SET_SPEC : METADATA_PREFIX;
    if (args[name] !== undefined && !syntax.test(args[name]!)) throw ERR_OAI_BAD_ARGUMENT(`${name}=${JSON.stringify(args[name])} is not a ${name === 'set' ? 'setSpec' : 'metadataPrefix'} (OAI-PMH.xsd's syntax)`);
  }
  const exclusive = Object.keys(allowed).find((n) => allowed[n] === 'exclusive' && n in args);
  if (exclusive) {
    const others = Object.keys(args).filter((n) => n !== exclusive);
    if (others.length) throw ERR_OAI_BAD_ARGUMENT(`${exclusive} is an exclusive argument: ${others.join(', ')} may not accompany it`);
    return { verb: verb as Verb, args };
  }
  for (const [name, need] of Object.entries(allowed)) {
    if (need === 'required' && !(name in args)) throw ERR_OAI_BAD_ARGUMENT(`${verb} requires the argument ${name}`);
  }
  return { verb: verb as Verb, args };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A from/until value as a seconds-granularity bound (a day widens to its first or last second), and its granularity. */
export function parseBound(name: 'from' | 'until', value: string): { value: string; granularity: 'day' | 'seconds' } {
  const day = DAY.exec(value);
  if (day) {
    if (!validDate(+day[1]!, +day[2]!, +day[3]!)) throw ERR_OAI_BAD_ARGUMENT(`${name}=${value} is not a date`);
    return { value: `${value}T${name === 'from' ? '00:00:00' : '23:59:59'}Z`, granularity: 'day' };
  }
  const s = SECONDS.exec(value);
  if (s && validDate(+s[1]!, +s[2]!, +s[3]!) && +s[4]! < 24 && +s[5]! < 60 && +s[6]! < 60) return { value, granularity: 'seconds' };
  throw ERR_OAI_BAD_ARGUMENT(`${name}=${value} is not a UTC datestamp in YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`);
}

/** The from/until of a list request, checked: same granularity for both, from not after until. */
export function dateRange(args: Record<string, string>): { from?: string; until?: string } {
  const from = args.from === undefined ? undefined : parseBound('from', args.from);
  const until = args.until === undefined ? undefined : parseBound('until', args.until);
  if (from && until) {
    if (from.granularity !== until.granularity) throw ERR_OAI_BAD_ARGUMENT(`from (${args.from}) and until (${args.until}) have different granularities`);
    if (from.value > until.value) throw ERR_OAI_BAD_ARGUMENT(`from (${args.from}) is later than until (${args.until})`);
  }
  return { from: from?.value, until: until?.value };
}
