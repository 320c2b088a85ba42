// The shared HTTP suite over a real Virtuoso 7 loaded with dist-mini (skipped, saying why, where virtuoso-t is absent).
import path from 'node:path';
import { describe, it } from 'vitest';
import { httpSuite } from './http-suite.ts';
import { DIST_MINI, testApp } from '../helpers/app.ts';
import { DBA, HAS_VIRTUOSO, SKIP_REASON, Virtuoso } from '../helpers/virtuoso.ts';
import { loadStore } from '../../src/store-external/load.ts';

if (!HAS_VIRTUOSO) {
  describe.skip(SKIP_REASON, () => it('needs virtuoso-t', () => {}));
} else {
  let store: Virtuoso | undefined;
  httpSuite({
    name: 'Virtuoso',
    async app() {
      store = await Virtuoso.start();
      await loadStore({ dump: path.join(DIST_MINI, 'dumps', 'dataset.nq'), storeUrls: [store.url], credentials: DBA, graceMs: 0 });
      return testApp({ config: { store: 'sparql', storeUrls: store.url } });
    },
    close: async () => store?.dispose(),
  });
}
