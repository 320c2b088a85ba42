// The documents' reference, run as its own process: a fastify hello-world answering every GET path, as the server's floor.
// Usage: node --import tsx bench/hello-child.ts — prints one JSON line {ready, port} once it listens.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/*', async function hello() { return 'hello world'; });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address() as { port: number };
process.stdout.write(`${JSON.stringify({ ready: true, port: address.port })}\n`);
process.on('SIGTERM', () => { app.close().then(() => process.exit(0), () => process.exit(1)); });
