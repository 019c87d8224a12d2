// Priority 1 (most urgent) … 5. A score of points, each documented in the README
// ("How the priority is scored"), turned into five bands.
import { Money } from '../money.js';
import { HOUR_MS } from '../time.js';
import type { Category } from './keywords.js';

export interface PriorityInput {
  /** From classify(): negative 5, negative 追评 4, neutral 2, negative words on a positive review 2, low DSR only 1. */
  severity: number;
  categories: Category[];
  safety: boolean;
  orderValue: Money | null;
  earlierOrders: number | null;
  /** The deadline that matters next and whether it is the first contact. */
  hoursLeft: number;
  firstContactPending: boolean;
}

export interface PriorityThresholds {
  /** Order value (paid amount) from which +2 / +1. */
  highValue: Money;
  midValue: Money;
}

export const DEFAULT_THRESHOLDS: PriorityThresholds = { highValue: new Money('300.00'), midValue: new Money('100.00') };

export function issuePoints(categories: Category[], safety: boolean): number {
  if (safety) return 3;
  if (categories.includes('quality') || categories.includes('not_as_described')) return 2;
  if (categories.includes('logistics') || categories.includes('service')) return 1;
  return 0;
}

export function valuePoints(v: Money | null, t: PriorityThresholds): number {
  if (v === null) return 0;
  if (v.gte(t.highValue)) return 2;
  if (v.gte(t.midValue)) return 1;
  return 0;
}

/** First contact: ≤ 6 h left (or overdue) +2, ≤ 18 h +1. Otherwise (explanation/complaint): ≤ 72 h +2, ≤ 7 days +1. */
export function urgencyPoints(hoursLeft: number, firstContactPending: boolean): number {
  if (firstContactPending) return hoursLeft <= 6 ? 2 : hoursLeft <= 18 ? 1 : 0;
  return hoursLeft <= 72 ? 2 : hoursLeft <= 7 * 24 ? 1 : 0;
}

export function score(p: PriorityInput, t: PriorityThresholds): number {
  return (
    p.severity +
    issuePoints(p.categories, p.safety) +
    valuePoints(p.orderValue, t) +
    (p.earlierOrders !== null && p.earlierOrders > 0 ? 1 : 0) +
    urgencyPoints(p.hoursLeft, p.firstContactPending)
  );
}

/** Score bands: ≥ 9 → 1, 7–8 → 2, 5–6 → 3, 3–4 → 4, ≤ 2 → 5. */
export function priorityOf(s: number): number {
  if (s >= 9) return 1;
  if (s >= 7) return 2;
  if (s >= 5) return 3;
  if (s >= 3) return 4;
  return 5;
}

export const hoursUntil = (deadline: number, asOf: number) => (deadline - asOf) / HOUR_MS;
