// Compacts one graph's node objects (jsonld-from-rdf.ts) against our context, as jsonld.js's compact does, at a fraction of its cost.
//
// jsonld.compact has a high fixed cost per call (context processing, an async recursion per value) and dominated the
// dump's cost. This module follows the same algorithms (JSON-LD 1.1 API: Serialize RDF as JSON-LD in jsonld-from-rdf.ts, IRI Compaction,
// Term Selection, Value Compaction, and jsonld.js 9's choices where the spec leaves room: subjects and keys in code-unit
// order, duplicates kept), restricted to what a context of ours holds: prefixes, simple terms, and expanded terms with
// `@id`, `@type` (an IRI, `@id` or `@vocab`) and `@container` `@list` or `@set`. Anything else in the context is refused
// when the compactor is made, so it never writes a shape jsonld.js would not. tests/unit/publish/jsonld-compact.test.ts
// compares its output with jsonld.js's on every kind of graph the build writes.
import type { Quad } from 'n3';
import { ERR_BUILD } from './errors.ts';
import { fromRdf, isList, isValue, type ExpandedNode, type Item } from './jsonld-from-rdf.ts';

/** The value of a JSON-LD `@context`: an object (or array of objects), never a URL to fetch. */
export type JsonLdContext = Record<string, unknown> | Record<string, unknown>[];

/** One compacted node object. */
export type JsonNode = Record<string, unknown>;

const GEN_DELIM_END = /[:/?#[\]@]$/;
const GEN_DELIMS = new Set([...':/?#[]@'].map((c) => c.charCodeAt(0)));
const KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@list', '@set', '@graph', '@index', '@reverse', '@context', '@vocab', '@base', '@none', '@json']);
// The memo of term choices is keyed by vocabulary (property IRI × kind of value); capped should a corpus bring a vocabulary of its own.
const MEMO_LIMIT = 50_000;

interface Mapping {
  id: string;
  /** `@id`, `@vocab` or a datatype IRI. */
  type?: string;
  container: string[];
  /** Usable as the prefix of a compact IRI (a simple term whose IRI ends with a gen-delim). */
  prefix: boolean;
}

const compareShortestLeast = (a: string, b: string): number => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);

/** Compacts triples to node objects; one per context, reused for every graph of the build. */
export class JsonLdCompactor {
  private readonly mappings = new Map<string, Mapping>();
  // IRI → container → '@type' | '@language' | '@any' → preference → term (the inverse context).
  private readonly inverse = new Map<string, Map<string, Record<'@type' | '@language' | '@any', Map<string, string>>>>();
  // Prefix IRIs that can start a compact IRI, with their terms (shortest, then least, first).
  private readonly prefixes: { iri: string; terms: string[] }[] = [];
  private readonly prefixTerms = new Set<string>();
  private readonly memo = new Map<string, Map<string, string>>();
  private readonly vocabulary = new Map<string, string>();
  private readonly stems = new Map<string, { iri: string; terms: string[] }[]>();

  constructor(context: JsonLdContext) {
    if (Array.isArray(context)) throw ERR_BUILD('the JSON-LD writer takes one context object, not an array');
    const raw = context as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      if (key === '@version') {
        if (value !== 1.1) throw ERR_BUILD(`the JSON-LD writer supports @version 1.1 contexts, got ${String(value)}`);
        continue;
      }
      if (key.startsWith('@')) throw ERR_BUILD(`the JSON-LD writer does not support ${key} in the context`);
      if (key.includes(':')) throw ERR_BUILD(`the JSON-LD writer does not support compact-IRI terms such as ${key}`);
    }
    for (const key of Object.keys(raw)) if (key !== '@version') this.term(raw, key, []);
    this.buildInverse();
  }

  // IRI Expansion of a term definition's value: a keyword, a compact IRI whose prefix the context defines, or an IRI.
  private expandIri(raw: Record<string, unknown>, value: string, seen: string[]): string {
    if (KEYWORDS.has(value)) return value;
    const colon = value.indexOf(':');
    if (colon <= 0) return this.term(raw, value, seen)?.id ?? value;
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (suffix.startsWith('//')) return value;
    const def = prefix in raw ? this.term(raw, prefix, seen) : undefined;
    return def ? def.id + suffix : value;
  }

  // Defines a term once (recursively for the terms its IRI uses), as the Create Term Definition algorithm does for our subset.
  private term(raw: Record<string, unknown>, term: string, seen: string[]): Mapping | undefined {
    const known = this.mappings.get(term);
    if (known) return known;
    if (!(term in raw)) return undefined;
    if (seen.includes(term)) throw ERR_BUILD(`the JSON-LD context defines ${term} in terms of itself`);
    const def = raw[term];
    const next = [...seen, term];
    let mapping: Mapping;
    if (typeof def === 'string') {
      const id = this.expandIri(raw, def, next);
      mapping = { id, container: [], prefix: !KEYWORDS.has(id) && GEN_DELIM_END.test(id) };
    } else if (def && typeof def === 'object' && !Array.isArray(def)) {
      const d = def as Record<string, unknown>;
      for (const k of Object.keys(d)) {
        if (!['@id', '@type', '@container'].includes(k)) throw ERR_BUILD(`the JSON-LD writer does not support ${k} in the definition of ${term}`);
      }
      if (typeof d['@id'] !== 'string') throw ERR_BUILD(`the JSON-LD writer needs an @id in the definition of ${term}`);
      const container = d['@container'] === undefined ? [] : [d['@container']].flat();
      for (const c of container) if (c !== '@list' && c !== '@set') throw ERR_BUILD(`the JSON-LD writer does not support @container ${String(c)} (term ${term})`);
      const type = d['@type'];
      if (type !== undefined && typeof type !== 'string') throw ERR_BUILD(`@type of ${term} must be a string`);
      if (type === '@none' || type === '@json') throw ERR_BUILD(`the JSON-LD writer does not support @type ${type} (term ${term})`);
      mapping = {
        id: this.expandIri(raw, d['@id'], next),
        type: type === undefined ? undefined : type === '@id' || type === '@vocab' ? type : this.expandIri(raw, type, next),
        container: (container as string[]).sort(),
        prefix: false,
      };
    } else {
      throw ERR_BUILD(`the JSON-LD writer does not support the definition of ${term}`);
    }
    this.mappings.set(term, mapping);
    return mapping;
  }

  // The inverse context of the IRI Compaction algorithm, and the list of prefixes for compact IRIs.
  private buildInverse(): void {
    const byIri = new Map<string, string[]>();
    for (const term of [...this.mappings.keys()].sort(compareShortestLeast)) {
      const m = this.mappings.get(term)!;
      let entry = this.inverse.get(m.id);
      if (!entry) this.inverse.set(m.id, (entry = new Map()));
      if (!KEYWORDS.has(m.id)) {
        if (!byIri.has(m.id)) byIri.set(m.id, []);
        byIri.get(m.id)!.push(term);
      }
      const container = m.container.join('') || '@none';
      let sel = entry.get(container);
      if (!sel) entry.set(container, (sel = { '@type': new Map(), '@language': new Map(), '@any': new Map() }));
      const add = (map: Map<string, string>, key: string) => { if (!map.has(key)) map.set(key, term); };
      add(sel['@any'], '@none');
      if (m.type !== undefined) {
        add(sel['@type'], m.type);
      } else {
        // No default language in our contexts: @none stands for it.
        add(sel['@language'], '@none');
        add(sel['@language'], '@none');
        add(sel['@type'], '@none');
      }
    }
    for (const [iri, terms] of byIri) if (terms.some((t) => this.mappings.get(t)!.prefix)) this.prefixes.push({ iri, terms });
    for (const [term, m] of this.mappings) if (m.prefix) this.prefixTerms.add(term);
  }

  /** The IRI Compaction algorithm: a term, a compact IRI, or the IRI itself; `value` is what the IRI is a property of. */
  compactIri(iri: string, value: Item | null = null, vocab = false): string {
    // Types and datatypes (vocabulary, no value) come back again and again: their compaction is kept.
    if (vocab && value === null) {
      let known = this.vocabulary.get(iri);
      if (known === undefined) {
        known = this.compactIriUncached(iri, null, true);
        if (this.vocabulary.size < MEMO_LIMIT) this.vocabulary.set(iri, known);
      }
      return known;
    }
    return this.compactIriUncached(iri, value, vocab);
  }

  private compactIriUncached(iri: string, value: Item | null, vocab: boolean): string {
    if (KEYWORDS.has(iri)) {
      const alias = this.inverse.get(iri)?.get('@none')?.['@type'].get('@none');
      return alias ?? iri;
    }
    if (vocab && this.inverse.has(iri)) {
      // What term selection depends on, besides the IRI: the kind of value and its datatype or language.
      let byKind = this.memo.get(iri);
      if (!byKind) this.memo.set(iri, (byKind = new Map()));
      const kind = value === null ? '-' : this.signature(value);
      let term = byKind.get(kind);
      if (term === undefined) {
        term = this.selectTerm(iri, value) ?? '';
        if (byKind.size < MEMO_LIMIT) byKind.set(kind, term);
      }
      if (term !== '') return term;
    }
    let choice: string | null = null;
    for (const { iri: prefixIri, terms } of this.prefixesOf(iri)) {
      if (prefixIri.length > iri.length - 1) continue;
      for (const term of terms) {
        const curie = `${term}:${iri.slice(prefixIri.length)}`;
        const usable = this.mappings.get(term)!.prefix && (!this.mappings.has(curie) || (value === null && this.mappings.get(curie)!.id === iri));
        if (usable && (choice === null || compareShortestLeast(curie, choice) < 0)) choice = curie;
      }
    }
    if (choice !== null) return choice;
    // An IRI that starts with `prefix:` would be read back as a compact IRI (terms hold no colon, so the first one decides).
    const colon = iri.indexOf(':');
    if (colon > 0 && this.prefixTerms.has(iri.slice(0, colon))) throw ERR_BUILD(`JSON-LD: the IRI ${iri} would read as a compact IRI with prefix ${iri.slice(0, colon)}`);
    if (!vocab && iri.startsWith('//')) throw ERR_BUILD(`JSON-LD: cannot write the network-path reference ${iri}`);
    return iri;
  }

  // The prefixes an IRI starts with. Each ends with a gen-delim, so they are the prefixes of the IRI cut after its last
  // gen-delim: that stem is what the answer is kept under (instance IRIs share a few stems; the memo is emptied when full).
  private prefixesOf(iri: string): { iri: string; terms: string[] }[] {
    let cut = iri.length - 1;
    while (cut >= 0 && !GEN_DELIMS.has(iri.charCodeAt(cut))) cut--;
    const stem = iri.slice(0, cut + 1);
    let found = this.stems.get(stem);
    if (!found) {
      found = this.prefixes.filter((p) => stem.startsWith(p.iri));
      if (this.stems.size >= MEMO_LIMIT) this.stems.clear();
      this.stems.set(stem, found);
    }
    return found;
  }

  // A value's kind as term selection sees it: a node reference (to a term's own IRI, or to any other), a typed or tagged
  // literal, a plain one, or a list of such (its kinds as a set: the common type and language depend on nothing else).
  private signature(v: Item): string {
    if (isList(v)) return `l${[...new Set(v['@list'].map((item) => this.signature(item)))].sort().join(' ')}`;
    if (isValue(v)) return v['@language'] !== undefined ? `@${v['@language'].toLowerCase()}${v['@language']}` : v['@type'] !== undefined ? `^${v['@type']}` : '"';
    return this.inverse.has(v['@id']) ? `<${v['@id']}` : '<';
  }

  // Term Selection for a property IRI and one of its values, memoised on what the choice depends on.
  private selectTerm(iri: string, value: Item | null): string | null {
    let typeOrLanguage: '@type' | '@language' | '@any' = '@language';
    let typeOrLanguageValue = '@null';
    const containers: string[] = [];
    let refersToTerm = false;
    if (value !== null && !isValue(value)) containers.push('@id', '@id@set', '@type', '@set@type');
    if (value !== null && isList(value)) {
      containers.push('@list');
      const list = value['@list'];
      if (list.length === 0) {
        typeOrLanguage = '@any';
        typeOrLanguageValue = '@none';
      } else {
        let commonLanguage: string | null = null;
        let commonType: string | null = null;
        for (const item of list) {
          let itemLanguage = '@none';
          let itemType = '@none';
          if (isValue(item)) {
            if (item['@language'] !== undefined) itemLanguage = item['@language'].toLowerCase();
            else if (item['@type'] !== undefined) itemType = item['@type'];
            else itemLanguage = '@null';
          } else {
            itemType = '@id';
          }
          if (commonLanguage === null) commonLanguage = itemLanguage;
          else if (itemLanguage !== commonLanguage && isValue(item)) commonLanguage = '@none';
          if (commonType === null) commonType = itemType;
          else if (itemType !== commonType) commonType = '@none';
          if (commonLanguage === '@none' && commonType === '@none') break;
        }
        commonLanguage ||= '@none';
        commonType ||= '@none';
        if (commonType !== '@none') {
          typeOrLanguage = '@type';
          typeOrLanguageValue = commonType;
        } else {
          typeOrLanguageValue = commonLanguage;
        }
      }
    } else {
      if (value !== null && isValue(value)) {
        if (value['@language'] !== undefined) {
          containers.push('@language', '@language@set');
          typeOrLanguageValue = value['@language'];
        } else if (value['@type'] !== undefined) {
          typeOrLanguage = '@type';
          typeOrLanguageValue = value['@type'];
        }
      } else {
        typeOrLanguage = '@type';
        typeOrLanguageValue = '@id';
        // A reference to an IRI that compacts to a term prefers @vocab-typed terms. Only a term selected from the
        // IRI's own inverse entry can be such a term (a compact IRI or the IRI itself never is one).
        if (value !== null) refersToTerm = this.inverse.has(value['@id']) && this.selectTerm(value['@id'], null) !== null;
      }
      containers.push('@set');
    }
    containers.push('@none');
    if (value !== null) containers.push('@index', '@index@set');
    if (value !== null && isValue(value) && value['@type'] === undefined && value['@language'] === undefined) containers.push('@language', '@language@set');

    const prefs: string[] = [];
    if (typeOrLanguageValue === '@id' && value !== null && !isValue(value) && !isList(value)) {
      prefs.push(...(refersToTerm ? ['@vocab', '@id'] : ['@id', '@vocab']));
    } else {
      prefs.push(typeOrLanguageValue);
    }
    prefs.push('@none');
    let found: string | null = null;
    const containerMap = this.inverse.get(iri)!;
    search: for (const container of containers) {
      const sel = containerMap.get(container);
      if (!sel) continue;
      for (const pref of prefs) {
        const term = sel[typeOrLanguage].get(pref);
        if (term !== undefined) {
          found = term;
          break search;
        }
      }
    }
    return found;
  }

  /** The node objects of some triples (graph names ignored), in jsonld.js's order: subjects sorted, nodes with no statement left out. */
  nodes(quads: readonly Quad[]): JsonNode[] {
    return fromRdf(quads).map((node) => this.compactNode(node));
  }

  // Compaction of one node object: @id, @type, then each property in code-unit order, values in statement order.
  private compactNode(node: ExpandedNode): JsonNode {
    const out: JsonNode = {};
    for (const key of Object.keys(node).sort()) {
      if (key === '@id') {
        out[this.compactIri('@id', null, true)] = this.compactIri(node['@id']);
        continue;
      }
      if (key === '@type') {
        const types = (node['@type'] as string[]).map((t) => this.compactIri(t, null, true));
        out[this.compactIri('@type', null, true)] = types.length === 1 ? types[0] : types;
        continue;
      }
      for (const item of node[key] as Item[]) {
        let term = this.compactIri(key, item, true);
        let container = this.mappings.get(term)?.container ?? [];
        if (isList(item)) {
          // jsonld.js would let a second list overwrite the first under a @list term; it goes under the compact IRI instead.
          if (container.includes('@list') && term in out) {
            term = this.compactIri(key, null, false);
            container = this.mappings.get(term)?.container ?? [];
          }
          let items: unknown = item['@list'].map((v) => this.compactValue(v, term));
          if ((items as unknown[]).length === 1 && container.length === 0) items = (items as unknown[])[0];
          if (!Array.isArray(items)) items = [items];
          if (container.includes('@list')) {
            out[term] = items;
            continue;
          }
          addValue(out, term, { [this.compactIri('@list', null, true)]: items }, container.includes('@set'));
          continue;
        }
        addValue(out, term, this.compactValue(item, term), container.includes('@set') || container.includes('@list'));
      }
    }
    return out;
  }

  // Value Compaction of a value object or a node reference under a term (or compact IRI).
  private compactValue(value: Item, term: string): unknown {
    const type = this.mappings.get(term)?.type;
    if (isList(value)) throw ERR_BUILD('JSON-LD: a list inside a list cannot be written');
    if (isValue(value)) {
      if (type !== undefined && value['@type'] === type) return value['@value'];
      if (value['@type'] === undefined && value['@language'] === undefined) return value['@value'];
      if (value['@type'] !== undefined) return { [this.compactIri('@type', null, true)]: this.compactIri(value['@type'], null, true), '@value': value['@value'] };
      return { '@language': value['@language'], '@value': value['@value'] };
    }
    const iri = this.compactIri(value['@id'], null, type === '@vocab');
    if (type === '@id' || type === '@vocab') return iri;
    return { [this.compactIri('@id', null, true)]: iri };
  }
}

// jsonld.js's addValue for one value: a second value turns the entry into an array.
function addValue(out: JsonNode, key: string, value: unknown, asArray: boolean): void {
  if (key in out) {
    if (!Array.isArray(out[key])) out[key] = [out[key]];
    (out[key] as unknown[]).push(value);
  } else {
    out[key] = asArray ? [value] : value;
  }
}
