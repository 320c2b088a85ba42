// The quad store as a Comunica query source: patterns with exact counts, and whole basic graph patterns joined over its indexes.
import { BufferedIterator } from 'asynciterator';
import { BindingsFactory } from '@comunica/utils-bindings-factory';
import { MetadataValidationState } from '@comunica/utils-metadata';
import { KeysInitQuery, KeysQueryOperation } from '@comunica/context-entries';
import { Algebra, AlgebraFactory } from '@comunica/utils-algebra';
import type { BindingsStream, ComunicaDataFactory, FragmentSelectorShape, IActionContext, IQuerySource } from '@comunica/types';
import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { QuadStore } from './quad-store.ts';
import { JoinCursor, countPattern, orderPatterns, type Slot, type SlotPattern } from './bgp-join.ts';

type Term = RDF.Term;
type Pattern = { type: string; subject: Term; predicate: Term; object: Term; graph: Term };

// Rows walked before a read yields to the event loop: a join that filters out most rows must still hear a cancel.
const STEPS_PER_TURN = 20_000;

/** The patterns of a pattern, join or BGP operation, flattened; undefined for anything else. */
function flatten(op: { type: string; input?: unknown; patterns?: unknown[] }): Pattern[] | undefined {
  if (op.type === Algebra.Types.PATTERN) return [op as unknown as Pattern];
  if (op.type !== Algebra.Types.JOIN && op.type !== Algebra.Types.BGP) return undefined;
  const parts = (op.type === Algebra.Types.BGP ? op.patterns : op.input) as { type: string }[] | undefined;
  const out: Pattern[] = [];
  for (const part of parts ?? []) {
    const inner = flatten(part);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/** The key under which the store holds a query's constant: as n3 writes it, with the language tag lowercased as n3 reads it. */
function keyOf(term: Term): string | undefined {
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'DefaultGraph') return '';
  if (term.termType !== 'Literal') return undefined;
  const lexical = `"${term.value}"`;
  if (term.language) return `${lexical}@${term.language.toLowerCase()}`;
  const dt = term.datatype?.value;
  return !dt || dt === 'http://www.w3.org/2001/XMLSchema#string' ? lexical : `${lexical}^^${dt}`;
}

/** A compiled BGP: slot patterns, the variables by slot, and whether a constant was missing (nothing can match). */
interface Compiled {
  patterns: SlotPattern[];
  variables: RDF.Variable[];
  empty: boolean;
  /** Some variable occurs twice: a range then over-counts the answer. */
  repeated: boolean;
}

function compile(store: QuadStore, patterns: readonly Pattern[], unionDefaultGraph: boolean): Compiled {
  const slots = new Map<string, number>();
  const variables: RDF.Variable[] = [];
  let empty = false;
  let occurrences = 0;
  const position = (t: Term): Slot => {
    if (t.termType === 'Variable') {
      occurrences++;
      let slot = slots.get(t.value);
      if (slot === undefined) {
        slot = variables.length;
        slots.set(t.value, slot);
        variables.push(t);
      }
      return -slot - 1;
    }
    const key = keyOf(t);
    const id = key === undefined ? undefined : store.dictionary.lookup(key);
    if (id === undefined) {
      empty = true;
      return 0;
    }
    return id;
  };
  const out = patterns.map((p): SlotPattern => {
    const s = position(p.subject), pr = position(p.predicate), o = position(p.object);
    let g: SlotPattern['g'];
    if (p.graph.termType === 'DefaultGraph') {
      if (unionDefaultGraph) g = 'union';
      else if (store.defaultGraphId >= 0) g = store.defaultGraphId;
      else {
        empty = true;
        g = 0;
      }
    } else g = position(p.graph);
    return { s, p: pr, o, g };
  });
  return { patterns: out, variables, empty, repeated: occurrences > variables.length };
}

/** Streams a join cursor's solutions as bindings, a bounded amount of work per turn of the event loop. */
class SolutionIterator extends BufferedIterator<RDF.Bindings> {
  constructor(private readonly cursor: JoinCursor | undefined, private readonly make: (values: Int32Array) => RDF.Bindings) {
    super({ autoStart: false, maxBufferSize: 128 });
  }

  override _read(count: number, done: () => void): void {
    const cursor = this.cursor;
    if (!cursor) {
      this.close();
      done();
      return;
    }
    let pushed = 0;
    cursor.budget = STEPS_PER_TURN;
    while (pushed < count) {
      const step = cursor.next();
      if (step === 0) {
        this.close();
        break;
      }
      if (step === -1) {
        // Out of budget between solutions: continue on a later turn so messages (a cancel) get through.
        if (pushed === 0) {
          setImmediate(() => (this.done ? done() : this._read(count, done)));
          return;
        }
        break;
      }
      this._push(this.make(cursor.values));
      pushed++;
    }
    done();
  }
}

/**
 * An IQuerySource over the quad store, handed to Comunica already identified (KeysQueryOperation.querySources), so the
 * engine never copies it. Its selector shape accepts patterns and joins/BGPs of patterns: Comunica then sends each
 * basic graph pattern as one operation, which is joined here in index order and lazily, while Comunica keeps parsing,
 * planning, OPTIONAL, FILTER, aggregates and the rest of SPARQL.
 */
export class StoreQuerySource implements IQuerySource {
  readonly referenceValue: IQuerySource['referenceValue'];
  private readonly shape: FragmentSelectorShape;
  private factory?: { dataFactory: ComunicaDataFactory; bindings: BindingsFactory };

  /**
   * `joins` false: accept single patterns only. Comunica's FROM / FROM NAMED evaluation (ActorQueryOperationFromQuad)
   * rebuilds the joins under it without the source annotation a hoisted join carries, and then finds no source for
   * their patterns; a query with a dataset clause therefore goes to a patterns-only source.
   */
  constructor(private readonly store: QuadStore, { joins = true }: { joins?: boolean } = {}) {
    this.referenceValue = store as unknown as IQuerySource['referenceValue'];
    const AF = new AlgebraFactory(DataFactory as unknown as ComunicaDataFactory);
    const v = (name: string) => DataFactory.variable(name);
    const pattern = { type: 'operation', operation: { operationType: 'pattern', pattern: AF.createPattern(v('s'), v('p'), v('o')) }, variablesOptional: [v('s'), v('p'), v('o')] } as FragmentSelectorShape;
    this.shape = joins
      ? {
          type: 'disjunction',
          children: [
            pattern,
            { type: 'operation', operation: { operationType: 'type', type: Algebra.Types.JOIN } },
            { type: 'operation', operation: { operationType: 'type', type: Algebra.Types.BGP } },
          ],
        } as FragmentSelectorShape
      : pattern;
  }

  async getSelectorShape(): Promise<FragmentSelectorShape> {
    return this.shape;
  }

  async getFilterFactor(): Promise<number> {
    return 0;
  }

  private bindingsFactory(context: IActionContext): BindingsFactory {
    const dataFactory = context.getSafe(KeysInitQuery.dataFactory);
    if (this.factory?.dataFactory !== dataFactory) this.factory = { dataFactory, bindings: new BindingsFactory(dataFactory) };
    return this.factory.bindings;
  }

  queryBindings(operation: Algebra.Operation, context: IActionContext): BindingsStream {
    const patterns = flatten(operation as never);
    if (!patterns) throw new Error(`the quad store source was handed a ${operation.type} operation, which its selector shape does not accept`);
    const union = Boolean(context.get(KeysQueryOperation.unionDefaultGraph));
    const compiled = compile(this.store, patterns, union);
    const { variables } = compiled;
    const counts = compiled.empty ? patterns.map(() => 0) : compiled.patterns.map((p) => countPattern(this.store, p, variables.length));
    const order = orderPatterns(compiled.patterns, counts);
    const cursor = compiled.empty || counts.includes(0) ? undefined : new JoinCursor(this.store, order.map((i) => compiled.patterns[i]!), variables.length, this.store.defaultGraphId);
    const factory = this.bindingsFactory(context);
    const store = this.store;
    const it = new SolutionIterator(cursor, (values) => factory.bindings(variables.map((variable, slot) => [variable, store.term(values[slot]!) as RDF.Term])));
    // A single pattern's count is the answer's size unless a variable repeats or a GRAPH ?g skips the default graph.
    const exact = cursor === undefined || (patterns.length === 1 && !compiled.repeated && (patterns[0]!.graph.termType !== 'Variable' || store.defaultGraphId < 0));
    it.setProperty('metadata', {
      state: new MetadataValidationState(),
      cardinality: { type: exact ? 'exact' : 'estimate', value: cursor === undefined ? 0 : exact ? counts[0]! : Math.min(...counts) },
      requestTime: 0,
      variables: variables.map((variable) => ({ variable, canBeUndef: false })),
    });
    return it as unknown as BindingsStream;
  }

  // The selector shape accepts no CONSTRUCT, ASK or update: Comunica evaluates those itself over queryBindings.
  readonly queryQuads: IQuerySource['queryQuads'] = () => {
    throw new Error('queryQuads is not implemented by the quad store source');
  };

  readonly queryBoolean: IQuerySource['queryBoolean'] = () => Promise.reject(new Error('queryBoolean is not implemented by the quad store source'));

  readonly queryVoid: IQuerySource['queryVoid'] = () => Promise.reject(new Error('the quad store is read-only'));

  toString(): string {
    return `StoreQuerySource(${this.store.quadCount} quads)`;
  }
}
