// RULES 1.3a: which rule set judges an order. `auto`: the rule set of the order's platform in force
// at its paid time (validFrom … validTo, Beijing calendar days, both inclusive); or one rule set
// forced for every order (--rules ID|FILE). Pure: the zone and the sets are given.
import { InputError, msg } from '../errors.js';
import type { TimeZone } from '../time.js';
import type { RulePlatform, RuleSet } from './types.js';

interface Span {
  rules: RuleSet;
  /** First instant in force, inclusive (-Infinity = always). */
  from: number;
  /** First instant no longer in force (Infinity = still in force). */
  until: number;
}

export interface RuleBook {
  /** The rule set given with --rules ID|FILE, judging every order; null = auto. */
  forced: RuleSet | null;
  /** Rule sets by id (every set that can judge an order in this run). */
  byId: Map<string, RuleSet>;
  spans: Span[];
}

function dayStart(date: string, tz: TimeZone): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return tz.fromWall(y, m, d);
}

function span(rules: RuleSet, tz: TimeZone): Span {
  // validTo is the last day in force: it ends where the next calendar day starts.
  const until = rules.validTo === null ? Infinity : tz.startOfDay(dayStart(rules.validTo, tz) + 36 * 3_600_000);
  return { rules, from: rules.validFrom === null ? -Infinity : dayStart(rules.validFrom, tz), until };
}

/** Is `paidAt` within the rule set's validity? */
export function inForce(rules: RuleSet, paidAt: number, tz: TimeZone): boolean {
  const s = span(rules, tz);
  return paidAt >= s.from && paidAt < s.until;
}

/** `--rules auto`: the given rule sets, checked so that no two of one platform are in force at once. */
export function autoBook(sets: RuleSet[], tz: TimeZone): RuleBook {
  const spans = sets.map((r) => span(r, tz)).sort((a, b) => a.from - b.from);
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      if (a.rules.platform === b.rules.platform && b.from < a.until) {
        throw new InputError(
          msg(`规则集 ${a.rules.id} 与 ${b.rules.id} 对平台 ${a.rules.platform} 的生效期重叠`, `rule sets ${a.rules.id} and ${b.rules.id} are both in force for platform ${a.rules.platform} on some days`),
          msg('修改其中一个的 validFrom / validTo, 使每个平台每天只有一个规则集生效。', 'change validFrom / validTo of one of them so that one rule set per platform is in force on any day.'),
        );
      }
    }
  }
  return { forced: null, byId: new Map(sets.map((r) => [r.id, r])), spans };
}

export function forcedBook(rules: RuleSet, tz: TimeZone): RuleBook {
  return { forced: rules, byId: new Map([[rules.id, rules]]), spans: [span(rules, tz)] };
}

/** The rule set that judges an order of `platform` paid at `paidAt`; null when none is in force (reason no_rule_set). */
export function ruleSetFor(book: RuleBook, platform: RulePlatform, paidAt: number): RuleSet | null {
  if (book.forced) return book.forced;
  // By index: called for every order, a for-of made an iterator each time (issue 21).
  const spans = book.spans;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (s.rules.platform === platform && paidAt >= s.from && paidAt < s.until) return s.rules;
  }
  return null;
}
