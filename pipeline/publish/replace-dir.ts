// Builds into a folder beside DIST_DIR and swaps it in only when the build completed, so a failure leaves the last good dataset.
import { chmod, lstat, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

// Which build owns a staging folder is written in its name, `.{dist}-build-{pid}@{host}-XXXXXX` (and `-old-` for the
// last dataset set aside during the swap): a later build removes the folders whose process is gone, and never those
// of a build still running. The pid is enough on one machine; a folder made on another host is left alone, since no
// pid there can be checked from here. No lock file is needed: a killed build could not remove its lock either.
const HOST = hostname().replace(/[^A-Za-z0-9.-]/g, '_');
const owner = () => `${process.pid}@${HOST}`;
const OWNED = /^(\d+)@([A-Za-z0-9._-]+)-[A-Za-z0-9]{6}$/;
// Folders of the code before owners were named (`.{dist}-build-XXXXXX`): removed once untouched for this long.
const UNOWNED_AFTER_MS = 60 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; only ESRCH says it is gone.
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the staging (and set-aside) folders beside DIST_DIR that a killed or crashed build left: those whose owning
 * process on this host is gone, and unowned ones untouched for an hour. Returns the folders removed.
 */
export async function removeStaleStaging(distDir: string, now = Date.now()): Promise<string[]> {
  const parent = path.dirname(distDir);
  const prefixes = ['build', 'old'].map((k) => `.${path.basename(distDir)}-${k}-`);
  const removed: string[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const full = path.join(parent, name);
    const info = await lstat(full).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const rest = name.slice(prefix.length);
    const m = OWNED.exec(rest);
    const stale = m ? m[2] === HOST && Number(m[1]) !== process.pid && !alive(Number(m[1]))
      : /^[A-Za-z0-9]{6}$/.test(rest) && now - info.mtimeMs > UNOWNED_AFTER_MS;
    if (!stale) continue;
    await rm(full, { recursive: true, force: true }).catch(() => undefined);
    removed.push(full);
  }
  return removed;
}

/**
 * Creates the staging folder `.{dist}-build-{pid}@{host}-XXXXXX` beside DIST_DIR (same file system, so the swap is a
 * rename), first removing what killed builds left there (removeStaleStaging).
 */
export async function createStaging(distDir: string): Promise<string> {
  const parent = path.dirname(distDir);
  await mkdir(parent, { recursive: true });
  await removeStaleStaging(distDir);
  const staging = await mkdtemp(path.join(parent, `.${path.basename(distDir)}-build-${owner()}-`));
  // mkdtemp makes the folder private (0700); DIST_DIR is read by the server, possibly as another user.
  await chmod(staging, 0o755);
  return staging;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/**
 * Puts the staging folder in DIST_DIR's place: the old DIST_DIR is first renamed aside and removed only
 * once the new one is in place; if the second rename fails the old one is put back.
 */
export async function replaceDir(staging: string, distDir: string): Promise<void> {
  const hadOld = await exists(distDir);
  const aside = hadOld ? await mkdtemp(path.join(path.dirname(distDir), `.${path.basename(distDir)}-old-${owner()}-`)) : undefined;
  if (aside) {
    // mkdtemp made an empty folder to reserve the name; rename over an empty directory is allowed on POSIX.
    await rename(distDir, aside);
  }
  try {
    await rename(staging, distDir);
  } catch (err) {
    if (aside) await rename(aside, distDir);
    throw err;
  }
  if (aside) await rm(aside, { recursive: true, force: true });
}

/** Removes a staging folder after a failed build (best effort: the failure being reported matters more). */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true }).catch(() => undefined);
}
