// Reading a file the build may not have written (an older DIST_DIR, a feature off): absent is not an error.
import { readFile } from 'node:fs/promises';

/** The file's text, or undefined when it does not exist; any other failure (permissions, a folder) is thrown. */
export async function readTextIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
