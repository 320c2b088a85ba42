// PLACEHOLDER: the errors plugin; its owner replaces this file.
import fp from 'fastify-plugin';

export default fp(async function errorsPlugin() {}, { name: 'errors' });
