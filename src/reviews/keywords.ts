import type { ShapeTable } from './wording.js';

// Keyword tables (templates/reviews/*.json) compiled into matchers. Pure: the loader hands in
// parsed JSON. Phrases match ignoring case, width and spaces; `/…/` entries are regular
// expressions; neutralizers ("没有色差", "not bad") are cut out before anything is matched.

export const CATEGORIES = ['logistics', 'quality', 'not_as_described', 'service', 'price', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface KeywordTables {
  categories: Record<Exclude<Category, 'other'>, string[]>;
  safety: string[];
  negative: string[];
  neutralizers: string[];
  extortion: string[];
}

export interface ForbiddenTable {
  /** Extra phrases or /regular expressions/ refused wherever they appear. */
  phrases: string[];
  /** The word lists of the shape check (src/reviews/wording.ts). */
  shape?: ShapeTable;
}

/** Text in the two shapes matching needs: spaces collapsed (English words) and removed (Chinese). */
export interface Prepared {
  spaced: string;
  tight: string;
}

export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, ' ').trim();
}

const ASCII = /^[\x20-\x7e]+$/;

interface Entry {
  source: string;
  kind: 'regex' | 'ascii' | 'other';
  /** The phrase as matched: normalized (ascii) or with spaces removed (other). */
  key: string;
  test(p: Prepared): string | undefined;
}

function compileEntry(raw: string): Entry | undefined {
  const e = raw.trim();
  if (e === '') return undefined;
  if (e.length > 2 && e.startsWith('/') && e.endsWith('/')) {
    const re = new RegExp(e.slice(1, -1), 'iu');
    return {
      source: e,
      kind: 'regex',
      key: e,
      // Text without spaces (most Chinese reviews) is the same in both shapes: one scan, not two.
      test: (p) => re.exec(p.spaced)?.[0] ?? (p.tight !== p.spaced ? re.exec(p.tight)?.[0] : undefined),
    };
  }
  const n = normalizeText(e);
  if (ASCII.test(n)) {
    // English: whole words only ("rash" must not match "crash").
    const re = new RegExp(`(?<![a-z0-9])${asciiPattern(n)}(?![a-z0-9])`, 'i');
    return { source: e, kind: 'ascii', key: n, test: (p) => (re.test(p.spaced) ? e : undefined) };
  }
  const tight = n.replace(/ /g, '');
  return { source: e, kind: 'other', key: tight, test: (p) => (p.tight.includes(tight) ? e : undefined) };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const asciiPattern = (n: string) => escapeRe(n).replace(/ /g, '\\s*');

/**
 * A keyword table compiled once: all its plain phrases in two alternations (English whole words
 * on the spaced text, the rest on the tight text), so most texts (which match nothing) cost two
 * regex scans instead of one test per phrase. Only a text that matches is looked at entry by entry.
 */
export class PhraseList {
  private readonly entries: Entry[];
  private readonly asciiRe: RegExp | undefined;
  private readonly otherRe: RegExp | undefined;
  private readonly regexEntries: Entry[];
  constructor(list: readonly string[]) {
    this.entries = list.map(compileEntry).filter((e): e is Entry => e !== undefined);
    const ascii = this.entries.filter((e) => e.kind === 'ascii').map((e) => asciiPattern(e.key));
    // A trie of the phrases (see trie()): only tested for any match, so its order does not matter.
    const other = this.entries.filter((e) => e.kind === 'other' && e.key !== '').map((e) => e.key);
    if (ascii.length) this.asciiRe = new RegExp(`(?<![a-z0-9])(?:${ascii.join('|')})(?![a-z0-9])`, 'i');
    if (other.length) this.otherRe = new RegExp(trie(other));
    this.regexEntries = this.entries.filter((e) => e.kind === 'regex');
  }
  /** Whether any entry matches. */
  any(p: Prepared): boolean {
    if (this.otherRe?.test(p.tight)) return true;
    if (this.asciiRe?.test(p.spaced)) return true;
    for (const e of this.regexEntries) if (e.test(p) !== undefined) return true;
    return false;
  }
  /** Every entry that matches, as written in the table (a regex entry gives the matched text). */
  all(p: Prepared): string[] {
    const out: string[] = [];
    if (!this.any(p)) return out;
    for (const e of this.entries) {
      const m = e.test(p);
      if (m !== undefined && !out.includes(m)) out.push(m);
    }
    return out;
  }
  first(p: Prepared): string | undefined {
    if (!this.any(p)) return undefined;
    for (const e of this.entries) {
      const m = e.test(p);
      if (m !== undefined) return m;
    }
    return undefined;
  }
}

export interface Matchers {
  categories: [Exclude<Category, 'other'>, PhraseList][];
  safety: PhraseList;
  negative: PhraseList;
  extortion: PhraseList;
  neutralizers: Neutralizers;
  /** The not_as_described phrases that doubt the goods are genuine (COUNTERFEIT): the message asks for photos. */
  counterfeit: PhraseList;
}

/**
 * The phrases of the shipped not_as_described table that say the goods are not genuine, and 高仿
 * (a high-grade fake): a review holding one gets contact-counterfeit. Matched after the neutralizers
 * (不是假货, 不是假的, 保证正品, not fake …) are cut out, as every table is.
 */
export const COUNTERFEIT: readonly string[] = ['假货', '假的', '仿品', '高仿', '不是正品', '山寨', 'fake', 'counterfeit', 'knockoff'];

// A denial asked as a question is the complaint it asks about: 这不是质量问题吗？, 这不是质量问题是什么,
// 难道不是质量问题, 物流很快吗？ (rhetorical). Such a phrase is not cut out: one followed by 吗/么/是什么/? (not 呢 or 嘛,
// which end statements too: 物流很快呢 is praise)
// or within a few characters after 难道 (askedBefore: checked on a match only, so the alternation keeps
// its fast scan). (NFKC has made ？ a ?; the spaced text may hold a space.)
const NOT_ASKED_AFTER = '(?! ?(?:[吗么?]|是什么))';
const askedBefore = (m: string, at: number, text: string): string => (text.slice(Math.max(0, at - 6), at).includes('难道') ? m : '|');
const askedBeforeSpaced = (m: string, at: number, text: string): string => (text.slice(Math.max(0, at - 6), at).includes('难道') ? m : ' | ');

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * The phrases as one regex source, shared beginnings written once (没有色差|没有异味 → 没有(?:色差|异味)):
 * at each character of each review the engine tries one branch per distinct next character instead of
 * every phrase (text41: the neutralizer list grew by ~90 phrases, many starting 没有/不/后悔/再也). A
 * phrase that ends where a longer one goes on is the branch's optional tail, tried longer first, so
 * at a position the longest phrase that matches there is cut, as with the list sorted longest first.
 */
function trie(words: readonly string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    if (w === '') continue;
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const alts = [...node.next].map(([ch, child]) => escapeRe(ch) + emit(child));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    if (!node.end) return body;
    return `(?:${body})?`;
  };
  return emit(root);
}

/**
 * Phrases cut out before matching ("没有色差", "not bad"), compiled once per table: building a
 * RegExp per review text was most of `reviews queue`'s time on a big file (issue 21).
 */
export class Neutralizers {
  /** English phrases, whole words, longest first: one pass over the spaced text. */
  private readonly ascii: RegExp | undefined;
  /** Other phrases (spaces removed), longest first: one pass over each shape. */
  private readonly other: RegExp | undefined;
  private readonly otherSpaced: RegExp | undefined;
  constructor(list: readonly string[]) {
    // Longest first, so "几乎没有色差" is cut before "没有色差".
    const all = [...new Set(list.map((s) => normalizeText(s)).filter((s) => s !== ''))].sort((a, b) => b.length - a.length);
    const ascii = all.filter((n) => ASCII.test(n));
    const other = all.filter((n) => !ASCII.test(n));
    if (ascii.length) this.ascii = new RegExp(`(?<![a-z0-9])(?:${ascii.map(asciiPattern).join('|')})(?![a-z0-9])`, 'g');
    if (other.length) {
      this.other = new RegExp(`(?:${trie(other.map((n) => n.replace(/ /g, '')))})${NOT_ASKED_AFTER}`, 'g');
      this.otherSpaced = new RegExp(`(?:${trie(other)})${NOT_ASKED_AFTER}`, 'g');
    }
  }
  cut(spacedIn: string): Prepared {
    let spaced = this.ascii ? spacedIn.replace(this.ascii, ' | ') : spacedIn;
    let tight = spaced.replace(/ /g, '');
    if (this.other) {
      tight = tight.includes('难道') ? tight.replace(this.other, askedBefore) : tight.replace(this.other, '|');
      spaced = spaced.includes('难道') ? spaced.replace(this.otherSpaced!, askedBeforeSpaced) : spaced.replace(this.otherSpaced!, ' | ');
    }
    return { spaced, tight };
  }
}

export function compileTables(t: KeywordTables): Matchers {
  return {
    categories: CATEGORIES.filter((c): c is Exclude<Category, 'other'> => c !== 'other').map((c) => [c, new PhraseList(t.categories[c] ?? [])]),
    safety: new PhraseList(t.safety),
    negative: new PhraseList(t.negative),
    extortion: new PhraseList(t.extortion),
    neutralizers: new Neutralizers(t.neutralizers),
    counterfeit: new PhraseList(COUNTERFEIT),
  };
}

/** Prepare text for matching; with neutralizers, those phrases are cut out first. */
export function prepare(text: string, neutralizers?: Neutralizers): Prepared {
  const spaced = normalizeText(text);
  if (neutralizers) return neutralizers.cut(spaced);
  return { spaced, tight: spaced.replace(/ /g, '') };
}

/** Merge an operator's tables into the shipped ones (entries are added, never removed). */
export function mergeTables(base: KeywordTables, extra: Partial<KeywordTables>): KeywordTables {
  const add = (a: string[], b: unknown): string[] => (Array.isArray(b) ? [...a, ...b.filter((x): x is string => typeof x === 'string')] : a);
  const cats = { ...base.categories };
  const ec = (extra.categories ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(cats) as (keyof typeof cats)[]) cats[k] = add(cats[k], ec[k]);
  return {
    categories: cats,
    safety: add(base.safety, extra.safety),
    negative: add(base.negative, extra.negative),
    neutralizers: add(base.neutralizers, extra.neutralizers),
    extortion: add(base.extortion, extra.extortion),
  };
}
