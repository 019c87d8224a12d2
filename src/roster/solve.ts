// The solver adapter: HiGHS (npm `highs`, WebAssembly). Two routes to a proven optimum of the
// lexicographic objective levels of model.ts:
//
// 1. Bounds, then a layout (fast; months with hard requests). The aggregate model
//    (aggregate.ts: counts per agent and per day, no calendar) is solved level by level; being a
//    relaxation, its optimum is a proven lower bound of every level. construct.ts then lays out
//    a roster with exactly those counts. If the roster passes the independent checker and its
//    measured levels (objectives.ts) equal the bounds, it is optimal — no branch-and-bound over
//    the full model is needed. Levels the aggregate cannot see (--previous) continue on route 2,
//    warm-started from the layout with the proven levels capped.
// 2. The full model (model.ts), minimising one level after another: after each level the level's
//    variable is capped at the value reached, the previous solution is handed over as a start,
//    and the next level is minimised in the time that is left.
import { buildAggregate } from './aggregate.js';
import { checkRoster, gridCells } from './check.js';
import { construct } from './construct.js';
import { type BuiltModel, type Level, LEVELS, type ModelOptions, buildModel, gridFrom } from './model.js';
import { measure, spreadUnit } from './objectives.js';
import { type Grid, type RosterProblem, proRata } from './problem.js';

export interface LevelResult {
  level: Level;
  value: number;
  /** Best proven lower bound; equal to value when proven optimal. */
  bound: number;
  proven: boolean;
  seconds: number;
}

export type SolveResult =
  | { status: 'solved'; grid: Grid; levels: LevelResult[]; proven: boolean; seconds: number; spreadUnit: number; route: 'layout' | 'model' }
  | { status: 'infeasible'; seconds: number }
  | { status: 'timeout'; seconds: number };

/** Where the solver is, for a progress display (src/cli/progress.ts). */
export interface SolveProgress {
  elapsed: number;
  timeLimit: number;
  /** Level being minimised. */
  level: Level;
  /** Relative gap of that level's search (0 when proven), when known. */
  gap?: number;
}

export interface SolveOptions extends ModelOptions {
  timeLimit: number;
  /** Levels to optimise (o3 only matters when requests are soft, o4 only with --previous, o5 with traffic). */
  levels?: Level[];
  /** Stop after proving the problem feasible (for explaining infeasibility). */
  feasibilityOnly?: boolean;
  /** Skip route 1 (to compare the routes, and in tests of the full model). */
  modelOnly?: boolean;
  onProgress?: (p: SolveProgress) => void;
  /**
   * A proven lower bound of a level, given the values the earlier levels were capped at (the
   * aggregate relaxation, aggregateBound): the level's column starts there, so a roster that
   * reaches it is proven at once instead of by a search the time limit stops.
   */
  lowerBound?: (level: Level, capped: readonly LevelResult[]) => number | undefined;
  /** The same for levels 1 and 2 solved as one (M·o1 + o2): o1's bound, and o2's when o1 is at it. */
  pairBound?: (capped: readonly LevelResult[]) => [number, number] | undefined;
}

type HighsModule = {
  createModel(src: { format: 'lp'; data: string }): HModel;
  constants: { modelStatus: Record<string, number>; callbackType: Record<string, number> };
};
type HModel = {
  options: { set(o: Record<string, unknown>): void };
  info: { get(name: string): number | bigint };
  run(callbacks?: Record<number, (e: { data: Record<string, unknown> }) => undefined>): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array };
  setSolution(s: { colValue: Float64Array } | { indices: Int32Array; values: Float64Array }): unknown;
  getColByName(name: string): number;
  changeColCost(i: number, c: number): unknown;
  changeColBounds(i: number, lo: number, hi: number): unknown;
  addRow(lo: number, hi: number, entries: { indices: Int32Array; values: Float64Array }): unknown;
  zeroAllClocks(): unknown;
  dispose(): void;
};

let loaded: Promise<HighsModule> | undefined;
async function highs(): Promise<HighsModule> {
  loaded ??= import('highs').then((m) => (m.default as unknown as () => Promise<HighsModule>)());
  return loaded;
}

const OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, random_seed: 1 };

type Clock = { elapsed(): number; left(): number };

/**
 * Work, not time (tests only; not a user option): STOREOPS_ROSTER_NODES=<n> stops each HiGHS solve
 * after n branch-and-bound nodes (HiGHS `mip_max_nodes`) instead of at the --time-limit clock, and
 * the layout tries its attempts without a deadline. A solve is then the same on a loaded machine as
 * on an idle one: test/roster asserted rosters reached in 5–10 s of wall time, which a CI machine
 * at load 20 (a tenth of a core each) did not reach. Read once per solve.
 */
function nodeLimit(): number | undefined {
  const v = process.env.STOREOPS_ROSTER_NODES;
  return v !== undefined && /^[1-9]\d*$/.test(v) ? Number(v) : undefined;
}

/**
 * Each level's value as the roster measures it (objectives.ts measure), never more than the
 * solver's variable: a level variable is only bounded below by what it measures (o1 ≥ the hour
 * spread …), so in an incumbent the time limit stopped it may sit above the roster's own value.
 * A level whose measured value reaches its bound is proven.
 */
export function asMeasured(results: readonly LevelResult[], measured: Readonly<Record<Level, number>>): LevelResult[] {
  return results.map((x) => {
    const value = Math.min(x.value, measured[x.level]);
    return value === x.value ? x : { ...x, value, proven: x.proven || value <= x.bound };
  });
}

/** Minimise `levels` of an LP one after another, capping each; all proven or stop. */
function lexicographic(
  days: number,
  h: HighsModule,
  model: HModel,
  levels: Level[],
  clock: Clock,
  opt: SolveOptions,
  start?: { colValue: Float64Array } | { indices: Int32Array; values: Float64Array },
): { status: 'ok' | 'infeasible' | 'timeout'; results: LevelResult[]; sol?: Float64Array } {
  const st = h.constants.modelStatus;
  const cb = h.constants.callbackType;
  const cols = new Map<string, number>(LEVELS.map((l) => [l, model.getColByName(l)]));
  const results: LevelResult[] = [];
  let sol: Float64Array | undefined;
  let warm = start;
  // o1 and o2 in one solve: M·o1 + o2 with M above any o2 (≤ nights + weekend days ≤ 2·days)
  // is the same lexicographic order.
  const M = 2 * days + 1;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const pair = !opt.feasibilityOnly && level === 'o1' && levels[i + 1] === 'o2';
    for (const l of LEVELS) model.changeColCost(cols.get(l)!, opt.feasibilityOnly ? 0 : l === level ? (pair ? M : 1) : pair && l === 'o2' ? 1 : 0);
    const lb = pair || opt.feasibilityOnly ? undefined : opt.lowerBound?.(level, results);
    if (lb !== undefined && lb > 0) model.changeColBounds(cols.get(level)!, lb, Infinity);
    const pb = pair ? opt.pairBound?.(results) : undefined;
    if (pb) {
      // o1 ≥ b1, and M·o1 + o2 ≥ M·b1 + b2 (o2 ≥ b2 holds only while o1 = b1).
      model.changeColBounds(cols.get('o1')!, pb[0], Infinity);
      if (pb[1] > 0) model.addRow(M * pb[0] + pb[1], Infinity, { indices: Int32Array.from([cols.get('o1')!, cols.get('o2')!]), values: Float64Array.from([M, 1]) });
    }
    model.zeroAllClocks();
    const nodes = nodeLimit();
    model.options.set({ time_limit: nodes === undefined ? clock.left() : 1e7, ...(nodes === undefined ? {} : { mip_max_nodes: nodes }), ...(opt.feasibilityOnly ? { mip_max_improving_sols: 1 } : {}) });
    if (warm) model.setSolution(warm as never);
    const t0 = Date.now();
    const report = opt.onProgress;
    const callbacks = report
      ? {
          [cb.mipInterrupt!]: (e: { data: Record<string, unknown> }) => {
            report({ elapsed: clock.elapsed(), timeLimit: opt.timeLimit, level, gap: typeof e.data.mip_gap === 'number' && Number.isFinite(e.data.mip_gap) ? e.data.mip_gap : undefined });
            return undefined;
          },
        }
      : undefined;
    model.run(callbacks);
    const status = model.getModelStatus();
    if (status === st.infeasible) return { status: 'infeasible', results };
    const hasSolution = status === st.optimal || Number(model.info.get('primal_solution_status')) === 2;
    if (!hasSolution) return { status: i === 0 && !sol ? 'timeout' : 'ok', results, sol };
    sol = model.getSolution().colValue;
    warm = { colValue: sol } as never;
    if (opt.feasibilityOnly) return { status: 'ok', results, sol };
    const proven = status === st.optimal;
    const seconds = (Date.now() - t0) / 1000;
    if (pair) {
      const v1 = Math.round(sol[cols.get('o1')!]!);
      const v2 = Math.round(sol[cols.get('o2')!]!);
      let b1 = v1;
      if (!proven) {
        const b = Number(model.info.get('mip_dual_bound'));
        b1 = Number.isFinite(b) ? Math.max(0, Math.floor((b + 1e-6) / M)) : 0;
      }
      results.push({ level: 'o1', value: v1, bound: b1, proven: proven || b1 === v1, seconds });
      results.push({ level: 'o2', value: v2, bound: proven ? v2 : 0, proven, seconds: 0 });
      model.changeColBounds(cols.get('o1')!, 0, v1);
      model.changeColBounds(cols.get('o2')!, 0, v2);
      i++;
    } else {
      const value = Math.round(model.getObjectiveValue());
      let bound = value;
      if (!proven) {
        const b = Number(model.info.get('mip_dual_bound'));
        bound = Number.isFinite(b) ? Math.max(0, Math.ceil(b - 1e-6)) : 0;
      }
      results.push({ level, value, bound, proven, seconds });
      model.changeColBounds(cols.get(level)!, 0, value);
    }
    report?.({ elapsed: clock.elapsed(), timeLimit: opt.timeLimit, level, gap: proven ? 0 : undefined });
    if (!proven) break; // out of time: later levels keep the incumbent
  }
  return { status: 'ok', results, sol };
}

/**
 * The aggregate's (aggregate.ts) minimum of `level` with the earlier levels capped at the values
 * the full model proved: a lower bound of the level in the full model. The aggregate is a
 * relaxation of every roster the full model allows (of a template too: its counts over the 31
 * days, whose hour spread is at most the template's widest), so capping a level there at a value
 * the full model reached keeps every such roster; the minimum, or the search's bound when the
 * time runs out, is never above the full model's optimum. Only with every rule in force and
 * requests hard (the aggregate keeps them as days off). Undefined when nothing is proven.
 */
function aggregateBound(h: HighsModule, p: RosterProblem, level: Level, capped: readonly LevelResult[], clock: Clock): number | undefined {
  const agg = buildAggregate(p);
  const model = h.createModel({ format: 'lp', data: agg.lp });
  try {
    model.options.set(OPTIONS);
    for (const c of capped) model.changeColBounds(model.getColByName(c.level), 0, c.value);
    for (const l of LEVELS) model.changeColCost(model.getColByName(l), l === level ? 1 : 0);
    const nodes = nodeLimit();
    model.options.set({ time_limit: nodes === undefined ? Math.max(0.05, Math.min(clock.left() / 4, 60)) : 1e7, ...(nodes === undefined ? {} : { mip_max_nodes: nodes }) });
    model.run();
    const st = h.constants.modelStatus;
    const status = model.getModelStatus();
    if (status === st.optimal) return Math.round(model.getObjectiveValue());
    const b = Number(model.info.get('mip_dual_bound'));
    return Number.isFinite(b) && b > 0 ? Math.ceil(b - 1e-6) : undefined;
  } finally {
    model.dispose();
  }
}

/** Route 1: aggregate bounds and a layout that reaches them. */
function boundsAndLayout(h: HighsModule, p: RosterProblem, levels: Level[], clock: Clock, opt: SolveOptions): { status: 'infeasible' } | { status: 'none' } | { status: 'layout'; grid: Grid; results: LevelResult[] } {
  const seen = levels.filter((l) => l === 'o1' || l === 'o2' || (l === 'o5' && !levels.includes('o4')));
  const agg = buildAggregate(p);
  const model = h.createModel({ format: 'lp', data: agg.lp });
  try {
    model.options.set(OPTIONS);
    const r = lexicographic(p.days.length, h, model, seen, clock, opt);
    if (r.status === 'infeasible') return { status: 'infeasible' };
    if (r.status !== 'ok' || !r.sol) return { status: 'none' };
    // Out of time inside the aggregate: its best counts still make a roster; the levels it did
    // not finish are reported unproven (bound 0) with the values the roster measures.
    const complete = r.results.length === seen.length && r.results.every((x) => x.proven);
    if (complete && levels.includes('o6') && !levels.includes('o4')) {
      // Level 6 with levels 1, 2 and 5 capped at their optima. First with each day's total
      // held (given the totals the search is a network: fast, and a good start), then with the
      // totals free, started from that split: other day totals with the same level-5 cost can
      // split better over the shifts (two days of equal daily traffic whose chats fall in
      // different hours), so only the second solve proves level 6. Both share a quarter of the
      // time limit; if the second is not proven by then, its bound and gap are reported.
      const capAt = clock.elapsed() + Math.max(1, opt.timeLimit / 4);
      const capped: Clock = { elapsed: clock.elapsed, left: () => Math.max(0.05, Math.min(clock.left(), capAt - clock.elapsed())) };
      const Ys = p.days.map((_, d) => model.getColByName(agg.Y(d)));
      Ys.forEach((i) => {
        const v = Math.round(r.sol![i]!);
        model.changeColBounds(i, v, v);
      });
      const held = lexicographic(p.days.length, h, model, ['o6'], capped, opt, { colValue: r.sol! });
      if (held.status === 'ok' && held.sol && held.results.length === 1) {
        r.sol = held.sol;
        Ys.forEach((i) => model.changeColBounds(i, 0, p.agents.length));
        const free = lexicographic(p.days.length, h, model, ['o6'], capped, opt, { colValue: held.sol });
        if (free.status === 'ok' && free.sol && free.results.length === 1) {
          r.sol = free.sol;
          r.results.push(free.results[0]!);
        } else {
          // No answer in the time left: the held split, unproven (bound 0).
          r.results.push({ ...held.results[0]!, bound: 0, proven: false });
        }
      }
    }
    const v = (name: string) => Math.round(r.sol![model.getColByName(name)]!);
    const targets = {
      counts: p.agents.map((_, a) => p.shifts.map((_, i) => v(agg.c(a, i)))),
      weekend: p.agents.map((_, a) => v(agg.w(a))),
      staff: p.days.map((_, d) => p.shifts.map((_, i) => v(agg.y(d, i)))),
    };
    const deadline = Date.now() + 1000 * Math.min(2, Math.max(0.2, clock.left() / 4));
    const untimed = nodeLimit() !== undefined;
    for (let attempt = 0; attempt < 200 && (attempt === 0 || untimed || Date.now() < deadline); attempt++) {
      const grid = construct(p, targets, attempt);
      if (!grid || checkRoster(p, gridCells(grid)).length) continue;
      const m = measure(p, grid);
      if (!complete) {
        const results = seen.map((l) => {
          const x = r.results.find((y) => y.level === l);
          return x && x.proven && m[l] === x.value ? x : { level: l, value: m[l], bound: x?.bound ?? 0, proven: false, seconds: x?.seconds ?? 0 };
        });
        return { status: 'layout', grid, results };
      }
      if (r.results.every((x) => m[x.level] === x.value)) {
        // Level 6 found no answer at all in its time: the roster's own value, unproven, rather
        // than leaving the level out of a "proven optimal" summary.
        const o6Missing = levels.includes('o6') && !levels.includes('o4') && !r.results.some((x) => x.level === 'o6');
        return { status: 'layout', grid, results: o6Missing ? [...r.results, { level: 'o6', value: m.o6, bound: 0, proven: false, seconds: 0 }] : r.results };
      }
    }
    return { status: 'none' };
  } finally {
    model.dispose();
  }
}

export async function solveRoster(p: RosterProblem, opt: SolveOptions): Promise<SolveResult> {
  const h = await highs();
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  const clock: Clock = { elapsed, left: () => Math.max(0.05, opt.timeLimit - elapsed()) };
  const levels = opt.levels ?? [...LEVELS];
  const unit = spreadUnit(p);

  let start: Grid | undefined;
  let fixed: LevelResult[] = [];
  const route1 = !opt.modelOnly && !opt.feasibilityOnly && !p.template && opt.requestsHard && !opt.drop && !levels.includes('o3');
  if (route1) {
    const r = boundsAndLayout(h, p, levels, clock, opt);
    if (r.status === 'infeasible') return { status: 'infeasible', seconds: elapsed() };
    if (r.status === 'layout') {
      const rest = levels.filter((l) => !r.results.some((x) => x.level === l) && !(l === 'o6' && r.results.length));
      if (rest.length === 0) {
        opt.onProgress?.({ elapsed: elapsed(), timeLimit: opt.timeLimit, level: levels[levels.length - 1]!, gap: 0 });
        return { status: 'solved', grid: r.grid, levels: r.results, proven: r.results.every((x) => x.proven), seconds: elapsed(), spreadUnit: unit, route: 'layout' };
      }
      // Levels before the first unseen one are proven; the unseen ones go to the full model.
      const firstRest = levels.indexOf(rest[0]!);
      fixed = levels.slice(0, firstRest).map((l) => r.results.find((x) => x.level === l)!);
      start = r.grid;
    }
  }

  // Level 6 (spare agents by shift) is solved last, on its own capped clock (below).
  const built: BuiltModel = buildModel(p, opt);
  const model = h.createModel({ format: 'lp', data: built.lp });
  try {
    model.options.set(OPTIONS);
    for (const f of fixed) model.changeColBounds(model.getColByName(f.level), 0, f.value);
    const todo = opt.feasibilityOnly ? (['o1'] as Level[]) : levels.filter((l) => l !== 'o6' && !fixed.some((f) => f.level === l));
    let warm: { indices: Int32Array; values: Float64Array } | undefined;
    if (start) {
      const names = built.startNames(start);
      warm = { indices: Int32Array.from(names.map(([n]) => model.getColByName(n))), values: Float64Array.from(names.map(([, v]) => v)) };
    }
    // Levels 5 and 6 depend on the staff counts only, which the aggregate sees exactly; their
    // bound from the full model's relaxation is weak when agents are interchangeable (the 5-agent
    // template: 84,748 against 84,884, not closed in 75 s). The aggregate's bound given the
    // levels already proven closes it when a roster reaches it.
    // Templates only (they have no route 1). A month reaches the full model with --previous (levels
    // 5 and 6 then come after the changes, level 4, which the aggregate cannot see: 10 agents after
    // October, 1,187,442 against 1,196,552, and the solve took level 6's time, which lost its proof)
    // or when the layout missed the aggregate's counts (December 2026, 6 agents, 5 requests: the full
    // model proves levels 5 and 6 by itself, and a bound on their columns only slowed it, 4.4 → 5.2 s
    // of CPU).
    const aggregateValid = p.template && !opt.feasibilityOnly && !opt.drop && (opt.requestsHard || p.requests.length === 0) && !levels.includes('o3') && !levels.includes('o4');
    // A template has no route 1, and its hour and night spreads are the slow part of its full
    // model (the 5-agent template: ~10 s of CPU to prove 2 h and 1); the aggregate, which keeps its
    // days 29–31 per agent (aggregate.ts), bounds both in a fraction of a second. With limited
    // agents too (since 2026-12; their spreads pro rata): a template with one agent only on 白/半
    // went from 29 s of CPU to prove to ~6.5 s (docs/performance.md, forty-first round).
    const pairBound = (before: readonly LevelResult[]) => (capped: readonly LevelResult[]): [number, number] | undefined => {
      const b1 = aggregateBound(h, p, 'o1', [...before, ...capped], clock);
      if (b1 === undefined) return undefined;
      const at: LevelResult = { level: 'o1', value: b1, bound: b1, proven: true, seconds: 0 };
      return [b1, aggregateBound(h, p, 'o2', [...before, ...capped, at], clock) ?? 0];
    };
    // `clk`: the clock of the solve the bound is for (level 6 has its own quarter of the limit).
    const withBound = (before: readonly LevelResult[], clk: Clock = clock): SolveOptions =>
      aggregateValid
        ? {
            ...opt,
            lowerBound: (level, capped) => (level === 'o5' || level === 'o6' ? aggregateBound(h, p, level, [...before, ...capped], clk) : undefined),
            pairBound: pairBound(before),
          }
        : opt;
    const r = lexicographic(p.days.length, h, model, todo, clock, withBound(fixed), warm);
    if (r.status === 'infeasible') return { status: 'infeasible', seconds: elapsed() };
    if (r.status === 'timeout' || !r.sol) return { status: 'timeout', seconds: elapsed() };
    // Level 6 in the full model too, when every earlier level is proven: without it a month with
    // requested days off (which the layout of route 1 rarely reaches) split each day's agents over
    // the shifts as the last solve left them (December 2026, 12 agents, 7 requests: a Saturday
    // with 1 on 白班, 7 on 半白班, 1 on 晚班, 78.7 % answered in time). Capped at a quarter of the
    // time limit, as in route 1, warm-started from the level-5 roster: out of time, the best split
    // found so far, unproven, with its bound.
    if (!opt.feasibilityOnly && levels.includes('o6') && !fixed.some((f) => f.level === 'o6') && r.results.length === todo.length && r.results.every((x) => x.proven)) {
      const capAt = clock.elapsed() + Math.max(1, opt.timeLimit / 4);
      const capped: Clock = { elapsed: clock.elapsed, left: () => Math.max(0.05, Math.min(clock.left(), capAt - clock.elapsed())) };
      const r6 = lexicographic(p.days.length, h, model, ['o6'], capped, withBound([...fixed, ...r.results], capped), { colValue: r.sol });
      if (r6.status === 'ok' && r6.sol && r6.results.length === 1) {
        r.sol = r6.sol;
        r.results.push(r6.results[0]!);
        todo.push('o6');
      }
    }
    const sol = r.sol;
    const grid = gridFrom(p, (name) => sol[model.getColByName(name)]!, built);
    // A level's variable is only bounded below by what it measures (o1 ≥ the spread, …): in an
    // incumbent the time limit stopped, it may sit above the roster's own value. The roster printed
    // is the grid, so each level says what the grid measures (never more than the variable): a
    // template whose hours differed by 27 h was summed up as "hour spread 124 h (bound 0 h)".
    const results = asMeasured([...fixed, ...r.results], measure(p, grid));
    const proven = !opt.feasibilityOnly && results.length === todo.length + fixed.length && results.every((x) => x.proven);
    return { status: 'solved', grid, levels: results, proven, seconds: elapsed(), spreadUnit: unit, route: 'model' };
  } finally {
    model.dispose();
  }
}
