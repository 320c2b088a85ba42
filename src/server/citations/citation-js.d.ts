// Types for the part of citation-js (plain JavaScript, no typings of its own) that src/server/citations uses.
declare module '@citation-js/core' {
  /** A registry of named things (CSL styles, CSL locales). */
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    list(): string[];
  }
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    /** Output in a format: 'bibtex', 'ris', 'data' (CSL-JSON), 'bibliography' (a CSL style's reference). */
    format(format: string, options?: Record<string, unknown>): string;
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
  }
  export const plugins: {
    config: { get(plugin: '@csl'): { styles: Register<string>; locales: Register<string> } };
    input: unknown;
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
