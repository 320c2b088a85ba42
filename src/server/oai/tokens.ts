// Resumption tokens: the position of a list harvest, signed (HMAC-SHA256) so a forged or altered one is refused, and dated so an old one expires.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ERR_CONFIG, ERR_OAI_BAD_RESUMPTION_TOKEN } from '../../core/errors.ts';

/** Where a list stands: what was asked, where the last page ended, and the harvest's pinned time. */
export interface TokenState {
  verb: 'ListRecords' | 'ListIdentifiers' | 'ListSets';
  metadataPrefix?: string;
  set?: string;
  from?: string;
  until?: string;
  /** The builds the list has been served from (see ListVersion): records a later build changed are not sent twice. */
  versions?: { latest: string; start?: { datestamp: string; id: string } }[];
  /** The (datestamp, id) of the last record sent; for ListSets, `offset` instead. */
  datestamp?: string;
  id?: string;
  offset?: number;
  /** Records sent before the next page, and the list's size as counted when it began. */
  cursor: number;
  completeListSize: number;
}

/** The key file in STATE_DIR that every server on that STATE_DIR shares when OAI_TOKEN_SECRET is not set. */
export const TOKEN_KEY_FILE = 'oai-token.key';

/**
 * The signing key: OAI_TOKEN_SECRET when set (servers on different machines set the same one), else STATE_DIR/oai-token.key,
 * made once from the system's random source and linked into place atomically, so two instances starting together agree.
 */
export async function tokenKey(secret: string, stateDir: string): Promise<Buffer> {
  if (secret) return Buffer.from(secret, 'utf8');
  const file = path.join(stateDir, TOKEN_KEY_FILE);
  const read = async () => Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  try {
    return await read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw ERR_CONFIG(`cannot read the resumption-token key ${file} (${(err as Error).message}): fix STATE_DIR, or set OAI_TOKEN_SECRET`, { file }, err);
  }
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(stateDir, { recursive: true });
    await writeFile(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw ERR_CONFIG(`cannot make the resumption-token key ${file} (${(err as Error).message}): make STATE_DIR writable, or set OAI_TOKEN_SECRET`, { file }, err);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return read();
}

/** Signs and checks tokens with one key; tokens last ttlSeconds from issue. */
export class TokenCodec {
  constructor(private readonly key: Buffer, private readonly ttlSeconds: number) {}

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  /** The token for a state, and when it expires (the resumptionToken's expirationDate). */
  encode(state: TokenState, now = Date.now()): { token: string; expires: Date } {
    const expires = new Date(Math.floor(now / 1000) * 1000 + this.ttlSeconds * 1000);
    const body = Buffer.from(JSON.stringify({ ...state, exp: expires.getTime() / 1000 })).toString('base64url');
    return { token: `${body}.${this.mac(body)}`, expires };
  }

  /** The state of a token issued for `verb`; badResumptionToken when it is forged, altered, for another verb or expired. */
  decode(token: string, verb: TokenState['verb'], now = Date.now()): TokenState {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) throw ERR_OAI_BAD_RESUMPTION_TOKEN('the resumptionToken is not one this repository issued');
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw ERR_OAI_BAD_RESUMPTION_TOKEN('the resumptionToken is not one this repository issued (its signature does not match)');
    const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenState & { exp: number };
    if (state.verb !== verb) throw ERR_OAI_BAD_RESUMPTION_TOKEN(`the resumptionToken continues a ${state.verb} list, not ${verb}`);
    if (state.exp * 1000 < now) throw ERR_OAI_BAD_RESUMPTION_TOKEN(`the resumptionToken expired at ${new Date(state.exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}; start the list again`);
    const { exp: _exp, ...rest } = state;
    return rest;
  }
}
