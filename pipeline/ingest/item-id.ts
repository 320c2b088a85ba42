// The item-id rule: which of a record's identifiers becomes the id in its IRIs (1.0449833).
import { ERR_FIELD_MISSING, ERR_FIELD_VALUE, type Where } from '../../src/core/errors.ts';
import { isValidId } from '../../src/core/iri.ts';

/** A candidate id and where it was read. */
export interface IdCandidate {
  id: string;
  /** What it came from, for messages: `DOI 10.14288/1.0449833`. */
  from: string;
  line?: number;
  field: string;
}

/** The item id in a bare DOI: its suffix (10.14288/1.0449833 → 1.0449833), when usable as an IRI segment. */
export function itemIdFromDoi(doi: string): string | undefined {
  const suffix = doi.slice(doi.indexOf('/') + 1);
  return isValidId(suffix) ? suffix : undefined;
}

const OC_ITEM = /^https?:\/\/open\.library\.ubc\.ca\/(?:[^?#]*\/)?items\/([^/?#]+)\/?(?:[?#].*)?$/i;

/** The item id in an Open Collections item page URI (…/collections/ubctheses/24/items/1.0449833). */
export function itemIdFromUri(uri: string): string | undefined {
  const id = OC_ITEM.exec(uri.trim())?.[1];
  return id && isValidId(id) ? id : undefined;
}

const OC_OAI = /^oai:open\.library\.ubc\.ca:(?:.*\/)?(\d+\.\d+)$/i;

/** The item id in an Open Collections OAI identifier (oai:open.library.ubc.ca:1.0449833; the last path segment). */
export function itemIdFromOaiIdentifier(identifier: string): string | undefined {
  return OC_OAI.exec(identifier.trim())?.[1];
}

/**
 * Decides a record's id. Candidates come strongest first (DOI, then item page URI, then OAI identifier);
 * `strong` ones that disagree are an error, since a wrong id would mint a wrong, permanent IRI.
 */
export function chooseItemId(strong: IdCandidate[], fallback: IdCandidate[], where: Where): string {
  const first = strong[0] ?? fallback[0];
  if (!first) {
    throw ERR_FIELD_MISSING('no item id: the record has neither a DOI nor an Open Collections item URI', { ...where, field: 'DOI' });
  }
  const other = strong.find((c) => c.id !== first.id);
  if (other) {
    throw ERR_FIELD_VALUE(`${first.from} gives item id ${first.id} but ${other.from} gives ${other.id}`, {
      ...where, line: other.line, field: other.field, recordId: first.id,
    });
  }
  return first.id;
}
