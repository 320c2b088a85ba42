// ISO 639-2 language codes from the iso-639-2 package (LOC's list), normalised to the bibliographic code.
import { iso6392 } from 'iso-639-2';
import { ERR_FIELD_LANGUAGE, type Where } from '../../src/core/errors.ts';

// Every accepted spelling → the bibliographic (B) code, the one id.loc.gov/vocabulary/iso639-2/ uses.
const TO_B = new Map<string, string>();
for (const lang of iso6392) {
  if (lang.iso6392B.includes('-')) continue; // the qaa-qtz range, matched below
  TO_B.set(lang.iso6392B, lang.iso6392B);
  if (lang.iso6392T) TO_B.set(lang.iso6392T, lang.iso6392B);
  if (lang.iso6391) TO_B.set(lang.iso6391, lang.iso6392B);
}
// qaa–qtz: reserved for local use, valid ISO 639-2 codes.
const LOCAL_USE = /^q[a-t][a-z]$/;

/**
 * Normalises a language code to its ISO 639-2/B code: 3-letter B or T codes (ger, deu → ger), ISO 639-1
 * codes and locale tags (en, en_US, en-CA → eng), any case. Anything else throws ERR_FIELD_LANGUAGE.
 */
export function normaliseLanguage(code: string, where: Where): string {
  const lower = code.trim().toLowerCase();
  const primary = /^[a-z]{2}[-_][a-z0-9]+$/.test(lower) ? lower.slice(0, 2) : lower;
  const known = TO_B.get(primary) ?? (LOCAL_USE.test(primary) ? primary : undefined);
  if (!known) throw ERR_FIELD_LANGUAGE(`"${code}" is not an ISO 639-2 (or 639-1) code`, where);
  return known;
}
