// The change feed's input, from the ledger: Create, Update and Delete per record, written to DIST_DIR/changes/activities.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACTIVITIES_FILE, type ActivityRow, type ActivityType } from '../../src/core/changes-format.ts';
import type { LedgerFile } from '../ledger.ts';

export { ACTIVITIES_FILE, type ActivitiesFile, type ActivityRow, type ActivityType } from '../../src/core/changes-format.ts';

const ORDER: Record<ActivityType, number> = { Create: 0, Update: 1, Delete: 2 };

/**
 * The activities the ledger's dates give: Create when first published, Update when last changed (if later), Delete when
 * withdrawn. The ledger keeps the latest dates only, so an item changed twice shows its last Update (IIIF's level 1,
 * with Create and Delete as level 2 asks).
 */
export function activitiesFromLedger(items: LedgerFile['items']): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (const [id, e] of Object.entries(items)) {
    rows.push(['Create', id, e.firstPublished]);
    if (e.lastModified > e.firstPublished) rows.push(['Update', id, e.lastModified]);
    if (e.withdrawn) rows.push(['Delete', id, e.withdrawn]);
  }
  return rows.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : ORDER[a[0]] - ORDER[b[0]] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
}

/** Writes DIST_DIR/changes/activities.json from the ledger as this build leaves it. */
export async function writeActivities(distDir: string, items: LedgerFile['items']): Promise<number> {
  const file = path.join(distDir, ACTIVITIES_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  const activities = activitiesFromLedger(items);
  // One row a line: the file stays readable and diffable at any size.
  const body = activities.map((r) => JSON.stringify(r)).join(',\n');
  await writeFile(file, `{"version":1,"activities":[\n${body}\n]}\n`);
  return activities.length;
}
