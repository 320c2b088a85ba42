// Compiles Comunica's algebra into the store's plans: what it can evaluate exactly, and where substitution would be wrong.
import { DataFactory, type Term, type Variable } from 'n3';
import type { QuadStore } from './quad-store.ts';
import type { Slot, SlotPattern } from './bgp-join.ts';
import { compileExpression, isNumeric, isStringKey, type Evaluate } from './expressions.ts';
import type { Count, Operation, Plan, RdfTerm } from './native-plan.ts';
import { mergedGraphs } from './graph-merge.ts';

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

  /** Compiles an operation; undefined when any part of it is beyond the store. */
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
          expr = this.expression(op.expression, new Set());
          if (!expr) return undefined;
        }
        return { kind: 'leftjoin', left, right, expr, vars: unite([left.vars, right.vars]), certain: new Set(left.certain) };
      }
      case 'filter': {
        const input = this.node(op.input as Operation);
        if (!input) return undefined;
        const reads = new Set<number>();
        const expr = this.expression(op.expression, reads);
        if (!expr) return undefined;
        return { kind: 'filter', input, expr, reads, vars: input.vars, certain: input.certain };
      }
      case 'extend': {
        const input = this.node(op.input as Operation);
        if (!input) return undefined;
        const reads = new Set<number>();
        const expr = this.expression(op.expression, reads);
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
          const expr = this.expression(inner, reads);
          if (!expr) return undefined;
          keys.push({ expr, desc });
        }
        return { kind: 'orderby', input, keys, reads, vars: input.vars, certain: input.certain };
      }
      default:
        return undefined;
    }
  }

  /** Compiles an expression over the slots known so far, noting in `reads` the slots it reads. */
  private expression(e: unknown, reads: Set<number>): Evaluate | undefined {
    return compileExpression(e as never, (name) => {
      const slot = this.slots.get(name);
      if (slot !== undefined) reads.add(slot);
      return slot;
    }, this.isNumericVariable);
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

  /** The store's ids of the graphs a merge term stands for (those it holds, each once); undefined for any other term. */
  private mergeIds(t: RdfTerm, missing: () => void): SlotPattern['g'] | undefined {
    const iris = mergedGraphs(t);
    if (!iris) return undefined;
    const ids = [...new Set(iris.map((iri) => this.store.idOf(DataFactory.namedNode(iri))).filter((id): id is number => id !== undefined))];
    if (ids.length === 0) missing();
    return ids.length === 1 ? ids[0]! : ids.length === 0 ? 0 : ids;
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
      } else g = this.mergeIds(p.graph!, missing) ?? this.position(p.graph!, missing);
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
