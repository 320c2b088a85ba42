// Graph patterns the store evaluates itself over term ids: BGPs, joins, OPTIONAL, UNION and the FILTERs it can compute, lazily.
import { DataFactory, termToId, type Term, type Variable } from 'n3';
import type { QuadStore } from './quad-store.ts';
import { JoinCursor, countPattern, orderPatterns, type Slot, type SlotPattern } from './bgp-join.ts';
import { compileExpression, isNumeric, isStringKey, keyText, passes, Str, ERROR, type Evaluate, type Value } from './expressions.ts';
import { compareCodePoints } from './code-points.ts';

type RdfTerm = { termType: string; value: string };
type Operation = {
  type: string; input?: Operation | Operation[]; patterns?: Operation[]; expression?: unknown; subject?: RdfTerm; predicate?: RdfTerm; object?: RdfTerm; graph?: RdfTerm;
  variable?: RdfTerm; variables?: RdfTerm[]; expressions?: { subType: string; operator?: string; args?: unknown[] }[]; aggregates?: { aggregator: string; distinct: boolean; expression: { subType: string; term?: RdfTerm }; variable: RdfTerm }[];
};

/** One aggregate the store computes: COUNT(*), COUNT(?v) or COUNT(DISTINCT ?v) into `slot`. */
interface Count {
  slot: number;
  /** The counted variable's slot; -1 for `*`. */
  of: number;
  distinct: boolean;
}

const XSD_INTEGER = DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer');
const XSD_BOOLEAN = DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#boolean');

/**
 * Term ids for one query: the store's, and beyond them terms the query computes (a BIND's string, a COUNT) that the store
 * does not hold. A computed term the store does hold gets the store's id, so it still joins with the data.
 */
export class TermTable {
  private readonly base: number;
  private readonly extra: Term[] = [];
  private readonly extraIds = new Map<string, number>();

  constructor(private readonly store: QuadStore) {
    this.base = store.dictionary.size;
  }

  term(id: number): Term {
    return id < this.base ? this.store.term(id) : this.extra[id - this.base]!;
  }

  idOf(term: Term): number {
    const real = this.store.idOf(term);
    if (real !== undefined) return real;
    const key = termToId(term);
    let id = this.extraIds.get(key);
    if (id === undefined) {
      id = this.base + this.extra.length;
      this.extra.push(term);
      this.extraIds.set(key, id);
    }
    return id;
  }

  /** The id of an expression's value as a term, or -1 when it has none (an error leaves a BIND unbound). */
  idOfValue(v: Value): number {
    if (v === ERROR) return -1;
    if (v instanceof Str) return this.idOf(v.lang ? DataFactory.literal(v.text, v.lang) : DataFactory.literal(v.text));
    if (typeof v === 'boolean') return this.idOf(DataFactory.literal(String(v), XSD_BOOLEAN));
    return this.idOf(v);
  }
}

/** What an evaluation shares: the store, the query's terms, and the work budget of the current turn. */
export interface EvalContext {
  store: QuadStore;
  terms: TermTable;
  budget: { left: number };
}

/** A compiled operation. `vars`: slots it may bind; `certain`: slots it binds in every solution. */
export type Plan = { vars: Set<number>; certain: Set<number>; isolated?: boolean } & (
  | { kind: 'bgp'; patterns: SlotPattern[]; empty: boolean; cursors?: WeakMap<Int32Array, Map<string, JoinCursor>> }
  | { kind: 'join'; inputs: Plan[] }
  | { kind: 'leftjoin'; left: Plan; right: Plan; expr?: Evaluate }
  | { kind: 'union'; inputs: Plan[] }
  | { kind: 'filter'; input: Plan; expr: Evaluate; reads: Set<number> }
  | { kind: 'extend'; input: Plan; slot: number; expr: Evaluate; reads: Set<number> }
  | { kind: 'group'; input: Plan; keys: number[]; counts: Count[] }
  | { kind: 'orderby'; input: Plan; keys: { expr: Evaluate; desc: boolean }[]; reads: Set<number> }
);

/**
 * Variables whose every value is a number: bound by one BIND of a numeric expression (an xsd:integer cast) and by no
 * pattern, so a comparison on them is numeric whatever the data holds.
 */
export function numericVariables(op: unknown): Set<string> {
  const inPatterns = new Set<string>();
  const binds = new Map<string, number>();
  const numeric = new Set<string>();
  const visit = (value: unknown) => {
    const node = value as Operation;
    if (!node || typeof node !== 'object') return;
    if (node.type === 'pattern' || node.type === 'path') {
      for (const t of [node.subject, node.predicate, node.object, node.graph]) if (t?.termType === 'Variable') inPatterns.add(t.value);
    }
    for (const p of node.patterns ?? []) visit(p);
    if (node.type === 'extend' && node.variable) {
      binds.set(node.variable.value, (binds.get(node.variable.value) ?? 0) + 1);
      if (isNumeric(node.expression as never, () => false)) numeric.add(node.variable.value);
    }
    if (node.type === 'group') for (const v of node.variables ?? []) inPatterns.add(v.value);
    const input = node.input;
    if (Array.isArray(input)) input.forEach(visit);
    else visit(input);
  };
  visit(op);
  return new Set([...numeric].filter((v) => binds.get(v) === 1 && !inPatterns.has(v)));
}

/** Compiles what the store can evaluate exactly; undefined for anything else (Comunica then keeps the operation). */
export class PlanCompiler {
  readonly variables: Variable[] = [];
  private readonly slots = new Map<string, number>();
  private numeric = new Set<string>();
  private readonly isNumericVariable = (name: string) => this.numeric.has(name);

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
    this.numeric = numericVariables(op);
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
          expr = compileExpression(op.expression as never, this.lookupSlot, this.isNumericVariable);
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
        }, this.isNumericVariable);
        if (!expr) return undefined;
        return { kind: 'filter', input, expr, reads, vars: input.vars, certain: input.certain };
      }
      case 'extend': {
        const input = this.node(op.input as Operation);
        if (!input) return undefined;
        const reads = new Set<number>();
        const expr = compileExpression(op.expression as never, (name) => {
          const slot = this.slots.get(name);
          if (slot !== undefined) reads.add(slot);
          return slot;
        }, this.isNumericVariable);
        if (!expr) return undefined;
        const slot = this.slot(op.variable!.value);
        return { kind: 'extend', input, slot, expr, reads, vars: unite([input.vars, new Set([slot])]), certain: input.certain };
      }
      case 'group': {
        const input = this.node(op.input as Operation);
        if (!input) return undefined;
        const counts: Count[] = [];
        for (const a of op.aggregates ?? []) {
          if (a.aggregator !== 'count') return undefined;
          if (a.expression.subType === 'wildcard') {
            if (a.distinct) return undefined;
            counts.push({ slot: this.slot(a.variable.value), of: -1, distinct: false });
          } else if (a.expression.subType === 'term' && a.expression.term?.termType === 'Variable') {
            counts.push({ slot: this.slot(a.variable.value), of: this.slot(a.expression.term.value), distinct: a.distinct });
          } else return undefined;
        }
        const keys = (op.variables ?? []).map((v) => this.slot(v.value));
        const out = new Set([...keys, ...counts.map((c) => c.slot)]);
        return { kind: 'group', input, keys, counts, vars: out, certain: new Set([...counts.map((c) => c.slot), ...keys.filter((k) => input.certain.has(k))]) };
      }
      case 'orderby': {
        const input = this.node(op.input as Operation);
        if (!input) return undefined;
        const reads = new Set<number>();
        const keys: { expr: Evaluate; desc: boolean }[] = [];
        for (const e of op.expressions ?? []) {
          const desc = e.operator === 'desc';
          const inner = (e.operator === 'desc' || e.operator === 'asc' ? e.args?.[0] : e) as never;
          if (!inner || !isStringKey(inner)) return undefined;
          const expr = compileExpression(inner, (name) => {
            const slot = this.slots.get(name);
            if (slot !== undefined) reads.add(slot);
            return slot;
          }, this.isNumericVariable);
          if (!expr) return undefined;
          keys.push({ expr, desc });
        }
        return { kind: 'orderby', input, keys, reads, vars: input.vars, certain: input.certain };
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
    case 'extend':
      if (!within(overlap(outer, plan.reads), plan.input.certain) || (plan.kind === 'extend' && outer.has(plan.slot))) {
        plan.isolated = true;
        outer = new Set();
      }
      annotate(plan.input, outer);
      return;
    case 'group':
    case 'orderby':
      // A group (and a sort, which Comunica hands over at the top) sees its input's solutions only.
      if (outer.size > 0) plan.isolated = true;
      annotate(plan.input, new Set());
  }
}

/** Pause: the walk used up its budget and must be resumed on a later turn (so a cancel is heard). */
export const PAUSE = false;

/** Reads a row's slot as a term, for expressions. */
function reader(ctx: EvalContext, values: Int32Array): (slot: number) => Term | undefined {
  return (slot) => (values[slot]! >= 0 ? ctx.terms.term(values[slot]!) : undefined);
}

/**
 * Evaluates a plan: yields true each time `values` holds a solution (slot → term id, -1 unbound), PAUSE when out of
 * budget; leaves `values` as it found it when done. The budget is shared through `ctx.budget.left`.
 */
export function* evaluate(ctx: EvalContext, plan: Plan, values: Int32Array): Generator<boolean> {
  if (plan.isolated) {
    yield* isolated(ctx, { ...plan, isolated: false } as Plan, values);
    return;
  }
  switch (plan.kind) {
    case 'bgp': {
      if (plan.empty) return;
      const cursor = cursorFor(ctx.store, plan, values);
      for (;;) {
        cursor.budget = ctx.budget.left;
        const step = cursor.next();
        ctx.budget.left = cursor.budget;
        if (step === 0) return;
        if (step === -1) {
          yield PAUSE;
          continue;
        }
        yield true;
      }
    }
    case 'join':
      yield* joinFrom(ctx, plan.inputs, 0, values);
      return;
    case 'union':
      for (const input of plan.inputs) yield* evaluate(ctx, input, values);
      return;
    case 'filter': {
      const term = reader(ctx, values);
      for (const step of evaluate(ctx, plan.input, values)) {
        if (step === PAUSE || passes(plan.expr(term))) yield step;
      }
      return;
    }
    case 'extend': {
      const term = reader(ctx, values);
      for (const step of evaluate(ctx, plan.input, values)) {
        if (step === PAUSE) {
          yield PAUSE;
          continue;
        }
        const id = ctx.terms.idOfValue(plan.expr(term));
        values[plan.slot] = id;
        yield true;
        values[plan.slot] = -1;
      }
      return;
    }
    case 'group':
      yield* group(ctx, plan, values);
      return;
    case 'orderby':
      yield* orderBy(ctx, plan, values);
      return;
    case 'leftjoin': {
      const term = reader(ctx, values);
      for (const step of evaluate(ctx, plan.left, values)) {
        if (step === PAUSE) {
          yield PAUSE;
          continue;
        }
        let matched = false;
        for (const inner of evaluate(ctx, plan.right, values)) {
          if (inner === PAUSE || !plan.expr || passes(plan.expr(term))) {
            if (inner !== PAUSE) matched = true;
            yield inner;
          }
        }
        if (!matched) yield true;
      }
    }
  }
}

/** ORDER BY on STR(…) keys: the input's solutions sorted by code point, errors and unbound first, stable for ties. */
function* orderBy(ctx: EvalContext, plan: Extract<Plan, { kind: 'orderby' }>, values: Int32Array): Generator<boolean> {
  const term = reader(ctx, values);
  const rows: { values: Int32Array; keys: (string | undefined)[] }[] = [];
  for (const step of evaluate(ctx, plan.input, values)) {
    if (step === PAUSE) {
      yield PAUSE;
      continue;
    }
    rows.push({ values: values.slice(), keys: plan.keys.map((k) => keyText(k.expr(term))) });
  }
  rows.sort((a, b) => {
    for (let i = 0; i < plan.keys.length; i++) {
      const x = a.keys[i], y = b.keys[i];
      const c = x === y ? 0 : x === undefined ? -1 : y === undefined ? 1 : compareCodePoints(x, y);
      if (c !== 0) return plan.keys[i]!.desc ? -c : c;
    }
    return 0;
  });
  const saved = values.slice();
  for (const row of rows) {
    values.set(row.values);
    yield true;
  }
  values.set(saved);
}

/** GROUP BY with COUNTs: one pass over the input, one solution per group (one for no keys, even over nothing). */
function* group(ctx: EvalContext, plan: Extract<Plan, { kind: 'group' }>, values: Int32Array): Generator<boolean> {
  type State = { keys: number[]; counts: number[]; seen: (Set<number> | undefined)[] };
  const groups = new Map<string, State>();
  const { keys, counts } = plan;
  for (const step of evaluate(ctx, plan.input, values)) {
    if (step === PAUSE) {
      yield PAUSE;
      continue;
    }
    let key = '';
    for (const k of keys) key += `${values[k]},`;
    let state = groups.get(key);
    if (!state) {
      state = { keys: keys.map((k) => values[k]!), counts: counts.map(() => 0), seen: counts.map((c) => (c.distinct ? new Set<number>() : undefined)) };
      groups.set(key, state);
    }
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      if (c.of === -1) state.counts[i]!++;
      else if (values[c.of]! >= 0) {
        const seen = state.seen[i];
        if (!seen) state.counts[i]!++;
        else if (!seen.has(values[c.of]!)) {
          seen.add(values[c.of]!);
          state.counts[i]!++;
        }
      }
    }
  }
  if (groups.size === 0 && keys.length === 0) groups.set('', { keys: [], counts: counts.map(() => 0), seen: [] });
  for (const state of groups.values()) {
    keys.forEach((k, i) => (values[k] = state.keys[i]!));
    counts.forEach((c, i) => (values[c.slot] = ctx.terms.idOf(DataFactory.literal(String(state.counts[i]), XSD_INTEGER))));
    yield true;
    for (const k of keys) values[k] = -1;
    for (const c of counts) values[c.slot] = -1;
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

function* joinFrom(ctx: EvalContext, inputs: Plan[], k: number, values: Int32Array): Generator<boolean> {
  if (k === inputs.length) {
    yield true;
    return;
  }
  for (const step of evaluate(ctx, inputs[k]!, values)) {
    if (step === PAUSE) yield PAUSE;
    else yield* joinFrom(ctx, inputs, k + 1, values);
  }
}

/** Evaluates a plan on its own (nothing substituted), then joins each solution with the outer row. */
function* isolated(ctx: EvalContext, plan: Plan, values: Int32Array): Generator<boolean> {
  const own = new Int32Array(values.length).fill(-1);
  const solutions: Int32Array[] = [];
  for (const step of evaluate(ctx, plan, own)) {
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
