// Graph patterns the store evaluates itself over term ids: BGPs, joins, OPTIONAL, UNION and the FILTERs it can compute, lazily.
import { DataFactory, type Term, type Variable } from 'n3';
import type { QuadStore } from './quad-store.ts';
import { JoinCursor, countPattern, orderPatterns, type Slot, type SlotPattern } from './bgp-join.ts';
import { compileExpression, passes, type Evaluate } from './expressions.ts';

type RdfTerm = { termType: string; value: string };
type Operation = { type: string; input?: Operation | Operation[]; patterns?: Operation[]; expression?: unknown; subject?: RdfTerm; predicate?: RdfTerm; object?: RdfTerm; graph?: RdfTerm };

/** A compiled operation. `vars`: slots it may bind; `certain`: slots it binds in every solution. */
export type Plan = { vars: Set<number>; certain: Set<number>; isolated?: boolean } & (
  | { kind: 'bgp'; patterns: SlotPattern[]; empty: boolean; cursors?: WeakMap<Int32Array, Map<string, JoinCursor>> }
  | { kind: 'join'; inputs: Plan[] }
  | { kind: 'leftjoin'; left: Plan; right: Plan; expr?: Evaluate }
  | { kind: 'union'; inputs: Plan[] }
  | { kind: 'filter'; input: Plan; expr: Evaluate; reads: Set<number> }
);

/** Compiles what the store can evaluate exactly; undefined for anything else (Comunica then keeps the operation). */
export class PlanCompiler {
  readonly variables: Variable[] = [];
  private readonly slots = new Map<string, number>();

  constructor(private readonly store: QuadStore, private readonly union: boolean) {}

  private slot(name: string): number {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = this.variables.length;
      this.slots.set(name, slot);
      this.variables.push(DataFactory.variable(name));
    }
    return slot;
  }

  /** The slot for a variable the expression reads, or undefined when no pattern of the operation binds it. */
  private readonly lookupSlot = (name: string) => this.slots.get(name);

  compile(op: Operation): Plan | undefined {
    const plan = this.node(op);
    if (plan) annotate(plan, new Set());
    return plan;
  }

  private node(op: Operation): Plan | undefined {
    switch (op.type) {
      case 'pattern':
        return this.bgp([op]);
      case 'bgp':
        return this.bgp(op.patterns ?? []);
      case 'join': {
        const inputs = (op.input as Operation[]).map((i) => this.node(i));
        if (inputs.some((i) => !i)) return undefined;
        const plans = inputs as Plan[];
        // Joins of BGPs are one BGP: its patterns get one join order.
        if (plans.every((p) => p.kind === 'bgp')) return this.merge(plans as Extract<Plan, { kind: 'bgp' }>[]);
        return { kind: 'join', inputs: plans, vars: unite(plans.map((p) => p.vars)), certain: unite(plans.map((p) => p.certain)) };
      }
      case 'union': {
        const inputs = (op.input as Operation[]).map((i) => this.node(i));
        if (inputs.some((i) => !i)) return undefined;
        const plans = inputs as Plan[];
        return { kind: 'union', inputs: plans, vars: unite(plans.map((p) => p.vars)), certain: intersect(plans.map((p) => p.certain)) };
      }
      case 'leftjoin': {
        const [l, r] = op.input as Operation[];
        const left = this.node(l!);
        const right = left && this.node(r!);
        if (!left || !right) return undefined;
        let expr: Evaluate | undefined;
        if (op.expression) {
          expr = compileExpression(op.expression as never, this.lookupSlot);
          if (!expr) return undefined;
        }
        return { kind: 'leftjoin', left, right, expr, vars: unite([left.vars, right.vars]), certain: new Set(left.certain) };
      }
      case 'filter': {
        const input = this.node(op.input as Operation);
        if (!input) return undefined;
        const reads = new Set<number>();
        const expr = compileExpression(op.expression as never, (name) => {
          const slot = this.slots.get(name);
          if (slot !== undefined) reads.add(slot);
          return slot;
        });
        if (!expr) return undefined;
        return { kind: 'filter', input, expr, reads, vars: input.vars, certain: input.certain };
      }
      default:
        return undefined;
    }
  }

  private position(t: RdfTerm, missing: () => void): Slot {
    if (t.termType === 'Variable') return -this.slot(t.value) - 1;
    const id = this.store.idOf(t as Term);
    if (id === undefined) {
      missing();
      return 0;
    }
    return id;
  }

  private bgp(ops: readonly Operation[]): Extract<Plan, { kind: 'bgp' }> {
    let empty = false;
    const missing = () => void (empty = true);
    const patterns = ops.map((p): SlotPattern => {
      const s = this.position(p.subject!, missing), pr = this.position(p.predicate!, missing), o = this.position(p.object!, missing);
      let g: SlotPattern['g'];
      if (p.graph!.termType === 'DefaultGraph') {
        if (this.union) g = 'union';
        else if (this.store.defaultGraphId >= 0) g = this.store.defaultGraphId;
        else {
          empty = true;
          g = 0;
        }
      } else g = this.position(p.graph!, missing);
      return { s, p: pr, o, g };
    });
    const vars = new Set<number>();
    for (const p of patterns) for (const x of [p.s, p.p, p.o, p.g]) if (typeof x === 'number' && x < 0) vars.add(-x - 1);
    return { kind: 'bgp', patterns, empty, vars, certain: vars };
  }

  private merge(parts: Extract<Plan, { kind: 'bgp' }>[]): Extract<Plan, { kind: 'bgp' }> {
    const patterns = parts.flatMap((p) => p.patterns);
    const vars = unite(parts.map((p) => p.vars));
    return { kind: 'bgp', patterns, empty: parts.some((p) => p.empty), vars, certain: vars };
  }
}

function unite(sets: Set<number>[]): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const v of s) out.add(v);
  return out;
}

function intersect(sets: Set<number>[]): Set<number> {
  return new Set([...(sets[0] ?? [])].filter((v) => sets.every((s) => s.has(v))));
}

const within = (a: Set<number>, b: Set<number>) => [...a].every((v) => b.has(v));
const overlap = (a: Set<number>, b: Set<number>) => new Set([...a].filter((v) => b.has(v)));

/**
 * Marks the operations that may not be evaluated with the outer row's values substituted in (SPARQL evaluates OPTIONAL
 * and FILTER bottom-up; substitution equals that only when the outer row binds nothing they see that their own left side
 * or input does not bind first). Those run on their own and are joined with the outer row afterwards. `outer`: slots
 * possibly bound when the operation starts.
 */
function annotate(plan: Plan, outer: Set<number>): void {
  switch (plan.kind) {
    case 'bgp':
      return;
    case 'union':
      for (const input of plan.inputs) annotate(input, outer);
      return;
    case 'join': {
      const bound = new Set(outer);
      for (const input of plan.inputs) {
        annotate(input, bound);
        for (const v of input.vars) bound.add(v);
      }
      return;
    }
    case 'leftjoin': {
      if (!within(overlap(outer, plan.right.vars), plan.left.certain)) {
        plan.isolated = true;
        outer = new Set();
      }
      annotate(plan.left, outer);
      annotate(plan.right, unite([outer, plan.left.vars]));
      return;
    }
    case 'filter':
      if (!within(overlap(outer, plan.reads), plan.input.certain)) {
        plan.isolated = true;
        outer = new Set();
      }
      annotate(plan.input, outer);
  }
}

/** Pause: the walk used up its budget and must be resumed on a later turn (so a cancel is heard). */
export const PAUSE = false;

/**
 * Evaluates a plan: yields true each time `values` holds a solution (slot → term id, -1 unbound), PAUSE when out of
 * budget; leaves `values` as it found it when done. The budget is shared through `budget.left`.
 */
export function* evaluate(store: QuadStore, plan: Plan, values: Int32Array, budget: { left: number }, term: (slot: number) => Term | undefined): Generator<boolean> {
  if (plan.isolated) {
    yield* isolated(store, { ...plan, isolated: false } as Plan, values, budget, term);
    return;
  }
  switch (plan.kind) {
    case 'bgp': {
      if (plan.empty) return;
      const cursor = cursorFor(store, plan, values);
      for (;;) {
        cursor.budget = budget.left;
        const step = cursor.next();
        budget.left = cursor.budget;
        if (step === 0) return;
        if (step === -1) {
          yield PAUSE;
          continue;
        }
        yield true;
      }
    }
    case 'join':
      yield* joinFrom(store, plan.inputs, 0, values, budget, term);
      return;
    case 'union':
      for (const input of plan.inputs) yield* evaluate(store, input, values, budget, term);
      return;
    case 'filter':
      for (const step of evaluate(store, plan.input, values, budget, term)) {
        if (step === PAUSE || passes(plan.expr(term))) yield step;
      }
      return;
    case 'leftjoin':
      for (const step of evaluate(store, plan.left, values, budget, term)) {
        if (step === PAUSE) {
          yield PAUSE;
          continue;
        }
        let matched = false;
        for (const inner of evaluate(store, plan.right, values, budget, term)) {
          if (inner === PAUSE || !plan.expr || passes(plan.expr(term))) {
            if (inner !== PAUSE) matched = true;
            yield inner;
          }
        }
        if (!matched) yield true;
      }
  }
}

/**
 * The cursor of a BGP for the variables bound on entry: its join order is chosen once per set of bound variables (from
 * the exact counts of the first row), and the cursor is reused, since a plan node runs one evaluation at a time (an
 * OPTIONAL's right side runs once per left row, each to its end). Without this, a hub's 112,000 OPTIONAL lookups
 * spent more time ordering and allocating than matching.
 */
function cursorFor(store: QuadStore, plan: Extract<Plan, { kind: 'bgp' }>, values: Int32Array): JoinCursor {
  let key = '';
  for (const v of plan.vars) key += values[v]! >= 0 ? '1' : '0';
  // Keyed by the row too: an isolated evaluation walks a row of its own.
  plan.cursors ??= new WeakMap();
  let cursors = plan.cursors.get(values);
  if (!cursors) plan.cursors.set(values, (cursors = new Map()));
  let cursor = cursors.get(key);
  if (!cursor) {
    const bound = new Set([...plan.vars].filter((v) => values[v]! >= 0));
    const order = orderPatterns(plan.patterns, plan.patterns.map((p) => countPattern(store, p, values)), bound);
    cursor = new JoinCursor(store, order.map((i) => plan.patterns[i]!), values.length, store.defaultGraphId, values);
    cursors.set(key, cursor);
  } else cursor.reset();
  return cursor;
}

function* joinFrom(store: QuadStore, inputs: Plan[], k: number, values: Int32Array, budget: { left: number }, term: (slot: number) => Term | undefined): Generator<boolean> {
  if (k === inputs.length) {
    yield true;
    return;
  }
  for (const step of evaluate(store, inputs[k]!, values, budget, term)) {
    if (step === PAUSE) yield PAUSE;
    else yield* joinFrom(store, inputs, k + 1, values, budget, term);
  }
}

/** Evaluates a plan on its own (nothing substituted), then joins each solution with the outer row. */
function* isolated(store: QuadStore, plan: Plan, values: Int32Array, budget: { left: number }, term: (slot: number) => Term | undefined): Generator<boolean> {
  const own = new Int32Array(values.length).fill(-1);
  const solutions: Int32Array[] = [];
  const ownTerm = (slot: number) => (own[slot]! >= 0 ? store.term(own[slot]!) : undefined);
  for (const step of evaluate(store, plan, own, budget, ownTerm)) {
    if (step === PAUSE) yield PAUSE;
    else solutions.push(own.slice());
  }
  for (const solution of solutions) {
    let compatible = true;
    for (let s = 0; s < solution.length; s++) if (solution[s]! >= 0 && values[s]! >= 0 && values[s] !== solution[s]) compatible = false;
    if (!compatible) continue;
    const set: number[] = [];
    for (let s = 0; s < solution.length; s++) {
      if (solution[s]! >= 0 && values[s]! < 0) {
        values[s] = solution[s]!;
        set.push(s);
      }
    }
    yield true;
    for (const s of set) values[s] = -1;
  }
}
