// PLACEHOLDER: the sparql plugin; its owner replaces this file.
import fp from 'fastify-plugin';

export default fp(async function sparqlPlugin() {}, { name: 'sparql' });
