// Entry of a record worker thread: registers tsx, as bin/thesis-lod.js does, so that the TypeScript sources run as they are.
// A worker does not inherit the loader the main thread registered at run time, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./record-worker.ts');
