// The RDF/XML dump: each graph's node elements (src/core/rdfxml-write.ts, the writer documents use too) inside one rdf:RDF that declares every namespace up front.
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { ERR_BUILD } from '../../src/core/errors.ts';
import { RDF_XML_END, rdfXmlRoot } from '../../src/core/rdfxml-write.ts';
import { DumpFile, type DumpInfo } from './dump-file.ts';

/**
 * The root element must declare every namespace, and which ones the bodies use beyond ours is known only at the end.
 * The dump is written straight away under a root that declares ours, which is all a build of our data uses; if a
 * graph brought another namespace, `close()` writes the document again with it declared, copying the bodies, so
 * memory never holds more than one graph either way.
 */
export class RdfXmlDump {
  private readonly file: string;
  private readonly out: DumpFile;
  private readonly namespaces: Map<string, string>;
  private readonly extra = new Map<string, string>();
  private readonly head: string;

  constructor(file: string, prefixes: Record<string, string>) {
    this.file = file;
    this.namespaces = new Map(Object.entries(prefixes));
    this.head = rdfXmlRoot([...this.namespaces]);
    this.out = new DumpFile(`${file}.partial`);
    void this.out.write(this.head);
  }

  /** Appends one graph's node elements and remembers the namespaces they need declared. */
  async write(elements: Uint8Array, namespaces: readonly [string, string][]): Promise<void> {
    for (const [prefix, uri] of namespaces) {
      const known = this.namespaces.get(prefix) ?? this.extra.get(prefix);
      if (known === undefined) this.extra.set(prefix, uri);
      else if (known !== uri) throw ERR_BUILD(`RDF/XML: prefix ${prefix} would name both ${known} and ${uri}`);
    }
    await this.out.write(elements);
  }

  /** Abandons the dump after a failed build. */
  destroy(): void {
    this.out.destroy();
  }

  /** Finishes the document (declaring any namespace beyond ours, see above) and resolves once it is on disk. */
  async close(): Promise<DumpInfo> {
    await this.out.write(RDF_XML_END);
    const written = await this.out.close();
    if (this.extra.size === 0) {
      await rename(written.file, this.file);
      return { ...written, file: this.file };
    }
    const again = new DumpFile(this.file);
    await again.write(rdfXmlRoot([...this.namespaces, ...[...this.extra].sort(([a], [b]) => (a < b ? -1 : 1))]));
    for await (const chunk of createReadStream(written.file, { start: Buffer.byteLength(this.head), highWaterMark: 1 << 20 })) await again.write(chunk as Buffer);
    const info = await again.close();
    await rm(written.file, { force: true });
    return info;
  }
}
