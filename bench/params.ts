// The bench's parameters, picked from the built data by asking the reference store (sparql/bench/params/*.rq): nothing is guessed.
import { postQuery } from './http-client.ts';
import { bindQuery, integerTerm, loadQuery, stringTerm, termFromJson, type Bindings } from './queries.ts';
import { sample, seededRandom } from './stats.ts';

/** What was picked, with the document paths to load-test and the hub entity. */
export interface CorpusParams {
  theses: number;
  bindings: Bindings;
  /** The parameters in words, for the report. */
  described: Record<string, string>;
  documentPaths: string[];
  hub?: { path: string; iri: string; links: number; laterPage: number };
}

type Row = Record<string, { type: string; value: string; datatype?: string; 'xml:lang'?: string }>;

/** Runs a params query on an endpoint and returns its rows; fails loudly, as every later figure depends on it. */
async function rows(endpoint: string, file: string, baseIri: string, bindings: Bindings = {}): Promise<Row[]> {
  const query = loadQuery(`params/${file}`, baseIri);
  const answer = await postQuery(endpoint, bindQuery(query, bindings), 'select', 600_000);
  if (answer.status !== 200) throw new Error(`params/${file} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  return (JSON.parse(answer.body) as { results: { bindings: Row[] } }).results.bindings;
}

/** Rows of a params query whose parameter is optional: a failure leaves it unset (its queries are then skipped) and is said why. */
async function optionalRows(endpoint: string, file: string, baseIri: string, described: Record<string, string>, name: string, bindings: Bindings = {}): Promise<Row[]> {
  try {
    return await rows(endpoint, file, baseIri, bindings);
  } catch (err) {
    described[name] = `unavailable: ${(err as Error).message.slice(0, 200)}`;
    return [];
  }
}

const DOCUMENT_FORMATS = ['ttl', 'nt', 'jsonld', 'rdf', 'html'] as const;
const LINKS_PER_PAGE = 100;

/** The document path of a thing's IRI under `B id/` (`B id/place/x` → `/doc/place/x`), or undefined for any other IRI. */
export function documentPath(iri: string, baseUri: string): string | undefined {
  if (!iri.startsWith(`${baseUri}id/`)) return undefined;
  return `/doc/${iri.slice(baseUri.length + 3).split('/').map(encodeURIComponent).join('/')}`;
}

/** Picks every parameter from the data through `endpoint` (the reference), deterministically for a seed. */
export async function pickParams(endpoint: string, baseUri: string, seed: number, documents: number): Promise<CorpusParams> {
  const base = `${baseUri}sparql`;
  const described: Record<string, string> = {};
  const bindings: Bindings = {};
  const theses = Number((await rows(endpoint, 'count-theses.rq', base))[0]?.theses?.value ?? 0);
  if (theses === 0) throw new Error('the built data has no schema:Thesis: nothing to benchmark');
  const middle = Math.floor(theses / 2);
  const thesis = termFromJson((await rows(endpoint, 'middle-thesis.rq', base, { OFFSET: middle }))[0]!.thesis!);
  bindings.thesis = thesis;
  described.thesis = thesis.value;

  const title = (await rows(endpoint, '../isolation/thesis-title.rq', base, { thesis }))[0]?.title?.value ?? '';
  const words = title.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  const keyword = words.reduce((best, w) => (w.length > best.length ? w : best), words[0] ?? 'the');
  bindings.keyword = stringTerm(keyword);
  described.keyword = JSON.stringify(keyword);

  const author = (await optionalRows(endpoint, 'first-author.rq', base, described, 'prefix', { thesis }))[0]?.name?.value;
  if (author) {
    bindings.prefix = stringTerm([...author].slice(0, 2).join(''));
    described.prefix = JSON.stringify([...author].slice(0, 2).join(''));
  }
  const subject = (await optionalRows(endpoint, 'top-subject.rq', base, described, 'subject'))[0];
  if (subject?.subject) {
    bindings.subject = termFromJson(subject.subject);
    described.subject = `${subject.subject.value} (${subject.theses?.value} theses)`;
  }
  const mentioned = (await optionalRows(endpoint, 'top-mentioned.rq', base, described, 'entity'))[0];
  if (mentioned?.entity) {
    bindings.entity = termFromJson(mentioned.entity);
    described.entity = `${mentioned.entity.value} (mentioned by ${mentioned.theses?.value} theses)`;
  }
  const pair = (await optionalRows(endpoint, 'top-program-degree.rq', base, described, 'program'))[0];
  if (pair?.program && pair.degree) {
    const first = Number(pair.first?.value);
    const last = Number(pair.last?.value);
    const quarter = Math.floor((last - first) / 4);
    bindings.program = termFromJson(pair.program);
    bindings.degree = termFromJson(pair.degree);
    bindings.from = integerTerm(first + quarter);
    bindings.to = integerTerm(last - quarter);
    described.program = `${JSON.stringify(pair.program.value)}, ${pair.degree.value}, ${first + quarter}–${last - quarter} (${pair.theses?.value} theses of that pair in all)`;
  }
  const offset = Math.max(0, Math.floor(theses / 2 / 50) * 50);
  bindings.OFFSET = offset;
  described.OFFSET = String(offset);

  const things = (await rows(endpoint, 'documents.rq', base)).map((r) => r.thing?.value).filter((v): v is string => !!v);
  const paths = things.map((iri) => documentPath(iri, baseUri)).filter((p): p is string => !!p);
  const random = seededRandom(seed);
  const documentPaths = sample(paths, documents, random).map((p) => `${p}.${DOCUMENT_FORMATS[Math.floor(random() * DOCUMENT_FORMATS.length)]}`);

  const hubRow = (await optionalRows(endpoint, 'hub-entity.rq', base, described, 'hub'))[0];
  let hub: CorpusParams['hub'];
  const hubPath = hubRow?.entity ? documentPath(hubRow.entity.value, baseUri) : undefined;
  if (hubRow?.entity && hubPath) {
    const links = Number(hubRow.links?.value ?? 0);
    hub = { path: hubPath, iri: hubRow.entity.value, links, laterPage: Math.max(1, Math.ceil(links / LINKS_PER_PAGE / 2)) };
    described.hub = `${hubRow.entity.value} (${links} incoming links; pages 1 and ${hub.laterPage})`;
  }
  return { theses, bindings, described, documentPaths, hub };
}

