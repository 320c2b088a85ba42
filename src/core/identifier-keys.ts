// The identifier kinds the resolver answers for, each read into the one key the build's index and a request share.
import { isValidId } from './iri.ts';

/** What a catalog may hold of a thesis: its DOI, its handle, the repository's item id, its Open Collections page. */
export const IDENTIFIER_KINDS = ['doi', 'handle', 'id', 'url'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** A key, or why the text is not an identifier of that kind (what a 400 says). */
export type KeyResult = { key: string } | { error: string };

// A DOI is "10." a registrant code, "/" and a suffix (DOI Handbook 2.2); resolver and scheme prefixes are dropped.
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*|urn:doi:)/i;
const DOI = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;
// A handle is a naming authority (digits and dots), "/" and a local name; hdl.handle.net URLs and hdl: are dropped.
const HANDLE_PREFIX = /^(?:https?:\/\/hdl\.handle\.net\/|hdl:\s*)/i;
const HANDLE = /^\d[\d.]*\/[^\s?#]+$/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A DOI's key: bare and lower-cased (DOIs are case-insensitive: DOI Handbook 2.4), whatever prefix it came with. */
export function doiKey(text: string): KeyResult {
  const bare = decoded(text.trim().replace(DOI_PREFIX, '')).trim();
  if (!DOI.test(bare)) return { error: `${JSON.stringify(text)} is not a DOI: a DOI reads 10.NNNN/suffix (e.g. 10.14288/1.0449833), optionally after https://doi.org/ or doi:` };
  return { key: bare.toLowerCase() };
}

/** A handle's key: bare and lower-cased (the Handle System compares ASCII case-insensitively). */
export function handleKey(text: string): KeyResult {
  const bare = decoded(text.trim().replace(HANDLE_PREFIX, '')).trim();
  if (!HANDLE.test(bare)) return { error: `${JSON.stringify(text)} is not a handle: a handle reads prefix/suffix (e.g. 2429/12345), optionally as http://hdl.handle.net/2429/12345` };
  return { key: bare.toLowerCase() };
}

/** An item id's key: the id itself (1.0449833), as our IRIs use it. */
export function idKey(text: string): KeyResult {
  const id = text.trim();
  if (!isValidId(id)) return { error: `${JSON.stringify(text)} is not an item id: the repository's ids read like 1.0449833 (letters, digits, . _ ~ -)` };
  return { key: id };
}

/**
 * A page URL's key: host lower-cased, scheme, query, fragment and a trailing slash dropped (http and https, with or
 * without "www.", name the same page), so a URL copied from a browser finds what the record wrote.
 */
export function urlKey(text: string): KeyResult {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `${JSON.stringify(text)} is not a URL: give the item's page as https://open.library.ubc.ca/…/items/1.0449833` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `${JSON.stringify(text)} is not an http(s) URL` };
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const pathname = decoded(url.pathname).replace(/\/+$/, '');
  return { key: `${host}${url.port ? `:${url.port}` : ''}${pathname}` };
}

/** The key of an identifier of a kind. */
export function identifierKey(kind: IdentifierKind, text: string): KeyResult {
  switch (kind) {
    case 'doi': return doiKey(text);
    case 'handle': return handleKey(text);
    case 'id': return idKey(text);
    case 'url': return urlKey(text);
  }
}

/** The item id an Open Collections item URL ends in (…/items/1.0449833), or undefined. */
export function itemIdOfUrl(text: string): string | undefined {
  const m = /\/items\/([^/?#]+)\/?(?:[?#].*)?$/.exec(text.trim());
  return m && isValidId(m[1]!) ? m[1] : undefined;
}
