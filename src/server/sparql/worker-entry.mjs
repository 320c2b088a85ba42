// Entry of a SPARQL worker thread: a thread does not inherit the parent's TypeScript loader, so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
