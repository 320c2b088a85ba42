// The harvest position in STATE_DIR: the last datestamp of each completed harvest, and where an interrupted list stopped.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ERR_HARVEST } from '../../src/core/errors.ts';

/** One harvest, as the user names it: the same URL, set and format share one position. */
export interface HarvestKey {
  url: string;
  set?: string;
  format: string;
}

/** Where a list in progress stands: enough to ask for its next page, and to start it again if the token has expired. */
export interface PendingList {
  token: string;
  /** The `from` the list was started with (undefined: the whole repository). */
  from?: string;
  /** The newest datestamp among the records fetched so far. */
  maxDatestamp?: string;
  fetched: number;
  deleted: number;
  completeListSize?: number;
}

/** The file's content. */
export interface HarvestState extends HarvestKey {
  /** The newest datestamp of the last completed harvest: the next run asks `from` it. */
  lastDatestamp?: string;
  /** When the last harvest completed (ISO). */
  completedAt?: string;
  pending?: PendingList;
}

/** STATE_DIR/harvest/{hash of URL, set, format}.json. */
export function stateFile(stateDir: string, key: HarvestKey): string {
  const hash = createHash('sha256').update(JSON.stringify([key.url, key.set ?? '', key.format])).digest('hex').slice(0, 16);
  return path.join(stateDir, 'harvest', `${hash}.json`);
}

/** Reads the state of a harvest; a missing file is a first harvest, a corrupt one an error (it is what keeps the position). */
export async function loadState(stateDir: string, key: HarvestKey): Promise<HarvestState> {
  const file = stateFile(stateDir, key);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...key };
    throw ERR_HARVEST(`cannot read the harvest state ${file}`, { file }, err);
  }
  try {
    return { ...(JSON.parse(text) as HarvestState), ...key };
  } catch (err) {
    throw ERR_HARVEST(`the harvest state ${file} is not valid JSON; remove it to harvest from the start`, { file }, err);
  }
}

/** Writes the state beside its place and renames it in, so an interrupted write never leaves half a file. */
export async function saveState(stateDir: string, state: HarvestState): Promise<void> {
  const file = stateFile(stateDir, state);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 1)}\n`);
  await rename(temp, file);
}

/** The later of two datestamps (ISO forms of one granularity compare as strings). */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return b > a ? b : a;
}
