// Loads the example queries (sparql/examples/*.rq) with the title and description their comment headers give.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the example queries live, from the repository root. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../sparql/examples/', import.meta.url));

/** One example query: its file name without `.rq` as id, the header's title and description, and the query text. */
export interface ExampleQuery {
  id: string;
  title: string;
  description: string;
  query: string;
}

/** Reads `# title:` and `# description:` (continued by further `#` lines) from the leading comment block. */
export function parseExample(id: string, text: string): ExampleQuery {
  let title = '';
  const description: string[] = [];
  let inDescription = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^#\s?(.*)$/.exec(line);
    if (!m) {
      if (line.trim() === '') continue;
      break;
    }
    const body = m[1]!;
    const field = /^(title|description):\s*(.*)$/i.exec(body);
    if (field) {
      inDescription = field[1]!.toLowerCase() === 'description';
      if (inDescription) description.push(field[2]!);
      else title = field[2]!.trim();
    } else if (inDescription && body.trim()) {
      description.push(body.trim());
    } else {
      inDescription = false;
    }
  }
  if (!title) throw new TypeError(`sparql/examples/${id}.rq has no "# title:" header line`);
  return { id, title, description: description.join(' ').trim(), query: text };
}

/** Loads every example of a folder, ordered by file name (files are numbered to set the order). */
export async function loadExamples(dir: string = EXAMPLES_DIR): Promise<ExampleQuery[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.rq')).sort();
  return Promise.all(names.map(async (n) => parseExample(n.slice(0, -3), await readFile(path.join(dir, n), 'utf8'))));
}
