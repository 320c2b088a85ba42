// The `thesis-lod` CLI: one sub-command per verb, each module loaded only when its verb runs.
import { Command } from 'commander';

const program = new Command('thesis-lod')
  .description('Build and serve a linked-open-data dataset of theses')
  .showHelpAfterError();

// Each verb registers its options in its own module under src/cli/, so this file stays a table.
const verbs: Record<string, () => Promise<{ register(program: Command): void }>> = {
  build: () => import('./build.ts'),
  serve: () => import('./serve.ts'),
  start: () => import('./start.ts'),
  validate: () => import('./validate.ts'),
  query: () => import('./query.ts'),
  bench: () => import('./bench.ts'),
};

for (const load of Object.values(verbs)) {
  try {
    (await load()).register(program);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
}

await program.parseAsync(process.argv);
