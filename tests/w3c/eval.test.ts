// The W3C SPARQL 1.1 query evaluation tests run through HTTP (the runner is eval-suite.ts, shared with the 1.0 suite).
import { describeEvalSuite } from './eval-suite.ts';
import { KNOWN_FAILURES } from './known-failures.ts';

await describeEvalSuite({
  version: '1.1',
  folder: 'sparql11-eval',
  minTests: 200,
  // As this suite has always been run: numbers equal by value pass, and are reported apart; rows compared as multisets.
  numbers: 'by-value-reported',
  order: false,
  knownFailures: KNOWN_FAILURES['sparql11-eval'],
});
