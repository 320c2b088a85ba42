// PLACEHOLDER: the store plugin; its owner replaces this file.
import fp from 'fastify-plugin';

export default fp(async function storePlugin() {}, { name: 'store' });
