// The solver adapter: HiGHS (npm `highs`, WebAssembly) minimising the objective levels of
// model.ts one after another (lexicographic by sequential solves). After each level the level's
// variable is capped at the value reached, the previous solution is handed over as a start, and
// the next level is minimised in the time that is left.
import { type BuiltModel, LEVELS, type ModelOptions, buildModel, gridFrom } from './model.js';
import type { Grid, RosterProblem } from './problem.js';

export interface LevelResult {
  level: (typeof LEVELS)[number];
  value: number;
  /** Best proven lower bound; equal to value when proven optimal. */
  bound: number;
  proven: boolean;
  seconds: number;
}

export type SolveResult =
  | { status: 'solved'; grid: Grid; levels: LevelResult[]; proven: boolean; seconds: number; spreadUnit: number }
  | { status: 'infeasible'; seconds: number }
  | { status: 'timeout'; seconds: number };

export interface SolveOptions extends ModelOptions {
  timeLimit: number;
  /** Levels to optimise (o3 only matters when requests are soft, o4 only with --previous). */
  levels?: (typeof LEVELS)[number][];
  /** Stop after proving the problem feasible (for explaining infeasibility). */
  feasibilityOnly?: boolean;
}

type HighsModule = {
  createModel(src: { format: 'lp'; data: string }): HModel;
  constants: { modelStatus: Record<string, number> };
};
type HModel = {
  options: { set(o: Record<string, unknown>): void };
  info: { get(name: string): number | bigint };
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array };
  setSolution(s: { colValue: Float64Array }): unknown;
  getColByName(name: string): number;
  changeColCost(i: number, c: number): unknown;
  changeColBounds(i: number, lo: number, hi: number): unknown;
  zeroAllClocks(): unknown;
  getRunTime(): number;
  dispose(): void;
};

let loaded: Promise<HighsModule> | undefined;
async function highs(): Promise<HighsModule> {
  loaded ??= import('highs').then((m) => (m.default as unknown as () => Promise<HighsModule>)());
  return loaded;
}

export async function solveRoster(p: RosterProblem, opt: SolveOptions): Promise<SolveResult> {
  const h = await highs();
  const built: BuiltModel = buildModel(p, opt);
  const model = h.createModel({ format: 'lp', data: built.lp });
  const st = h.constants.modelStatus;
  const started = Date.now();
  const elapsed = () => (Date.now() - started) / 1000;
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, random_seed: 1 });
    const levels = opt.levels ?? [...LEVELS];
    const results: LevelResult[] = [];
    let start: Float64Array | undefined;
    const cols = new Map<string, number>(LEVELS.map((l) => [l, model.getColByName(l)]));
    for (const [i, level] of (opt.feasibilityOnly ? (['o1'] as const) : levels).entries()) {
      for (const l of LEVELS) model.changeColCost(cols.get(l)!, l === level ? 1 : 0);
      if (opt.feasibilityOnly) model.changeColCost(cols.get('o1')!, 0);
      const left = Math.max(0.05, opt.timeLimit - elapsed());
      model.zeroAllClocks();
      model.options.set({ time_limit: left, ...(opt.feasibilityOnly ? { mip_max_improving_sols: 1 } : {}) });
      if (start) model.setSolution({ colValue: start });
      const t0 = Date.now();
      model.run();
      const status = model.getModelStatus();
      if (status === st.infeasible) return { status: 'infeasible', seconds: elapsed() };
      const sol = model.getSolution();
      const hasSolution = status === st.optimal || Number(model.info.get('primal_solution_status')) === 2;
      if (!hasSolution) {
        if (i === 0) return { status: 'timeout', seconds: elapsed() };
        break; // keep the previous level's solution
      }
      start = sol.colValue;
      if (opt.feasibilityOnly) break;
      const value = Math.round(model.getObjectiveValue());
      const proven = status === st.optimal;
      let bound = value;
      if (!proven) {
        const b = Number(model.info.get('mip_dual_bound'));
        bound = Number.isFinite(b) ? Math.max(0, Math.ceil(b - 1e-6)) : 0;
      }
      results.push({ level, value, bound, proven, seconds: (Date.now() - t0) / 1000 });
      // Cap this level at the value reached before minimising the next one.
      model.changeColBounds(cols.get(level)!, 0, value);
      if (!proven) break; // out of time: later levels keep the incumbent
    }
    const value = (name: string) => start![model.getColByName(name)]!;
    const grid = gridFrom(p, value, built);
    const proven = results.length === levels.length && results.every((r) => r.proven);
    return { status: 'solved', grid, levels: results, proven: opt.feasibilityOnly ? false : proven, seconds: elapsed(), spreadUnit: built.spreadUnit };
  } finally {
    model.dispose();
  }
}
