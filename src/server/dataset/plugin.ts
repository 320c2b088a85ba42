// The dataset plugin: B dataset (VoID + DCAT-AP) negotiated in five formats, with the dumps' sizes and checksums added, and a summary page.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { DOC_EXTENSIONS, type DocExtension } from '../../core/iri.ts';
import { ERR_NOT_ACCEPTABLE, ERR_NOT_FOUND } from '../../core/errors.ts';
import { DOCUMENT_CORS } from '../cors-policies.ts';
import { descriptionQuads } from '../data/description.ts';
import { listDumps } from '../dumps/dump-list.ts';
import { sendDocument } from '../resource/document.ts';
import { datingIris, lastModified } from '../resource/last-modified.ts';
import { serialize } from '../resource/serialize.ts';
import { renderPage } from '../site/page.ts';
import { datasetBody, datasetTitle } from './dataset-page.ts';
import { distributionFacts, TYPED_VALUES, VALUE_FACTS } from './served-description.ts';

// The RDF syntaxes the description is written in (citation formats are for theses only).
const RDF_SYNTAXES = ['ttl', 'nt', 'jsonld', 'rdf'] as const;
const isRdf = (ext: string): ext is (typeof RDF_SYNTAXES)[number] => (RDF_SYNTAXES as readonly string[]).includes(ext);

async function datasetPlugin(app: FastifyInstance): Promise<void> {
  const { iris, data, urls, config } = app;
  const doc = (ext?: DocExtension) => iris.datasetDoc(ext).value;
  // The description graph and the dumps' facts, read once: neither changes while the server runs.
  let described: Promise<{ quads: ReturnType<typeof descriptionQuads>; dumps: Awaited<ReturnType<typeof listDumps>> }> | undefined;
  const load = () => {
    described ??= (async () => {
      const [d, dumps] = await Promise.all([data.describeDocument(doc(), iris.graph('dataset').value, { forPage: false }), listDumps(config.distDir)]);
      const quads = descriptionQuads(d);
      // The document holds the description's hash parts; the publisher, media types, formats, licence and standards it
      // names are described elsewhere or nowhere, and DCAT-AP reads their classes here: their types (and names) join it.
      const values = new Set(quads.filter((q) => q.object.termType === 'NamedNode' && TYPED_VALUES.some((p) => p.equals(q.predicate))).map((q) => q.object.value));
      const facts = await Promise.all([...values].sort().map(async (iri) => (await data.describe(iri, { pageSize: 0, forPage: false })).about
        .filter((q) => q.subject.value === iri && VALUE_FACTS.some((p) => p.equals(q.predicate)))));
      return { quads: [...quads, ...facts.flat(), ...distributionFacts(iris, dumps)], dumps };
    })();
    return described.catch((err: unknown) => { described = undefined; throw err; });
  };

  for (const ext of [undefined, ...DOC_EXTENSIONS]) {
    app.get(`/dataset${ext ? `.${ext}` : ''}`, { config: { cors: DOCUMENT_CORS } }, async function datasetDocument(request, reply) {
      if (!(await data.exists(doc()))) throw ERR_NOT_FOUND('this build has no dataset description');
      return sendDocument(request, reply, {
        docIri: doc,
        page: 1,
        lastModified: () => lastModified(data, datingIris(iris)),
        async render(format) {
          const { quads, dumps } = await load();
          if (format === 'html') {
            const view = { iris, urls, quads, dumps };
            return { body: renderPage(urls, { title: datasetTitle(view), path: 'dataset', main: datasetBody(view) }), hasNext: false };
          }
          if (!isRdf(format)) throw ERR_NOT_ACCEPTABLE(`the dataset description is HTML or RDF (${RDF_SYNTAXES.join(', ')}), not ${format}`);
          return { body: await serialize(quads, format, iris.base), hasNext: false };
        },
      }, ext);
    });
  }
}

export default fp(datasetPlugin, { name: 'dataset', dependencies: ['store', 'data'] });
