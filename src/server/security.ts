// PLACEHOLDER: the security plugin; its owner replaces this file.
import fp from 'fastify-plugin';

export default fp(async function securityPlugin() {}, { name: 'security' });
