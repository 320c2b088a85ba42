// Builds into a folder beside DIST_DIR and swaps it in only when the build completed, so a failure leaves the last good dataset.
import { chmod, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Creates the staging folder `.{dist}-build-XXXXXX` beside DIST_DIR (same file system, so the swap is a rename). */
export async function createStaging(distDir: string): Promise<string> {
  const parent = path.dirname(distDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(distDir)}-build-`));
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
  const aside = hadOld ? await mkdtemp(path.join(path.dirname(distDir), `.${path.basename(distDir)}-old-`)) : undefined;
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
