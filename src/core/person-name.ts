// How a personal name as a catalogue writes it ("Li, Yi") splits into family and given names: the mapping and the citations agree.

/** A personal name split at its first comma: "Li, Yi" → family "Li", given "Yi"; a trailing date part is dropped. */
export function splitName(name: string): { family: string; given: string } | undefined {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [family, given, rest] = parts as [string, string, string | undefined];
  // "Li, Yi, 1990-" (a catalogue's dates) still splits; any other third part ("Smith, John, Jr.") is left whole.
  if (rest !== undefined && !/^\d{4}-?(\d{4})?\.?$/.test(rest)) return undefined;
  if (family === '' || given === '') return undefined;
  return { family, given };
}
