// The citation formats, written by citation-js from a thesis's CSL-JSON item: BibTeX, RIS, CSL-JSON and a reference in a CSL style.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { DEFAULT_STYLE, localeOf, styleOf } from './csl-styles.ts';
import type { CslItem } from './thesis-item.ts';

/** The item as citation-js reads it: our own `custom` links are for the page, not for a citation. */
function cite(item: CslItem): Cite {
  const { custom: _custom, ...csl } = item;
  return new Cite(csl);
}

/** BibTeX (@phdthesis / @mastersthesis with school, doi, url). */
export function toBibtex(item: CslItem): string {
  return `${cite(item).format('bibtex').trim()}\n`;
}

/**
 * RIS (TY  - THES). citation-js wraps a long value at 70 characters, sometimes inside a word, and RIS readers (its own
 * among them) read the break as a space; each value is put back on one line, as RIS allows.
 */
export function toRis(item: CslItem): string {
  const lines: string[] = [];
  for (const line of cite(item).format('ris').trim().split(/\r?\n/)) {
    if (/^[A-Z][A-Z0-9]  -( |$)/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += line;
  }
  return `${lines.join('\n')}\n`;
}

/** CSL-JSON: the one item as an object, as doi.org answers for application/vnd.citationstyles.csl+json. */
export function toCslJson(item: CslItem): string {
  const { custom: _custom, ...csl } = item;
  return `${JSON.stringify(csl, null, 2)}\n`;
}

/** A formatted reference in a CSL style and locale (both must be shipped: see csl-styles.ts); text or HTML. */
export function toReference(item: CslItem, options: { style?: string; locale?: string; format?: 'text' | 'html' } = {}): string {
  const template = styleOf(options.style) ?? DEFAULT_STYLE;
  const out = cite(item).format('bibliography', { template, lang: localeOf(options.locale), format: options.format ?? 'text' });
  return `${out.trim()}\n`;
}
