// HTTP Digest authentication (RFC 7616, MD5 with qop=auth), what Virtuoso's /sparql-auth asks of a client that writes.
import { createHash, randomBytes } from 'node:crypto';

/** A user and password, from the environment (STORE_USER, STORE_PASSWORD). */
export interface Credentials {
  user: string;
  password: string;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** Reads `key="value"` pairs of a WWW-Authenticate: Digest challenge. */
function challenge(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

/** The Authorization header answering a challenge for one request. */
export function digestHeader(wwwAuthenticate: string, method: string, url: string, credentials: Credentials, nc = 1): string {
  const c = challenge(wwwAuthenticate);
  const uri = new URL(url);
  const path = uri.pathname + uri.search;
  const cnonce = randomBytes(8).toString('hex');
  const count = nc.toString(16).padStart(8, '0');
  const ha1 = md5(`${credentials.user}:${c.realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${path}`);
  const qop = c.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const response = qop ? md5(`${ha1}:${c.nonce}:${count}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${c.nonce}:${ha2}`);
  const parts = [`username="${credentials.user}"`, `realm="${c.realm}"`, `nonce="${c.nonce}"`, `uri="${path}"`, `response="${response}"`, `algorithm=MD5`];
  if (c.opaque !== undefined) parts.push(`opaque="${c.opaque}"`);
  if (qop) parts.push(`qop=${qop}`, `nc=${count}`, `cnonce="${cnonce}"`);
  return `Digest ${parts.join(', ')}`;
}

/** fetch with Digest authentication: the first request learns the challenge, the second answers it (a body is sent twice, so it must be a string or buffer). */
export async function digestFetch(url: string, init: RequestInit & { body?: string | Uint8Array }, credentials: Credentials): Promise<Response> {
  const first = await fetch(url, { ...init, body: init.body });
  if (first.status !== 401) return first;
  const header = first.headers.get('www-authenticate');
  await first.arrayBuffer();
  if (!header || !/^Digest/i.test(header)) return first;
  return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: digestHeader(header, init.method ?? 'GET', url, credentials) } });
}
