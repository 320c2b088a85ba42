// Evaluates the store's plans lazily over a row of term ids, yielding to the event loop when its budget runs out.
import { DataFactory, type Term } from 'n3';
import type { QuadStore } from './quad-store.ts';
import { JoinCursor, countPattern, orderPatterns } from './bgp-join.ts';
import { keyText, passes } from './expressions.ts';
import { compareCodePoints } from './code-points.ts';
import type { EvalContext, Plan } from './native-plan.ts';

const XSD_INTEGER = DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#integer');

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
