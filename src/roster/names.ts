// Agent names compared across a roster's files (--requests, --previous): which differ, and which of
// them is probably the same person typed another way (小黄 / 小璜, Ann / ann, a stray space).
import { distance } from '../context.js';
import { type Msg, msg } from '../errors.js';
import { halfWidth } from '../io/cells.js';

const folded = (s: string) => halfWidth(s).replace(/\s+/g, '').toLowerCase();

/**
 * The name of `names` that `name` is most likely a mistyping of: the same once case, spaces and
 * full-width letters are set aside, or one character off in a name of two or more. Undefined when
 * none, or when more than one fits equally, a name of one character included (no guess between two
 * people).
 */
export function nearName(name: string, names: readonly string[]): string | undefined {
  const f = folded(name);
  const same = names.filter((n) => n !== name && folded(n) === f);
  if (same.length === 1) return same[0];
  if (same.length > 1) return undefined;
  if ([...f].length < 2) return undefined;
  // Every name one character off counts toward "more than one fits", the one-character ones too
  // (小王 beside 王 and 小陈 is no guess), though a one-character name is never the guess itself.
  const close = names.filter((n) => n !== name && distance([...f], [...folded(n)]) <= 1);
  return close.length === 1 && [...folded(close[0]!)].length >= 2 ? close[0] : undefined;
}

/** Up to `max` names joined (zh 、, en ", "), with how many more. */
export function nameList(names: readonly string[], max = 10): Msg {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  return msg(shown.join('、') + (more > 0 ? ` 等 ${names.length} 名` : ''), shown.join(', ') + (more > 0 ? ` and ${more} more` : ''));
}

/** Pairs (a of `left`, b of `right`) that are probably one person typed two ways. */
export function likelyPairs(left: readonly string[], right: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const a of left) {
    const b = nearName(a, right);
    if (b !== undefined && nearName(b, left) === a) out.push([a, b]);
  }
  return out;
}
