// The change feed's file in DIST_DIR (changes/activities.json): what the build writes and the /changes plugin reads.
import path from 'node:path';

/** Activity types of IIIF Change Discovery 1.0 the ledger can tell. */
export type ActivityType = 'Create' | 'Update' | 'Delete';

/** One activity: [type, item id, endTime (xsd:dateTime)]; a tuple, as a large collection has three per record. */
export type ActivityRow = [ActivityType, string, string];

/** The file's content. */
export interface ActivitiesFile {
  version: 1;
  /** Oldest first; one time ties broken by type (Create, Update, Delete), then id. */
  activities: ActivityRow[];
}

/** The file's place in DIST_DIR. */
export const ACTIVITIES_FILE = path.join('changes', 'activities.json');
