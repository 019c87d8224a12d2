// Which tier of a rule set prices a late order. Pure.
import type { Range, RuleSet, Tier, TierKind } from './types.js';

export function inRange(r: Range, hours: number): boolean {
  return (r.over === null || hours > r.over) && (r.upTo === null || hours <= r.upTo);
}

/** The first tier covering (window, hours late, presale), of `kind` when given. */
export function findTier(tiers: Tier[], windowHours: number, hoursLate: number, presale: boolean, kind?: TierKind): Tier | undefined {
  return tiers.find((t) => (kind === undefined || t.kind === kind) && inRange(t.window, windowHours) && inRange(t.hoursLate, hoursLate) && (t.presale === null || t.presale === presale));
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
