// The `thesis-lod` CLI: a static table of verbs; only the verb being run is loaded, and a failing import is never hidden.
import { Command } from 'commander';

/** What a verb module exports: it adds its sub-command, with its options and action, to the program. */
export interface VerbModule {
  register(program: Command): void;
}

interface Verb {
  name: string;
  summary: string;
  load: () => Promise<VerbModule>;
}

// Loading a verb's module lazily keeps `build` from importing the server, and the server from importing SHACL.
const VERBS: readonly Verb[] = [
  { name: 'build', summary: 'build the dataset from DATA_DIR into DIST_DIR', load: () => import('./build.ts') },
  { name: 'validate', summary: 'check every record (ingest, map, link, SHACL) without publishing', load: () => import('./validate.ts') },
  { name: 'serve', summary: 'serve DIST_DIR (linked data, HTML, SPARQL)', load: () => import('./serve.ts') },
  { name: 'start', summary: 'build when DIST_DIR is missing or stale, then serve', load: () => import('./start.ts') },
  { name: 'query', summary: 'run a SPARQL query against the built dataset', load: () => import('./query.ts') },
  { name: 'harvest', summary: 'harvest a repository\'s records over OAI-PMH into DATA_DIR/records/', load: () => import('./harvest.ts') },
  { name: 'corpus', summary: 'write a deterministic synthetic collection in our input formats', load: () => import('./corpus.ts') },
  { name: 'bench', summary: 'measure the build against the n3 Writer alone', load: () => import('./bench.ts') },
  { name: 'load', summary: 'load a build\'s dumps into an external SPARQL store (STORE_URL), verified, then switched to', load: () => import('./load.ts') },
];

const program = new Command('thesis-lod')
  .description('Build and serve a linked-open-data dataset of theses')
  .showHelpAfterError();

// `thesis-lod help build` needs the build module too, for its options.
const verbName = process.argv[2] === 'help' ? process.argv[3] : process.argv[2];
const requested = VERBS.find((v) => v.name === verbName);
if (requested) {
  (await requested.load()).register(program);
} else {
  // No verb (or --help, or a typo): list the verbs from the table without loading any module.
  for (const verb of VERBS) program.command(verb.name).description(verb.summary);
}

await program.parseAsync(process.argv);
