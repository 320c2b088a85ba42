// The citation styles and locales a formatted reference may ask for, all on disk (no fetching at run time): citation-js's own and csl/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

const CSL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'csl');
/** The style a reference takes when none is asked for. */
export const DEFAULT_STYLE = 'apa';
/** The locale a reference takes when none is asked for (or the one asked for is not shipped). */
export const DEFAULT_LOCALE = 'en-US';

// Short names people use for the shipped styles.
const STYLE_ALIASES: Record<string, string> = { mla: 'modern-language-association', chicago: 'chicago-author-date', harvard: 'harvard-cite-them-right' };

const csl = plugins.config.get('@csl');
// Every .csl and locales-*.xml file of csl/ registered once, at first import.
for (const file of readdirSync(CSL_DIR)) {
  const xml = () => readFileSync(path.join(CSL_DIR, file), 'utf8');
  if (file.endsWith('.csl')) csl.styles.add(file.slice(0, -4), xml());
  else if (/^locales-.+\.xml$/.test(file)) csl.locales.add(file.slice('locales-'.length, -4), xml());
}

/** The styles on offer, by the names `style=` takes (citation-js's apa, vancouver, harvard1 and csl/'s). */
export function styleNames(): string[] {
  return csl.styles.list().sort();
}

/** The style a `style=` value names (a name, an alias, or a CSL style URL ending in one), or undefined. */
export function styleOf(name: string | undefined): string | undefined {
  if (name === undefined || name.trim() === '') return DEFAULT_STYLE;
  const n = name.trim().toLowerCase().replace(/^.*\//, '').replace(/\.csl$/, '');
  const key = STYLE_ALIASES[n] ?? n;
  return csl.styles.has(key) ? key : undefined;
}

/** The shipped locale for a `locale=` value: exact (fr-FR), by language (fr → fr-FR), else the default. */
export function localeOf(name: string | undefined): string {
  if (!name) return DEFAULT_LOCALE;
  const wanted = name.trim().replace('_', '-').toLowerCase();
  const all = csl.locales.list();
  return all.find((l) => l.toLowerCase() === wanted) ?? all.find((l) => l.toLowerCase().split('-')[0] === wanted.split('-')[0]) ?? DEFAULT_LOCALE;
}
