// What `app.store` is when an external store holds the data: no quads in this process, and a clear 503 for a part that still reads them synchronously.
import { ERR_STORE_UNAVAILABLE } from '../../../core/errors.ts';
import type { QuadStore as CompactStore } from '../../../store/quad-store.ts';

/**
 * A stand-in for the embedded store. Parts of the server that read `app.store` directly (rather than the DataStore)
 * cannot work over the network synchronously: each read fails with a 503 naming the reason, never with wrong data.
 * While the app starts, getObjects answers nothing, so a plugin reading an optional fact at registration (the OAI
 * repository's name) starts with its fallback.
 */
export function noEmbeddedStore(): { store: CompactStore; started(): void } {
  let starting = true;
  const refuse = (method: string) => {
    throw ERR_STORE_UNAVAILABLE(`this part of the server reads the embedded store (${method}), which STORE=sparql does not load; it is not served with an external store yet`);
  };
  const store = new Proxy({}, {
    get(_target, name) {
      // Properties others probe a value for (fastify's decorator getter/setter, a thenable, symbols) are absent.
      if (typeof name === 'symbol' || name === 'then' || name === 'getter' || name === 'setter') return undefined;
      if (name === 'getObjects') return (...args: unknown[]) => (starting ? [] : refuse(`getObjects(${args.length})`));
      return () => refuse(String(name));
    },
  });
  return { store: store as CompactStore, started: () => { starting = false; } };
}
