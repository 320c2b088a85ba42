// PLACEHOLDER: the site plugin; its owner replaces this file.
import fp from 'fastify-plugin';

export default fp(async function sitePlugin() {}, { name: 'site' });
