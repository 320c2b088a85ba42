// The RDF/XML dump: each graph's node elements (rdfxml-write.ts) inside one rdf:RDF that declares every namespace up front.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { ERR_BUILD } from '../../src/core/errors.ts';
import { DumpFile, type DumpInfo } from './dump-file.ts';

export { xmlSafe } from './rdfxml-write.ts';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const escapeAttr = (s: string) => s.replace(/[&<>"\t\n\r]/g, (c) => ENTITY[c]!);

/**
 * The node elements go to a side file while records stream, with the namespaces they use beyond ours collected on the
 * way; `close()` writes the root element with every namespace declared and copies the bodies after it, so memory never
 * holds more than one record.
 */
export class RdfXmlDump {
  private readonly file: string;
  private readonly body: DumpFile;
  private readonly namespaces: Map<string, string>;
  private readonly extra = new Map<string, string>();

  constructor(file: string, prefixes: Record<string, string>) {
    this.file = file;
    this.body = new DumpFile(`${file}.body`);
    this.namespaces = new Map(Object.entries(prefixes));
  }

  /** Appends one graph's node elements and remembers the namespaces they need declared. */
  async write(elements: Uint8Array, namespaces: readonly [string, string][]): Promise<void> {
    for (const [prefix, uri] of namespaces) {
      const known = this.namespaces.get(prefix) ?? this.extra.get(prefix);
      if (known === undefined) this.extra.set(prefix, uri);
      else if (known !== uri) throw ERR_BUILD(`RDF/XML: prefix ${prefix} would name both ${known} and ${uri}`);
    }
    await this.body.write(elements);
  }

  /** Abandons the dump after a failed build. */
  destroy(): void {
    this.body.destroy();
  }

  /** Writes the final document (header with all namespaces, then the bodies) and removes the side file. */
  async close(): Promise<DumpInfo> {
    await this.body.close();
    const out = new DumpFile(this.file);
    const all = [...this.namespaces, ...[...this.extra].sort(([a], [b]) => (a < b ? -1 : 1))];
    const decls = all.map(([p, uri]) => `\n xmlns:${p}="${escapeAttr(uri)}"`).join('');
    await out.write(`<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${decls}>\n`);
    for await (const chunk of createReadStream(this.body.file, { highWaterMark: 1 << 20 })) await out.write(chunk as Buffer);
    await out.write('</rdf:RDF>\n');
    const info = await out.close();
    await rm(this.body.file, { force: true });
    return info;
  }
}
