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
  if (close.length === 1) return [...folded(close[0]!)].length >= 2 ? close[0] : undefined;
  return close.length > 1 ? bySound(f, close) : undefined;
}

/**
 * Several names one character off: in a roster of 小X names every 小Y is (小梅 beside 小美, 小王, 小李), so
 * the shared 小 told nothing and no name was suggested. A name typed with a pinyin input method is
 * mistyped as a character of the same sound: the one whose changed character sounds like the typed
 * one (梅 méi / 美 měi) is meant, when it alone does — its character within a syllable's reach in
 * pinyin order (`SOUND_REACH` characters of the CJK block) and every other one far beyond it. Not
 * when a name is one character longer or shorter (小王 beside 王), nor between two of one sound
 * (小丽 beside 小莉 and 小李: no guess between two people).
 */
function bySound(f: string, close: readonly string[]): string | undefined {
  const typed = [...f];
  const gaps: { name: string; gap: number }[] = [];
  for (const n of close) {
    const other = [...folded(n)];
    if (other.length !== typed.length || other.length < 2) return undefined;
    const i = typed.findIndex((ch, k) => ch !== other[k]);
    const gap = pinyinGap(typed[i]!, other[i]!);
    if (gap === undefined) return undefined;
    gaps.push({ name: n, gap });
  }
  gaps.sort((a, b) => a.gap - b.gap);
  const [best, next] = gaps;
  return best!.gap <= SOUND_REACH && next!.gap > SOUND_REACH && next!.gap > 4 * best!.gap ? best!.name : undefined;
}

/** About the characters of one syllable, its four tones together, in the CJK block (美 to 梅: 36; 静 to 晶: 78). */
const SOUND_REACH = 128;

let pinyinRank: Map<string, number> | null | undefined;

/**
 * How far apart two Han characters are in pinyin order, counted in characters of the CJK block
 * (U+4E00–U+9FFF): a few dozen for one sound (梅 méi, 美 měi), thousands for 美 and 王. Undefined when
 * either is not in the block, or when Node has no Chinese collation (a small-icu build). The block is
 * sorted once, when a name first needs it (~80 ms), never on a run whose names all match.
 */
function pinyinGap(a: string, b: string): number | undefined {
  if (pinyinRank === undefined) {
    // Without Chinese collation data the order is the code points' (不 U+4E0D before 阿 U+963F): pinyin has 阿 (ā) first.
    const c = new Intl.Collator('zh-u-co-pinyin');
    if (c.compare('阿', '不') < 0 && c.compare('不', '吃') < 0) {
      const block = Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => String.fromCharCode(0x4e00 + i)).sort(c.compare);
      pinyinRank = new Map(block.map((ch, i) => [ch, i]));
    } else pinyinRank = null;
  }
  const ra = pinyinRank?.get(a);
  const rb = pinyinRank?.get(b);
  return ra === undefined || rb === undefined ? undefined : Math.abs(ra - rb);
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
