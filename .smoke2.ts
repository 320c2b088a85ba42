import { testApp } from './tests/helpers/app.ts';
const t0 = Date.now();
const app = await testApp();
console.log('ready', Date.now() - t0);
const r = await app.inject({ url: '/sparql', headers: { accept: 'text/html' } });
console.log(r.statusCode, r.body.slice(0, 300));
const h = await app.inject({ url: '/health' }); console.log(h.statusCode, h.body);
const d = await app.inject({ url: '/doc/thesis/1.0449833', headers: { accept: 'text/turtle' } }); console.log(d.statusCode, d.body.slice(0, 100));
await app.close();
