// Turtle, N-Triples and N-Quads dumps, streamed through the n3 StreamWriter as records pass.
import { DataFactory, StreamWriter, type Quad } from 'n3';
import { DumpFile, type DumpInfo } from './dump-file.ts';

const { quad, defaultGraph } = DataFactory;

/** The syntaxes n3 writes for us. */
export type N3Format = 'Turtle' | 'N-Triples' | 'N-Quads';

/** A dump written by the n3 StreamWriter: `Turtle` and `N-Triples` drop graphs (the union), `N-Quads` keeps them. */
export class N3Dump {
  private readonly writer: StreamWriter;
  private readonly out: DumpFile;
  private readonly keepGraphs: boolean;

  constructor(file: string, format: N3Format, prefixes: Record<string, string>) {
    this.keepGraphs = format === 'N-Quads';
    // Prefixes only shorten Turtle; N-Triples/N-Quads write every IRI whole whatever we pass.
    this.writer = new StreamWriter({ format, prefixes: format === 'Turtle' ? prefixes : undefined });
    this.out = new DumpFile(file);
    this.writer.pipe(this.out.input);
  }

  /**
   * Writes one graph's quads, then waits for the file if the writer is behind. Waiting once per graph
   * rather than every 16 quads (the object-mode high-water mark) keeps the bound at one record's quads
   * while sparing thousands of event-loop turns.
   */
  async write(quads: readonly Quad[]): Promise<void> {
    let ok = true;
    for (const q of quads) ok = this.writer.write(this.keepGraphs ? q : quad(q.subject, q.predicate, q.object, defaultGraph()));
    if (!ok) await this.out.drained(this.writer);
  }

  /** Abandons the dump after a failed build. */
  destroy(): void {
    this.writer.destroy();
    this.out.destroy();
  }

  /** Ends the serialisation and resolves once the file is flushed. */
  async close(): Promise<DumpInfo> {
    this.writer.end();
    return this.out.close(false);
  }
}
