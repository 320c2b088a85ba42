import { testApp } from './tests/helpers/app.ts';
const app = await testApp();
for (const [url, accept] of [['/id/thesis/1.0449833', undefined], ['/doc/thesis/1.0449833', 'text/turtle'], ['/doc/thesis/1.0449833.jsonld', undefined], ['/doc/thesis/1.0449833.rdf', undefined], ['/doc/thesis/1.0449833', 'text/html'], ['/id/person/yi-li', undefined], ['/id/thesis/1.0000000', 'text/html'], ['/doc/thesis/9.99', undefined], ['/doc/thesis/1.0449833', 'image/png'], ['/dataset', 'text/turtle'], ['/ontology.nt', undefined]] as const) {
  const r = await app.inject({ url, headers: accept ? { accept } : {} });
  console.log('=====', url, accept, r.statusCode, JSON.stringify(r.headers, null, 0));
  console.log(r.body.slice(0, url.includes('html') || accept === 'text/html' ? 6000 : 1500));
}
await app.close();
