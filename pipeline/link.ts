// The link stage: finds the authority's entities in each abstract (Web Annotations) and adds mentions and subjects.
import { DataFactory, type NamedNode, type Quad, type Quad_Object } from 'n3';
import type { Iris } from '../src/core/iri.ts';
import { dcterms, prov, rdf, rdfs, schema } from '../src/core/vocab.ts';
import type { Authority, AuthorityEntity, Linker, ThesisRecord } from './types.ts';
import { annotationQuads } from './link/annotation.ts';
import { createMatcher } from './link/matcher.ts';
import { matchText } from './link/text.ts';

const { literal, quad } = DataFactory;

/** The software agent's name: its IRI is `B dataset#linker`. */
export const LINKER_AGENT = 'linker';

/**
 * Builds the linker once (the label trie over every entity with match: true, and the record → subjects index),
 * so each record costs one pass over its abstract. Output quads are in the record's graph `B graph/thesis/{id}`.
 */
export function createLinker(authority: Authority, iris: Iris): Linker {
  const matcher = createMatcher(authority.entities.values());
  const subjects = new Map<string, AuthorityEntity[]>();
  for (const e of authority.entities.values()) {
    for (const recordId of e.subjectOf ?? []) {
      const list = subjects.get(recordId) ?? [];
      list.push(e);
      subjects.set(recordId, list);
    }
  }
  const agent = iris.agent(LINKER_AGENT);
  const entityIri = (e: AuthorityEntity) => iris.entity(e.kind, e.id);

  return {
    link(record: ThesisRecord): Quad[] {
      const graph = iris.recordGraph(record.id);
      const thesis = iris.thesis(record.id);
      const out: Quad[] = [];
      const add = (s: NamedNode, p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, graph));
      const abstract = record.abstract?.value;
      if (abstract) {
        const text = matchText(abstract);
        const mentioned = new Set<string>();
        for (const m of matcher.findIn(text)) {
          const entity = entityIri(authority.entities.get(m.entityId)!);
          out.push(...annotationQuads({ iris, itemId: record.id, text, agent, graph }, entity, m.start, m.end));
          // schema:mentions once per entity, in order of first mention.
          if (!mentioned.has(m.entityId)) add(thesis, schema('mentions'), entity);
          mentioned.add(m.entityId);
        }
      }
      for (const concept of subjects.get(record.id) ?? []) {
        add(thesis, dcterms('subject'), entityIri(concept));
        add(thesis, schema('about'), entityIri(concept));
      }
      return out;
    },

    agentQuads(): Quad[] {
      const g = iris.graph('dataset');
      return [
        quad(agent, rdf('type'), prov('SoftwareAgent'), g),
        quad(agent, rdfs('label'), literal('thesis-lod linker', 'en'), g),
        quad(agent, rdfs('comment'), literal('Finds the labels of the authority file\'s entities in abstracts (word boundaries, leftmost-longest, case kept for acronyms, apostrophes unified) and records each mention as a Web Annotation.', 'en'), g),
      ];
    },
  };
}
