// Which tier of a rule set prices a late order. Pure.
import type { Range, RuleSet, Tier, TierKind } from './types.js';

export function inRange(r: Range, hours: number): boolean {
  return (r.over === null || hours > r.over) && (r.upTo === null || hours <= r.upTo);
}

/** The first tier covering (window, hours late, presale), of `kind` when given. */
export function findTier(tiers: Tier[], windowHours: number, hoursLate: number, presale: boolean, kind?: TierKind): Tier | undefined {
  // A plain loop, the ranges tested in it (inRange): run twice for every late order, a closure and a
  // call a tier cost a 10k-row run more before it was optimised (issue 21). Same test as inRange's.
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i]!;
    if (kind !== undefined && t.kind !== kind) continue;
    const w = t.window;
    if ((w.over !== null && !(windowHours > w.over)) || (w.upTo !== null && !(windowHours <= w.upTo))) continue;
    const l = t.hoursLate;
    if ((l.over !== null && !(hoursLate > l.over)) || (l.upTo !== null && !(hoursLate <= l.upTo))) continue;
    if (t.presale === null || t.presale === presale) return t;
  }
  return undefined;
}

/**
 * The tier that prices a late order. Validation guarantees every (window, hours late, presale)
 * is covered. `kind` asks for a kind whatever the lateness ("what would this cost if it were
 * late"): the first tier of that kind for the window, else the tier for just-late.
 */
export function pickTier(rules: RuleSet, windowHours: number, hoursLate: number | undefined, presale: boolean, kind?: TierKind): Tier {
  if (hoursLate === undefined) {
    const t = rules.tiers.find((x) => (kind === undefined || x.kind === kind) && inRange(x.window, windowHours) && (x.presale === null || x.presale === presale));
    return t ?? findTier(rules.tiers, windowHours, Number.MIN_VALUE, presale) ?? rules.tiers[rules.tiers.length - 1]!;
  }
  return findTier(rules.tiers, windowHours, hoursLate, presale, kind) ?? findTier(rules.tiers, windowHours, hoursLate, presale) ?? rules.tiers[rules.tiers.length - 1]!;
}

/** Every threshold the tiers name, for probing coverage. */
export function thresholds(tiers: Tier[], axis: 'window' | 'hoursLate'): number[] {
  const s = new Set<number>();
  for (const t of tiers) for (const v of [t[axis].over, t[axis].upTo]) if (v !== null) s.add(v);
  return [...s].sort((a, b) => a - b);
}
