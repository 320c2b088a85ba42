// The W3C SPARQL 1.0 query evaluation tests (BGPs, joins, OPTIONAL, FILTER scope, ordering) run through HTTP, strictly: the safety net under a new store or join.
import { describeEvalSuite } from './eval-suite.ts';
import { KNOWN_FAILURES } from './known-failures.ts';

await describeEvalSuite({
  version: '1.0',
  folder: 'sparql10-eval',
  minTests: 280,
  // Literals must come back as the same terms, and ORDER BY results in the expected order (up to ties).
  numbers: 'by-term',
  order: true,
  knownFailures: KNOWN_FAILURES['sparql10-eval'],
});
