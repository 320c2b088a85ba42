// The service manifest: what OpenRefine reads when a cataloger adds B reconcile as a service (names, id space, types, view, preview, suggest, extend).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TYPES } from './candidates.ts';

/** Width and height OpenRefine gives the preview iframe. */
export const PREVIEW_SIZE = { width: 430, height: 130 };

/** The manifest for a request (absolute URLs as the client reached this server). */
export function manifest(app: FastifyInstance, request: FastifyRequest): Record<string, unknown> {
  const abs = (rel: string) => app.urls.absolute(rel, request);
  // suggest and extend name a service URL and a path; the service URL is the public base without its trailing slash.
  const serviceUrl = abs('').replace(/\/$/, '');
  const service = (path: string) => ({ service_url: serviceUrl, service_path: `/${path}` });
  return {
    // 0.2 is what OpenRefine reads; 1.0-draft's manifest differs (suggest as booleans), so it is not claimed, though its JSON batches are answered.
    versions: ['0.2'],
    name: 'thesis-lod: theses and the people, organisations, places, events and concepts they name',
    identifierSpace: abs('id/'),
    schemaSpace: abs('ontology#'),
    documentation: abs('reconcile/help'),
    serviceVersion: '1',
    // {{id}} is the id encoded as a URI component (thesis%2F1.0449833): the view route reads it back either way.
    view: { url: abs('reconcile/view/{{id}}') },
    defaultTypes: TYPES.map(({ id, name }) => ({ id, name })),
    preview: { url: abs('reconcile/preview?id={{id}}'), ...PREVIEW_SIZE },
    suggest: {
      entity: service('reconcile/suggest/entity'),
      type: service('reconcile/suggest/type'),
      property: service('reconcile/suggest/property'),
    },
    extend: {
      propose_properties: service('reconcile/propose_properties'),
      property_settings: [],
    },
  };
}
