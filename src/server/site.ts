// The site plugin: the human-facing pages besides resource pages (home, search, browse, query UI) and the crawler files.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { loadExamples } from './site/examples.ts';
import { registerFiles } from './site/files.ts';
import { registerHome } from './site/home.ts';
import { registerQueryUi } from './site/query-ui.ts';
import { registerSearch } from './site/search.ts';
import { registerBrowse } from './site/browse.ts';
import { SearchService } from './site/search-service.ts';
import { registerSiteAssets } from './site/site-assets.ts';

async function sitePlugin(app: FastifyInstance): Promise<void> {
  // Both read once at start: the index is what the build made, the examples ship with the code.
  const [search, examples] = await Promise.all([SearchService.load(app.config.distDir), loadExamples()]);
  if (!search) app.log.warn({ distDir: app.config.distDir }, 'no search-index.json in DIST_DIR: /search and /browse answer 503 until a rebuild');
  registerHome(app, examples, search);
  registerSearch(app, search);
  registerBrowse(app, search);
  registerQueryUi(app, examples);
  await registerSiteAssets(app);
  await registerFiles(app);
}

export default fp(sitePlugin, { name: 'site', dependencies: ['store', 'data'] });
