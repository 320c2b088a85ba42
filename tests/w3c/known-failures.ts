// W3C evaluation tests this endpoint fails, per suite folder, each with the reason; a listed test that starts passing fails the run until it is removed.

/** Why the endpoint fails a test. `byValue`: it fails only on how numbers are written, and must still match with numbers compared by value. */
export interface KnownFailure {
  reason: string;
  byValue?: true;
}

// Comunica writes a computed number in its own canonical form; the 1.0 suite expects the shortest one. Right by value.
const LEXICAL_NUMBERS: KnownFailure = {
  reason: 'Comunica 5.4.1 writes computed numbers as "6.0"^^xsd:decimal and "6.0E0"^^xsd:double/float where the test expects "6"; right by value, other terms',
  byValue: true,
};

export const KNOWN_FAILURES: Record<'sparql11-eval' | 'sparql10-eval', Record<string, KnownFailure>> = {
  'sparql11-eval': {
    'aggregates: COUNT: no GROUP BY inside of GRAPH': {
      reason: 'Comunica 5.4.1: GRAPH ?g { SELECT (COUNT(*) AS ?c) … } evaluates the subquery once over all graphs and leaves ?g unbound, instead of once per named graph (same with or without a protocol dataset)',
    },
  },
  'sparql10-eval': {
    'construct: dawg-construct-reification-1': {
      reason: 'Ours, not the engine: the query gate (src/server/sparql/gate.ts) parses with sparqljs 3.7.4, which throws on a CONSTRUCT template made of a bare blank-node property list `[ … ] .` (SPARQL.js#164), so the endpoint answers 400',
    },
    'expr-ops: + operator on number mixed datatypes': LEXICAL_NUMBERS,
    'expr-ops: - operator on number mixed datatypes': LEXICAL_NUMBERS,
    'expr-ops: * operator on number mixed datatypes': LEXICAL_NUMBERS,
    'expr-ops: / operator on number mixed datatypes': LEXICAL_NUMBERS,
    'expr-ops: Unary Plus with various datatype': LEXICAL_NUMBERS,
    'expr-ops: Unary Minus with various datatype': LEXICAL_NUMBERS,
    'graph: graph-optional': {
      reason: 'Comunica 5.4.1: in GRAPH ?g { ?s ?p ?o OPTIONAL { ?s ?p ?g } } the OPTIONAL matches ?g as the graph name instead of binding it freely and joining after, so rows the GRAPH join must drop survive',
    },
    'open-world: open-eq-07': {
      reason: 'Comunica 5.4.1: = on an ill-formed literal ("xyz"^^xsd:integer) is a type error even against the same term, where RDFterm-equal is true',
    },
    'open-world: open-eq-08': {
      reason: 'Comunica 5.4.1: != between a language-tagged literal and an ill-formed or unknown-datatype literal is a type error, where the test (mf:KnownTypesDefault2Neq) expects true',
    },
    'open-world: open-eq-10': {
      reason: 'Comunica 5.4.1: != between a language-tagged literal and an ill-formed or unknown-datatype literal is a type error, where the test (mf:KnownTypesDefault2Neq) expects true',
    },
    'open-world: open-eq-11': {
      reason: 'Comunica 5.4.1: != between a language-tagged literal and an ill-formed or unknown-datatype literal is a type error, so != || = is too, where the test expects true',
    },
    'open-world: open-eq-12': {
      reason: 'Comunica 5.4.1: the same type errors on ill-formed and unknown-datatype literals (open-eq-07, -08) make the OPTIONAL\'s FILTER fail, so !bound keeps rows it must not',
    },
    'open-world: date-1': {
      reason: 'Comunica 5.4.1 takes "2006-08-23Z"^^xsd:date = "2006-08-23"^^xsd:date as true (an implicit timezone Z) where the test expects false; the DAWG left this test unapproved',
    },
    'open-world: date-2': {
      reason: 'Comunica 5.4.1: xsd:dateTime != xsd:date is a type error, where the test (mf:XsdDateOperations) expects true',
    },
    'reduced: SELECT REDUCED ?x with strings': {
      reason: 'Comunica 5.4.1: REDUCED keys each solution by its terms\' values only (actor-hash-bindings-murmur), so "abc"@en is dropped as a duplicate of "abc": values lost, not only duplicates',
    },
  },
};
