// Reads the authority YAML as a tree of positioned nodes, so every complaint can say file:line and which field.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { ERR_AUTHORITY, type ThesisLodError } from '../../src/core/errors.ts';

/** A YAML node and where it stands: the file, its line, the field path (entities[3].links.wikidata) and the entity id when known. */
export class At {
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
    readonly node: YamlNode | null | undefined,
    readonly field: string,
    readonly entityId?: string,
    private readonly fallbackLine = 1,
  ) {}

  /** The 1-based line the node starts on (its parent's when it has no position, e.g. a missing key). */
  get line(): number {
    const offset = this.node?.range?.[0];
    return offset === undefined ? this.fallbackLine : this.lines.linePos(offset).line;
  }

  /** An ERR_AUTHORITY error located at this node: `file:line, field F: (entity id:) message`. */
  error(message: string): ThesisLodError {
    const who = this.entityId ? `entity ${this.entityId}: ` : '';
    return ERR_AUTHORITY(`${who}${message}`, { file: this.file, line: this.line, field: this.field });
  }

  /** The same position, now known to belong to an entity (for messages). */
  forEntity(id: string): At {
    return new At(this.file, this.lines, this.node, this.field, id, this.fallbackLine);
  }

  /** True when the node is absent or an empty scalar (`key:` with no value). */
  get isEmpty(): boolean {
    return this.node == null || (isScalar(this.node) && (this.node.value === null || this.node.value === ''));
  }

  /** True when the node is a mapping (key: value pairs). */
  get isMapping(): boolean {
    return isMap(this.node);
  }

  /** The child under `key` of a mapping; absent keys give an empty At positioned at the mapping. */
  get(key: string): At {
    const map = this.node;
    const child = isMap(map) ? (map.get(key, true) as YamlNode | undefined) : undefined;
    return new At(this.file, this.lines, child, this.field ? `${this.field}.${key}` : key, this.entityId, this.line);
  }

  /** The keys of a mapping, refusing any not in `allowed` (a typo must not pass silently). */
  keys(allowed: readonly string[]): string[] {
    if (!isMap(this.node)) throw this.error(`expected a mapping (key: value) for ${this.field || 'the file'}`);
    const seen: string[] = [];
    for (const pair of this.node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const at = new At(this.file, this.lines, pair.key as YamlNode, this.field ? `${this.field}.${key}` : key, this.entityId, this.line);
      if (!allowed.includes(key)) throw at.error(`unknown field "${key}" (allowed: ${allowed.join(', ')})`);
      seen.push(key);
    }
    return seen;
  }

  /** The items of a sequence (an absent key is an empty list). */
  items(): At[] {
    if (this.isEmpty) return [];
    if (!isSeq(this.node)) throw this.error(`expected a list for ${this.field}`);
    return this.node.items.map((item, i) => new At(this.file, this.lines, item as YamlNode, `${this.field}[${i}]`, this.entityId, this.line));
  }

  /** A required non-empty string scalar. */
  string(): string {
    const s = this.optionalString();
    if (s === undefined) throw this.error(`${this.field} is required`);
    return s;
  }

  /** A string scalar, or undefined when absent; collections are refused. */
  optionalString(): string | undefined {
    if (this.isEmpty) return undefined;
    if (!isScalar(this.node)) throw this.error(`expected a single value for ${this.field}, not a list or mapping`);
    const s = String(this.node.value).trim();
    return s === '' ? undefined : s;
  }

  /** A boolean written true/false (failsafe YAML reads it as a string). */
  optionalBoolean(): boolean | undefined {
    const s = this.optionalString();
    if (s === undefined) return undefined;
    if (s === 'true' || s === 'false') return s === 'true';
    throw this.error(`${this.field} must be true or false, not "${s}"`);
  }

  /** A list of strings; a single string is accepted as a list of one. */
  strings(): string[] {
    if (this.isEmpty) return [];
    if (isScalar(this.node)) return [this.string()];
    return this.items().map((item) => item.string());
  }
}

/** Parses YAML text with the failsafe schema (every scalar a string: 1.0449833 stays "1.0449833") and returns its root. */
export function readYaml(text: string, file: string): At {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line ?? lines.linePos(problem.pos[0]).line;
    throw ERR_AUTHORITY(`YAML syntax: ${problem.message.split('\n')[0]}`, { file, line });
  }
  return new At(file, lines, doc.contents as YamlNode | null, '');
}
