// Basic graph patterns over the quad store: a join order from exact counts, then a lazy index nested-loop join (LIMIT stops it).
import type { QuadStore } from './quad-store.ts';
import { G, S, P, O, TS, TP, TO, type IdPattern } from './indexes.ts';

/** One position of a pattern: a term id (≥ 0), or a variable's slot as -(slot + 1). */
export type Slot = number;

/** A triple or quad pattern over ids and variable slots; `graph` 'union' reads the union's triples, else a quad position. */
export interface SlotPattern {
  s: Slot;
  p: Slot;
  o: Slot;
  /**
   * 'union': the default graph as the union of all graphs (triples, each once); a list of graph ids: the RDF merge of
   * those graphs (FROM <a> FROM <b>: each triple once, however many of them state it); else a quad position.
   */
  g: Slot | 'union' | readonly number[];
}

function isVar(x: Slot): boolean {
  return x < 0;
}

function slotOf(x: Slot): number {
  return -x - 1;
}

/** The positions of a pattern that read from a row: [pattern position value, column] pairs. */
function columns(p: SlotPattern): [Slot, number][] {
  if (p.g === 'union') return [[p.s, TS], [p.p, TP], [p.o, TO]];
  if (typeof p.g !== 'number') return [[p.s, S], [p.p, P], [p.o, O]];
  return [[p.s, S], [p.p, P], [p.o, O], [p.g, G]];
}

/** The id pattern of a slot pattern under the current bindings (-1 where still open); a merge's graph is `graph`. */
function bind(p: SlotPattern, values: Int32Array, graph = -1): IdPattern {
  const s = p.s < 0 ? values[-p.s - 1]! : p.s;
  const pr = p.p < 0 ? values[-p.p - 1]! : p.p;
  const o = p.o < 0 ? values[-p.o - 1]! : p.o;
  const g = typeof p.g !== 'number' ? graph : p.g < 0 ? values[-p.g - 1]! : p.g;
  return { s, p: pr, o, g };
}

/**
 * How many rows a pattern matches with its constants and the bound `values` (or, given a slot count, its constants
 * alone): exact, except over a merge of graphs, where a triple two of them state counts twice (an upper bound).
 */
export function countPattern(store: QuadStore, p: SlotPattern, values: Int32Array | number): number {
  const row = typeof values === 'number' ? new Int32Array(values).fill(-1) : values;
  if (typeof p.g === 'object') return p.g.reduce((n, g) => { const m = store.matchQuads(bind(p, row, g)); return n + m.hi - m.lo; }, 0);
  const ids = bind(p, row);
  const m = p.g === 'union' ? store.matchTriples(ids) : store.matchQuads(ids);
  return m.hi - m.lo;
}

/**
 * Orders patterns greedily: the smallest first, then always one that shares a variable with those before it (a
 * cartesian product only when nothing connects), preferring a bound subject (a handful of rows), then a bound object,
 * then the smallest count. Counts are exact and cheap, so the order follows the data, not guesses about it.
 */
export function orderPatterns(patterns: readonly SlotPattern[], counts: readonly number[], boundBefore: ReadonlySet<number> = new Set()): number[] {
  if (patterns.length === 1) return [0];
  const bound = new Set<number>(boundBefore);
  const left = patterns.map((_, i) => i);
  const order: number[] = [];
  while (left.length) {
    let best = -1;
    let bestCost = Infinity;
    for (const i of left) {
      const p = patterns[i]!;
      const vars = varsOf(p);
      let connected = false;
      let open = 0;
      for (const v of vars) {
        if (bound.has(v)) connected = true;
        else open++;
      }
      let cost = counts[i]!;
      if (bound.size > 0 && !connected && vars.length > 0) cost = 1e12 + cost;
      else if (open === 0) cost = 0;
      else if (isVar(p.s) && bound.has(slotOf(p.s))) cost = 1 + cost / 1e6;
      else if (isVar(p.o) && bound.has(slotOf(p.o))) cost = 10 + cost / 1e3;
      if (cost < bestCost) {
        bestCost = cost;
        best = i;
      }
    }
    order.push(best);
    left.splice(left.indexOf(best), 1);
    for (const v of varsOf(patterns[best]!)) bound.add(v);
  }
  return order;
}

function varsOf(p: SlotPattern): number[] {
  const out: number[] = [];
  if (isVar(p.s)) out.push(slotOf(p.s));
  if (isVar(p.p)) out.push(slotOf(p.p));
  if (isVar(p.o)) out.push(slotOf(p.o));
  if (typeof p.g === 'number' && isVar(p.g)) out.push(slotOf(p.g));
  return out;
}

/**
 * Walks the join one solution at a time: `next()` fills `values` (variable slot → term id) and returns true, or false at
 * the end. Each level holds a range of one index, so nothing is materialised and abandoning the walk costs nothing.
 */
export class JoinCursor {
  readonly values: Int32Array;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly at: Int32Array;
  private readonly matches: ({ row(i: number): number } | undefined)[];
  // Over a merge of graphs: which of its graphs a level's range is in.
  private readonly graphAt: Int32Array;
  // Slots each level assigned, so that backtracking clears exactly those.
  private readonly assigned: number[][];
  private level = 0;
  private started = false;

  constructor(
    private readonly store: QuadStore,
    private readonly patterns: readonly SlotPattern[],
    slots: number,
    /** The default graph's id, whose quads a graph variable skips; -1 when it has none. */
    private readonly defaultGraph: number,
    /** Values to extend (slots bound already stay as they are); a fresh row when absent. */
    values?: Int32Array,
  ) {
    this.values = values ?? new Int32Array(slots).fill(-1);
    const n = patterns.length;
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
    this.at = new Int32Array(n);
    this.graphAt = new Int32Array(n);
    this.matches = new Array(n);
    this.assigned = Array.from({ length: n }, () => []);
    // Each level's variables and the table columns they read, worked out once (accept runs once per row examined).
    this.varSlots = patterns.map((p) => columns(p).filter(([x]) => isVar(x)).map(([x]) => slotOf(x)));
    this.varCols = patterns.map((p) => columns(p).filter(([x]) => isVar(x)).map(([, col]) => col));
  }

  private readonly varSlots: number[][];
  private readonly varCols: number[][];

  private open(k: number): void {
    this.graphAt[k] = 0;
    this.openRange(k);
  }

  private openRange(k: number): void {
    const p = this.patterns[k]!;
    const ids = bind(p, this.values, typeof p.g === 'object' ? p.g[this.graphAt[k]!] : -1);
    const m = p.g === 'union' ? this.store.matchTriples(ids) : this.store.matchQuads(ids);
    this.matches[k] = m.index;
    this.lo[k] = m.lo;
    this.hi[k] = m.hi;
    this.at[k] = m.lo;
  }

  /** Over a merge of graphs, moves level k on to the next graph with matching rows: false when there is none. */
  private nextGraph(k: number): boolean {
    const g = this.patterns[k]!.g;
    if (typeof g !== 'object') return false;
    while (this.graphAt[k]! < g.length - 1) {
      this.graphAt[k]!++;
      this.openRange(k);
      if (this.at[k]! < this.hi[k]!) return true;
    }
    return false;
  }

  /** True when quad row r's triple is in a graph of the merge read before the current one: the merge has it already. */
  private seenBefore(k: number, graphs: readonly number[], r: number): boolean {
    const rows = this.store.quadRows;
    const s = rows[4 * r + S]!, p = rows[4 * r + P]!, o = rows[4 * r + O]!;
    for (let j = 0; j < this.graphAt[k]!; j++) {
      const m = this.store.matchQuads({ s, p, o, g: graphs[j]! });
      if (m.hi > m.lo) return true;
    }
    return false;
  }

  private clear(k: number): void {
    for (const slot of this.assigned[k]!) this.values[slot] = -1;
    this.assigned[k]!.length = 0;
  }

  /** Tries to bind level k to row r: checks repeated variables, assigns the open ones. */
  private accept(k: number, r: number): boolean {
    const p = this.patterns[k]!;
    const union = p.g === 'union';
    const width = union ? 3 : 4;
    const rows = union ? this.store.tripleRows : this.store.quadRows;
    // GRAPH ?g ranges over the named graphs only.
    if (typeof p.g === 'number' && isVar(p.g) && rows[width * r + G] === this.defaultGraph) return false;
    if (typeof p.g === 'object' && this.seenBefore(k, p.g, r)) return false;
    const slots = this.varSlots[k]!, cols = this.varCols[k]!;
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j]!;
      const value = rows[width * r + cols[j]!]!;
      const current = this.values[slot]!;
      if (current === -1) {
        this.values[slot] = value;
        this.assigned[k]!.push(slot);
      } else if (current !== value) {
        this.clear(k);
        return false;
      }
    }
    return true;
  }

  /** Starts the walk again from the top, over the current `values` (a cursor is reused for each row of an OPTIONAL). */
  reset(): void {
    for (let k = 0; k < this.patterns.length; k++) this.clear(k);
    this.level = 0;
    this.started = false;
    this.paused = false;
  }

  /** Rows this cursor may still examine before `next` pauses (-1); the caller refills it each turn. */
  budget = Infinity;
  private paused = false;

  /** Advances to the next solution: 1 when `values` holds one, 0 at the end, -1 when the budget ran out (call again). */
  next(): number {
    const n = this.patterns.length;
    if (n === 0) {
      if (this.started) return 0;
      this.started = true;
      return 1;
    }
    if (this.paused) this.paused = false;
    else if (!this.started) {
      this.started = true;
      this.open(0);
    } else {
      this.level = n - 1;
      this.clear(this.level);
    }
    for (;;) {
      const k = this.level;
      let found = false;
      while (this.at[k]! < this.hi[k]! || this.nextGraph(k)) {
        if (this.budget-- <= 0) {
          this.paused = true;
          return -1;
        }
        const r = this.matches[k]!.row(this.at[k]!++);
        if (this.accept(k, r)) {
          found = true;
          break;
        }
      }
      if (!found) {
        if (k === 0) return 0;
        this.level = k - 1;
        this.clear(this.level);
        continue;
      }
      if (k === n - 1) return 1;
      this.level = k + 1;
      this.open(this.level);
    }
  }
}
