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
import { countPattern } from './bgp-join.ts';
import { TermTable, type Plan } from './native-plan.ts';
import { PlanCompiler } from './plan-compiler.ts';
import { evaluate, PAUSE } from './plan-evaluate.ts';


// Rows walked before a read yields to the event loop: a join that filters out most rows must still hear a cancel.
const STEPS_PER_TURN = 20_000;

/** A cardinality estimate for Comunica's planner: the smallest pattern count of the plan's first BGP (exact counts, cheap). */
function estimate(store: QuadStore, plan: Plan, slots: number): number {
  switch (plan.kind) {
    case 'bgp':
      return plan.empty ? 0 : Math.min(...plan.patterns.map((p) => countPattern(store, p, slots)));
    case 'join':
      return Math.min(...plan.inputs.map((i) => estimate(store, i, slots)));
    case 'union':
      return plan.inputs.reduce((n, i) => n + estimate(store, i, slots), 0);
    case 'leftjoin':
      return estimate(store, plan.left, slots);
    case 'filter':
    case 'extend':
    case 'orderby':
      return estimate(store, plan.input, slots);
    case 'group':
      return plan.keys.length === 0 ? 1 : estimate(store, plan.input, slots);
  }
}

/** Streams a plan's solutions as bindings, a bounded amount of work per turn of the event loop. */
class SolutionIterator extends BufferedIterator<RDF.Bindings> {
  constructor(private readonly steps: Generator<boolean> | undefined, private readonly make: () => RDF.Bindings, private readonly budget: { left: number }) {
    super({ autoStart: false, maxBufferSize: 128 });
  }

  override _read(count: number, done: () => void): void {
    const steps = this.steps;
    if (!steps) {
      this.close();
      done();
      return;
    }
    let pushed = 0;
    this.budget.left = STEPS_PER_TURN;
    while (pushed < count) {
      const step = steps.next();
      if (step.done) {
        this.close();
        break;
      }
      if (step.value === PAUSE) {
        // Out of budget between solutions: continue on a later turn so messages (a cancel) get through.
        if (pushed === 0) {
          setImmediate(() => (this.done ? done() : this._read(count, done)));
          return;
        }
        break;
      }
      this._push(this.make());
      pushed++;
    }
    done();
  }

  protected override _end(destroy: boolean): void {
    this.steps?.return(undefined);
    super._end(destroy);
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
  constructor(private readonly store: QuadStore, { joins = true, native = false, groups = false, order = false }: { joins?: boolean; native?: boolean; groups?: boolean; order?: boolean } = {}) {
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
            ...(native ? [Algebra.Types.LEFT_JOIN, Algebra.Types.UNION, Algebra.Types.FILTER, Algebra.Types.EXTEND].map((type) => ({ type: 'operation', operation: { operationType: 'type', type } })) : []),
            ...(native && groups ? [{ type: 'operation', operation: { operationType: 'type', type: Algebra.Types.GROUP } }] : []),
            ...(native && order ? [{ type: 'operation', operation: { operationType: 'type', type: Algebra.Types.ORDER_BY } }] : []),
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
    const union = Boolean(context.get(KeysQueryOperation.unionDefaultGraph));
    const compiler = new PlanCompiler(this.store, union);
    const plan = compiler.compile(operation as never);
    if (!plan) throw new Error(`the quad store source was handed a ${operation.type} operation it cannot evaluate`);
    const { variables } = compiler;
    const factory = this.bindingsFactory(context);
    const store = this.store;
    const values = new Int32Array(variables.length).fill(-1);
    const budget = { left: STEPS_PER_TURN };
    const terms = new TermTable(store);
    const steps = plan.kind === 'bgp' && plan.empty ? undefined : evaluate({ store, terms, budget }, plan, values);
    // Only the operation's visible variables: a GROUP's input variables are not in scope above it.
    const visible = [...plan.vars].sort((a, b) => a - b);
    const make = () => {
      const entries: [RDF.Variable, RDF.Term][] = [];
      for (const slot of visible) if (values[slot]! >= 0) entries.push([variables[slot] as RDF.Variable, terms.term(values[slot]!) as RDF.Term]);
      return factory.bindings(entries);
    };
    const it = new SolutionIterator(steps, make, budget);
    // One pattern's count is the answer's size, unless a variable repeats, a GRAPH ?g skips the default graph, or a merge of graphs drops repeats.
    const single = plan.kind === 'bgp' && plan.patterns.length === 1 ? plan.patterns[0]! : undefined;
    const count = single ? countPattern(store, single, variables.length) : estimate(store, plan, variables.length);
    const positions = single ? [single.s, single.p, single.o, single.g].filter((x) => typeof x === 'number' && x < 0).length : 0;
    const exact = plan.kind === 'bgp' && (plan.empty || (single !== undefined && positions === variables.length && typeof single.g !== 'object' && (single.g === 'union' || single.g >= 0 || store.defaultGraphId < 0)));
    it.setProperty('metadata', {
      state: new MetadataValidationState(),
      cardinality: { type: exact ? 'exact' : 'estimate', value: plan.kind === 'bgp' && plan.empty ? 0 : count },
      requestTime: 0,
      variables: [...plan.vars].sort((a, b) => a - b).map((slot) => ({ variable: variables[slot]!, canBeUndef: !plan.certain.has(slot) })),
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
