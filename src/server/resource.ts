// PLACEHOLDER: the resource plugin; its owner replaces this file.
import fp from 'fastify-plugin';

export default fp(async function resourcePlugin() {}, { name: 'resource' });
