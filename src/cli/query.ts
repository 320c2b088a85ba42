// `thesis-lod query`: runs one SPARQL query over DIST_DIR's dataset in this process, with the endpoint's engine and formats, and prints the result.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { formatProblem, ThesisLodError, ERR_BAD_REQUEST } from '../core/errors.ts';
import { loadStore } from '../server/store.ts';
import { QueryRunner } from '../server/sparql/execute.ts';

interface QueryFlags {
  expression?: string;
  format?: string;
  distDir?: string;
  baseUri?: string;
  defaultGraph: string[];
  namedGraph: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Reads the query (a file, or -e text), runs it over the built dataset, and writes the result to stdout. */
async function runQueryCommand(file: string | undefined, flags: QueryFlags): Promise<void> {
  if ((file === undefined) === (flags.expression === undefined)) throw ERR_BAD_REQUEST('give a query file or -e "query", one of the two');
  const query = flags.expression ?? await readFile(file!, 'utf8');
  const config = loadConfig({ distDir: flags.distDir, baseUri: flags.baseUri });
  const store = await loadStore(config.distDir);
  const runner = new QueryRunner(store, config.baseUri);
  // A local run has no caps: the user reads their own dump. The format defaults to what reads best in a terminal.
  const answer = await runner.run(
    { query, defaultGraphs: flags.defaultGraph, namedGraphs: flags.namedGraph, wish: { format: flags.format, accept: flags.format ? undefined : 'text/tab-separated-values, application/sparql-results+json;q=0.9, text/turtle;q=0.8' } },
    { maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER },
  );
  process.stdout.write(answer.body);
  if (answer.kind === 'bindings') console.error(`${answer.rows} row${answer.rows === 1 ? '' : 's'}`);
}

/** Registers `query <file.rq>` / `query -e "…"` with --format, --dist-dir, --base-uri and the protocol dataset flags. */
export function register(program: Command): void {
  program
    .command('query')
    .description('run a SPARQL query over the built dataset (DIST_DIR/dumps/dataset.nq) and print the result')
    .argument('[file]', 'a .rq file holding the query')
    .option('-e, --expression <query>', 'the query text itself')
    .option('-f, --format <format>', 'json, xml, csv, tsv (SELECT, ASK); ttl, nt, nq, jsonld, rdf (CONSTRUCT, DESCRIBE); or a media type')
    .option('--dist-dir <dir>', 'built dataset to query (env DIST_DIR, default dist)')
    .option('--base-uri <iri>', 'the IRI base the data was built with (env BASE_URI)')
    .option('--default-graph <iri>', 'a graph of the default graph instead of the union (repeatable)', collect, [])
    .option('--named-graph <iri>', 'a named graph of the dataset (repeatable)', collect, [])
    .action(async (file: string | undefined, flags: QueryFlags) => {
      try {
        await runQueryCommand(file, flags);
      } catch (err) {
        if (!(err instanceof ThesisLodError)) throw err;
        console.error(formatProblem(err.toProblem()));
        process.exitCode = 1;
      }
    });
}
