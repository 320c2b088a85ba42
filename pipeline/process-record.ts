// One record from ingest to the bytes of the dumps (check, canonical form, ledger dates, provenance, the five syntaxes), in any thread.
import { Parser, type Quad } from 'n3';
import type { Config } from '../src/core/config.ts';
import { Iris } from '../src/core/iri.ts';
import { ERR_BUILD } from '../src/core/errors.ts';
import { portableAuthority, type PortableEntries } from './authority.ts';
import { checkRecord, noTimes, stagesFrom, type StageTimes, type Stages } from './check.ts';
import { datesFor, type LedgerEntry } from './ledger.ts';
import { jsonldContext } from '../src/core/jsonld-context.ts';
import { blankPrefix, canonicalizeKeyed, hashKeys, tripleKey, type KeyedQuads } from './publish/canonical.ts';
import { recordProvenance } from './publish/provenance.ts';
import type { RecordEntry } from './publish/report.ts';
import { searchFacts, type SearchFacts } from './publish/search-index.ts';
import { GraphSerializer, type SerializedGraph } from './publish/serialize.ts';
import { RECORD } from './publish/union.ts';
import type { Ingested } from './types.ts';

/** A record ingest could read, and what the ledger held for its id before this build. */
export interface RecordJob {
  item: Extract<Ingested, { ok: true }>;
  prior?: LedgerEntry;
}

/** What became of a record: its report entry and, when it publishes, everything the runner appends and records. */
export interface RecordOutcome {
  entry: RecordEntry;
  published?: {
    contentHash: string;
    /** The dates datesFor gives (the runner's ledger must agree). */
    dates: LedgerEntry;
    graph: SerializedGraph;
    search: SearchFacts;
  };
  /** Milliseconds spent on it, by stage (ingest is the runner's). */
  times: StageTimes;
}

/** Runs records; one per thread, made once per build. */
export interface RecordProcessor {
  process(job: RecordJob): Promise<RecordOutcome>;
}

/** What a processor is made from: the same in the runner and in every worker thread, so each writes the same bytes. */
export interface ProcessorInit {
  config: Pick<Config, 'baseUri' | 'dataDir'>;
  buildDate: string;
  /** The ontology's Turtle text (read once by the runner, so every thread sees the same). */
  ontologyText: string;
  /** The authority file's entries as the runner read them (so no thread parses the YAML again). */
  authority: PortableEntries;
}

/** The ontology's quads, parsed with BASE_URI as base. */
export function parseOntology(text: string, base: string, file?: string): Quad[] {
  try {
    return new Parser({ baseIRI: base }).parse(text);
  } catch (err) {
    throw ERR_BUILD(`cannot read the ontology: ${(err as Error).message}`, { file }, err);
  }
}

/** The graphs that are not records, as published before any record: what the union remembers for the whole build. */
export function sharedGraphs(stages: Stages, ontology: readonly Quad[]): ({ name: 'ontology' | 'authority' } & KeyedQuads)[] {
  return (([['ontology', ontology], ['authority', stages.authority.quads]] as const)).map(([name, quads]) => ({
    name, ...canonicalizeKeyed(quads, stages.iris.graph(name), blankPrefix('g', name)),
  }));
}

/** What the runner's own processor reuses of the runner: its stages, and the publisher's serialiser (which holds the shared graphs). */
export interface RunnerParts {
  stages: Stages;
  serializer: GraphSerializer;
}

/**
 * Makes a processor. With the runner's parts nothing is built again; a worker thread builds the authority from the
 * entries it is handed, the linker and validator from that, and a serialiser shown the shared graphs.
 */
export async function createRecordProcessor(init: ProcessorInit, runner?: RunnerParts): Promise<RecordProcessor> {
  const s = runner?.stages ?? (await stagesFrom(init.config.baseUri, portableAuthority(init.authority, new Iris(init.config.baseUri))));
  const { iris } = s;
  let serializer = runner?.serializer;
  if (!serializer) {
    serializer = new GraphSerializer(iris, jsonldContext(init.config.baseUri));
    for (const { quads, keys } of sharedGraphs(s, parseOntology(init.ontologyText, init.config.baseUri))) serializer.share(quads, keys);
  }

  return {
    async process({ item, prior }) {
      const times = noTimes();
      const { entry, record, quads } = await checkRecord(s, item, times);
      if (!record || !quads) return { entry, times };
      let t = performance.now();
      const graph = iris.recordGraph(record.id);
      const canonical = canonicalizeKeyed(quads, graph, blankPrefix('r', record.id));
      const contentHash = hashKeys(canonical.keys);
      const dates = datesFor(prior, contentHash, init.buildDate);
      // The graph is a set: a provenance statement the record already makes (none does) is not written twice.
      const published = [...canonical.quads];
      const keys = [...canonical.keys];
      for (const q of recordProvenance(iris, record, dates)) {
        const key = tripleKey(q);
        if (canonical.keySet.has(key)) continue;
        canonical.keySet.add(key);
        published.push(q);
        keys.push(key);
      }
      const serialized = serializer!.serialize(graph, published, RECORD, { keys, distinct: true });
      times.publish += performance.now() - t;
      t = performance.now();
      const search = searchFacts(iris, record, published);
      times.searchIndex += performance.now() - t;
      return { entry, times, published: { contentHash, dates, graph: serialized, search } };
    },
  };
}
