// The JSON-LD dump: one top-level {"@context", "@graph"} with the context inline, node objects appended a graph at a time.
import { ERR_BUILD } from '../../src/core/errors.ts';
import { DumpFile, type DumpInfo } from './dump-file.ts';
import type { JsonLdContext } from '../../src/core/jsonld-compact.ts';

export type { JsonLdContext } from '../../src/core/jsonld-compact.ts';

/**
 * A document loader that loads nothing: our context is inline, so any remote reference (an `@import`,
 * a context URL slipped into the data) is a bug to report, not a request to make during a build.
 */
export const refuseRemoteContexts = async (url: string): Promise<never> => {
  throw ERR_BUILD(`JSON-LD asked to load ${url}; the build uses its inline context only and fetches nothing`);
};

/**
 * Streams node objects (compacted by jsonld-compact.ts, a graph at a time) into one JSON-LD document with the context
 * inline, so it reads offline. Memory holds one graph's nodes; the output depends only on the sequence of graphs
 * written, so it is as deterministic as they are.
 */
export class JsonLdDump {
  private readonly out: DumpFile;
  private readonly context: JsonLdContext;
  private started = false;
  private first = true;

  constructor(file: string, context: JsonLdContext) {
    this.out = new DumpFile(file);
    this.context = context;
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.out.write(`{\n"@context": ${JSON.stringify(this.context, null, 1)},\n"@graph": [\n`);
  }

  /** Appends one graph's node objects (`,\n`-separated JSON, as GraphSerializer makes them). */
  async write(nodes: Uint8Array): Promise<void> {
    await this.start();
    if (nodes.length === 0) return;
    if (!this.first) await this.out.write(',\n');
    this.first = false;
    await this.out.write(nodes);
  }

  /** Abandons the dump after a failed build. */
  destroy(): void {
    this.out.destroy();
  }

  /** Closes the array and the object, and resolves once the file is flushed. */
  async close(): Promise<DumpInfo> {
    await this.start();
    await this.out.write('\n]\n}\n');
    return this.out.close();
  }
}
